"use client";
// The platform form (register or edit) and the remove button of the LTI administration page.
import { useActionState } from "react";
import { FormField, FormMessage } from "@/components/form-field";
import { TextAreaField } from "@/components/form-bits";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;
export type PlatformValues = {
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string;
  authLoginUrl: string;
  tokenUrl: string;
  keySetUrl: string;
};

const FIELDS: { name: keyof PlatformValues; label: string; hint: string; type?: string }[] = [
  { name: "name", label: "Name", hint: "As your teachers know it, for example “Northfield Moodle”." },
  { name: "issuer", label: "Platform ID (issuer)", hint: "Moodle: the site's address. Canvas: https://canvas.instructure.com.", type: "url" },
  { name: "clientId", label: "Client ID", hint: "The platform gives it when you add Backchannel as a tool." },
  { name: "authLoginUrl", label: "Authentication request URL", hint: "Moodle: …/mod/lti/auth.php. Canvas: …/api/lti/authorize_redirect.", type: "url" },
  { name: "tokenUrl", label: "Access token URL", hint: "Moodle: …/mod/lti/token.php. Canvas: …/login/oauth2/token.", type: "url" },
  { name: "keySetUrl", label: "Public keyset URL", hint: "Moodle: …/mod/lti/certs.php. Canvas: …/api/lti/security/jwks.", type: "url" },
];

export function PlatformForm({
  action,
  platformId,
  initial,
  submitLabel,
}: {
  action: Action;
  platformId?: string;
  initial?: PlatformValues;
  submitLabel: string;
}) {
  const [state, run] = useActionState<FormState, FormData>(action, {});
  const value = (name: keyof PlatformValues) => {
    const given = state.values?.[name];
    return typeof given === "string" ? given : (initial?.[name] ?? "");
  };
  const prefix = platformId ? `${platformId}-` : "new-";
  return (
    <form action={run} className="space-y-3" noValidate key={state.done}>
      <FormMessage message={state.success} tone="success" />
      <FormMessage message={state.message} />
      {platformId ? <input type="hidden" name="platformId" value={platformId} /> : null}
      {FIELDS.map((field) => (
        <FormField
          key={field.name}
          id={`${prefix}${field.name}`}
          name={field.name}
          label={field.label}
          hint={field.hint}
          type={field.type ?? "text"}
          autoComplete="off"
          required
          defaultValue={value(field.name)}
          errors={state.errors?.[field.name]}
        />
      ))}
      <TextAreaField
        id={`${prefix}deploymentIds`}
        name="deploymentIds"
        label="Deployment IDs"
        hint="One per line (or separated by commas). Moodle shows it as the tool's deployment ID; Canvas beside the developer key."
        rows={2}
        required
        defaultValue={value("deploymentIds")}
        errors={state.errors?.deploymentIds}
      />
      <SubmitButton className="btn" pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

export function RemovePlatformButton({ action, platformId, name }: { action: Action; platformId: string; name: string }) {
  const [state, run] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={run} className="space-y-1">
      <input type="hidden" name="platformId" value={platformId} />
      <SubmitButton className="btn btn-secondary px-3 py-1.5 text-sm" pendingLabel="Removing…">
        Remove {name}
      </SubmitButton>
      <FormMessage message={state.message} />
    </form>
  );
}
