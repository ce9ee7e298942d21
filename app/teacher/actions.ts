"use server";
// The teacher's home: creating a class. Shape: guard → parse → field errors → write → revalidate/redirect.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/guards";
import { fieldErrors } from "@/lib/auth/validation";
import { createClass } from "@/lib/teacher/classes";
import { createClassSchema } from "@/lib/teacher/validation";
import { refused, text, type FormState } from "@/lib/form";

export async function createClassAction(_: FormState, form: FormData): Promise<FormState> {
  const teacher = await requireRole("TEACHER", "/teacher");
  const values = { name: text(form, "name") };
  const parsed = createClassSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  let classId: string;
  try {
    classId = (await createClass(teacher.id, parsed.data.name)).id;
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath("/teacher");
  redirect(`/teacher/classes/${classId}`);
}
