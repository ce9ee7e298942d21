"use server";
// The teacher's home: creating a class, answering an invitation to co-teach (declared once:
// lib/actions/define.ts).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { freeText, id } from "@/lib/actions/fields";
import { classNameSchema } from "@/lib/teacher/validation";
import { createClass } from "@/lib/teacher/classes";
import { answerInvitation } from "@/lib/teacher/invitations";

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

// The domain checks the invitation is addressed to the caller's email and still pending (decision 0038).
export const acceptInvitationAction = formAction({
  access: "teacher",
  returnTo: "/teacher",
  input: z.object({ invitationId: id() }),
  async run({ user, input }) {
    const { classId } = await answerInvitation(user.id, input.invitationId, "accept");
    revalidatePath("/teacher");
    revalidatePath(`/teacher/classes/${classId}`, "layout");
    // She now teaches the class: straight to it.
    redirect(`/teacher/classes/${classId}`);
  },
});

export const declineInvitationAction = formAction({
  access: "teacher",
  returnTo: "/teacher",
  input: z.object({ invitationId: id() }),
  async run({ user, input }) {
    const { classId } = await answerInvitation(user.id, input.invitationId, "decline");
    revalidatePath("/teacher");
    revalidatePath(`/teacher/classes/${classId}`, "layout");
    redirect("/teacher?declined=1");
  },
});
