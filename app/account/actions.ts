"use server";
// The account page's forms, declared once (lib/actions/define.ts).
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { signOut } from "@/auth";
import { formAction } from "@/lib/actions/define";
import { freeText, secret } from "@/lib/actions/fields";
import { changeName, changePassword, checkPassword, deleteAccount } from "@/lib/auth/accounts";
import { changeNameSchema, changePasswordSchema, deleteAccountSchema } from "@/lib/auth/validation";
import { fieldError } from "@/lib/errors";

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
    if (!(await checkPassword(user.id, input.currentPassword))) throw fieldError("currentPassword", "Your current password is not correct.");
    await changePassword(user.id, input.newPassword);
    return { success: "Your password has been changed." };
  },
});

export const deleteAccountAction = formAction({
  access: "user",
  returnTo,
  input: deleteAccountSchema.extend({ password: secret(deleteAccountSchema.shape.password) }),
  async run({ user, input }) {
    if (!(await checkPassword(user.id, input.password))) throw fieldError("password", "Your password is not correct.");
    await deleteAccount(user.id);
    await signOut({ redirect: false });
    redirect("/?account=deleted");
  },
});
