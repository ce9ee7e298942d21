"use server";
// Following a teacher invitation (decision 0037): without an account it signs up a verified
// teacher; signed in with the invited email it makes that account a teacher. The guard is the
// single-use link (only its hash is stored) and, for the second, the session's own email.
import { signIn } from "@/auth";
import { formAction } from "@/lib/actions/define";
import { freeText, hidden, secret } from "@/lib/actions/fields";
import { acceptInvitation, signUpByInvitation } from "@/lib/admin/teachers";
import { invitationSignUpSchema, invitationTokenSchema } from "@/lib/auth/validation";
import { z } from "zod";

const invalid = "This invitation link is not valid. Ask the administrator for a new one.";
const { token, name, password } = invitationSignUpSchema.shape;

export const invitationSignUpAction = formAction({
  access: "public",
  invalid,
  input: invitationSignUpSchema.safeExtend({ token: hidden(token), name: freeText(name), password: secret(password) }),
  async run({ input }) {
    const { email } = await signUpByInvitation(input.token, { name: input.name, password: input.password });
    await signIn("credentials", { email, password: input.password, redirect: false });
    return { redirectTo: "/teacher" };
  },
});

export const acceptInvitationAction = formAction({
  access: "user",
  returnTo: "/",
  invalid,
  input: z.object({ token: hidden(invitationTokenSchema) }),
  async run({ user, input }) {
    await acceptInvitation(input.token, user);
    return { redirectTo: "/teacher" };
  },
});
