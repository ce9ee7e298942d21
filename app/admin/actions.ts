"use server";
// The administration page's forms, declared once (lib/actions/define.ts) with access "admin":
// anonymous callers go to sign-in, everyone else who is not an administrator gets a 403 (decision 0037).
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { freeText, id } from "@/lib/actions/fields";
import { approveTeacherRequest, declineTeacherRequest, inviteTeacher, removeTeacherRole } from "@/lib/admin/teachers";
import { publicBaseUrl } from "@/lib/auth/public-url";
import { emailSchema } from "@/lib/auth/validation";
import { DomainError } from "@/lib/errors";
import { saved } from "@/lib/actions/form-state";

const returnTo = "/admin";
const invalid = "That request is not valid. Reload the page and try again.";

export const approveTeacherAction = formAction({
  access: "admin",
  returnTo,
  invalid,
  input: z.object({ userId: id() }),
  async run({ input }) {
    const { name } = await approveTeacherRequest(input.userId);
    revalidatePath("/admin");
    return { success: `${name} is now a teacher.` };
  },
});

export const declineTeacherAction = formAction({
  access: "admin",
  returnTo,
  invalid,
  input: z.object({ userId: id() }),
  async run({ input }) {
    const { name } = await declineTeacherRequest(input.userId);
    revalidatePath("/admin");
    return { success: `${name}'s request is declined; the account stays a student account.` };
  },
});

export const removeTeacherAction = formAction({
  access: "admin",
  returnTo,
  invalid,
  input: z.object({ userId: id() }),
  async run({ user, input }) {
    const { name } = await removeTeacherRole(user.id, input.userId);
    revalidatePath("/admin");
    return { success: `${name} is a student account now.` };
  },
});

export const inviteTeacherAction = formAction({
  access: "admin",
  returnTo,
  // An invitation is a legitimate write for any valid email, as a name is (fields.ts freeText).
  input: z.object({ email: freeText(emailSchema) }),
  async run({ user, input }) {
    const baseUrl = publicBaseUrl(await headers());
    if (!baseUrl) throw new DomainError("forbidden", "Invitations by email need the server's public address (AUTH_URL) to be set.");
    // The admin waits for the mail here: a failure to send is worth telling her.
    try {
      await inviteTeacher(user.id, input.email, baseUrl);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      console.error("teacher invitation could not be sent:", error);
      throw new DomainError("conflict", "The invitation could not be sent. Check the mail settings (SMTP_URL) and try again.");
    }
    revalidatePath("/admin");
    return saved(`Invitation sent to ${input.email}. The link works once, for 7 days.`, { values: { email: "" } });
  },
});
