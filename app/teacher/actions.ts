"use server";
// The teacher's home: creating a class (declared once: lib/actions/define.ts).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { freeText } from "@/lib/actions/fields";
import { classNameSchema } from "@/lib/teacher/validation";
import { createClass } from "@/lib/teacher/classes";

export const createClassAction = formAction({
  access: "teacher",
  returnTo: "/teacher",
  input: z.object({ name: freeText(classNameSchema) }),
  async run({ user, input }) {
    const { id } = await createClass(user.id, input.name);
    revalidatePath("/teacher");
    redirect(`/teacher/classes/${id}`);
  },
});
