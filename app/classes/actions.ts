"use server";
// The student's side of classes: joining with a code, and starting an assignment (declared once:
// lib/actions/define.ts).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { id } from "@/lib/actions/fields";
import { clientAddress } from "@/lib/security/client-address";
import { startAssignmentAttempt } from "@/lib/teacher/assignments";
import { joinClass } from "@/lib/teacher/classes";
import { joinCodeInputSchema } from "@/lib/teacher/validation";

export const joinClassAction = formAction({
  access: "user",
  returnTo: "/classes/join",
  input: joinCodeInputSchema,
  async run({ user, input }) {
    const joined = await joinClass(user.id, input.code, { address: clientAddress(await headers()) });
    revalidatePath("/classes");
    revalidatePath("/dashboard");
    redirect(`/classes?${joined.alreadyMember ? "already" : "joined"}=${encodeURIComponent(joined.classId)}`);
  },
});

export const startAssignmentAction = formAction({
  access: "user",
  returnTo: "/classes",
  invalid: "That assignment does not exist, or it is not set for you.",
  input: z.object({ assignmentId: id() }),
  async run({ user, input }) {
    const { attemptId } = await startAssignmentAttempt(user.id, input.assignmentId);
    revalidatePath("/classes");
    redirect(`/quiz/attempt/${attemptId}`);
  },
});
