"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { signOut } from "@/auth";
import { changeName, changePassword, checkPassword, deleteAccount } from "@/lib/auth/accounts";
import { requireUser } from "@/lib/auth/guards";
import { changeNameSchema, changePasswordSchema, deleteAccountSchema, fieldErrors, type FieldErrors } from "@/lib/auth/validation";

export type AccountFormState = { message?: string; success?: string; errors?: FieldErrors; values?: Record<string, string> };

function text(form: FormData, name: string): string {
  // A crafted request may send something other than FormData: read it as an empty form.
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === "string" ? value : "";
}

export async function changeNameAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireUser("/account");
  const values = { name: text(form, "name") };
  const parsed = changeNameSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  await changeName(user.id, parsed.data.name);
  revalidatePath("/account");
  return { success: "Your name has been saved.", values: { name: parsed.data.name } };
}

export async function changePasswordAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireUser("/account");
  const parsed = changePasswordSchema.safeParse({
    currentPassword: text(form, "currentPassword"),
    newPassword: text(form, "newPassword"),
    confirmPassword: text(form, "confirmPassword"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  if (!(await checkPassword(user.id, parsed.data.currentPassword))) {
    return { errors: { currentPassword: ["Your current password is not correct."] } };
  }
  await changePassword(user.id, parsed.data.newPassword);
  return { success: "Your password has been changed." };
}

export async function deleteAccountAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireUser("/account");
  const parsed = deleteAccountSchema.safeParse({ password: text(form, "password"), confirm: text(form, "confirm") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  if (!(await checkPassword(user.id, parsed.data.password))) {
    return { errors: { password: ["Your password is not correct."] } };
  }
  await deleteAccount(user.id);
  await signOut({ redirect: false });
  redirect("/?account=deleted");
}
