"use client";
// A date-and-time field. <input type="datetime-local"> has no time zone, so the browser turns
// what was typed into an instant (ISO 8601, UTC) in a hidden field that the server reads; the
// daylight-saving offset of the chosen day is the one applied.
import { useState } from "react";
import { FieldFrame, fieldIds } from "@/components/form-field";
import { useHydrated } from "@/components/use-hydrated";

type Props = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  errors?: string[] | undefined;
  /** ISO instant to start from (e.g. after a failed submit). */
  defaultIso?: string | undefined;
  id?: string;
};

function toLocalValue(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function toIso(local: string): string {
  if (!local) return "";
  const date = new Date(local); // a date-time without an offset is read as local time
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

export function DateTimeField({ name, label, hint, required, errors, defaultIso, id }: Props) {
  // The starting value needs the reader's time zone, so it appears once hydrated (the server's
  // render and the first client render agree on an empty field); what the teacher types wins.
  const [typed, setLocal] = useState<string | null>(null);
  const hydrated = useHydrated();
  const local = typed ?? (hydrated ? toLocalValue(defaultIso) : "");
  const ids = fieldIds({ name, label, hint, errors, id });
  return (
    <FieldFrame label={label} hint={hint} errors={errors} {...ids}>
      <input
        id={ids.fieldId}
        name={`${name}Local`}
        type="datetime-local"
        className="field"
        required={required}
        value={local}
        onChange={(event) => setLocal(event.target.value)}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        suppressHydrationWarning
      />
      <input type="hidden" name={name} value={toIso(local)} />
    </FieldFrame>
  );
}
