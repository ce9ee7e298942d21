"use server";
// The account page's forms, declared once (lib/actions/define.ts).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { formAction } from "@/lib/actions/define";
import { freeText, secret } from "@/lib/actions/fields";
import { changeName, changePassword, deleteAccount } from "@/lib/auth/accounts";
import { requireCurrentPassword } from "@/lib/auth/current-password";
import { endAllSessions } from "@/lib/auth/sessions";
import { changeNameSchema, changePasswordSchema, deleteAccountSchema } from "@/lib/auth/validation";

const returnTo = "/account";

export const changeNameAction = formAction({
  access: "user",
  returnTo,
  input: changeNameSchema.extend({ name: freeText(changeNameSchema.shape.name) }),
  async run({ user, input }) {
    await changeName(user.id, input.name);
    revalidatePath("/account");
    return { success: "Your name has been saved.", values: { name: input.name } };
  },
});

const { currentPassword, newPassword, confirmPassword } = changePasswordSchema.shape;

export const changePasswordAction = formAction({
  access: "user",
  returnTo,
  input: changePasswordSchema.safeExtend({
    currentPassword: secret(currentPassword),
    newPassword: secret(newPassword),
    confirmPassword: secret(confirmPassword),
  }),
  async run({ user, input }) {
    await requireCurrentPassword(user, input.currentPassword, "currentPassword", "Your current password is not correct.");
    // Ends every session, this one included; signing in again with the new password gives this
    // device a new session cookie, so the person stays signed in here and only here.
    await changePassword(user.id, input.newPassword);
    await signIn("credentials", { email: user.email, password: input.newPassword, redirect: false });
    return { success: "Your password has been changed. You have been signed out on every other device." };
  },
});

export const deleteAccountAction = formAction({
  access: "user",
  returnTo,
  input: deleteAccountSchema.extend({ password: secret(deleteAccountSchema.shape.password) }),
  async run({ user, input }) {
    await requireCurrentPassword(user, input.password, "password", "Your password is not correct.");
    await deleteAccount(user.id);
    await signOut({ redirect: false });
    redirect("/?account=deleted");
  },
});

export const signOutEverywhereAction = formAction({
  access: "user",
  returnTo,
  input: z.object({}),
  async run({ user }) {
    await endAllSessions(user.id);
    await signOut({ redirect: false });
    redirect("/signin?notice=signed-out-everywhere");
  },
});
