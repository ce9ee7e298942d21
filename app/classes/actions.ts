"use server";
// The student's side of classes: joining with a code, and starting an assignment.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import { fieldErrors } from "@/lib/auth/validation";
import { startAssignmentAttempt } from "@/lib/teacher/assignments";
import { joinClass } from "@/lib/teacher/classes";
import { joinCodeInputSchema } from "@/lib/teacher/validation";
import { refused, text, type FormState } from "@/lib/form";

/** The client's address for the join throttle: the first x-forwarded-for hop behind a proxy. */
async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "direct";
}

export async function joinClassAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser("/classes/join");
  const values = { code: text(form, "code") };
  const parsed = joinCodeInputSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  let joined: { classId: string; alreadyMember: boolean };
  try {
    joined = await joinClass(user.id, parsed.data.code, { address: await clientAddress() });
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath("/classes");
  revalidatePath("/dashboard");
  redirect(`/classes?${joined.alreadyMember ? "already" : "joined"}=${encodeURIComponent(joined.classId)}`);
}

export async function startAssignmentAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser("/classes");
  const assignmentId = z.string().min(1).max(64).safeParse(text(form, "assignmentId"));
  if (!assignmentId.success) return { message: "That assignment does not exist, or it is not set for you." };
  let attemptId: string;
  try {
    attemptId = (await startAssignmentAttempt(user.id, assignmentId.data)).attemptId;
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/classes");
  redirect(`/quiz/attempt/${attemptId}`);
}
