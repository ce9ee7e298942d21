// The new password and its confirmation, as the account page and the reset page both ask for them:
// one place for the labels, the browser's password-manager hints and the length rule.
import { FormField } from "@/components/form-field";
import type { FieldErrors } from "@/lib/actions/form-state";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

export function NewPasswordFields({ errors }: { errors?: FieldErrors }) {
  return (
    <>
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={errors?.newPassword}
      />
      <FormField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
    </>
  );
}
