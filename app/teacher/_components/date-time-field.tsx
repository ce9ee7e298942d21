"use client";
// A date-and-time field. <input type="datetime-local"> has no time zone, so the browser turns
// what was typed into an instant (ISO 8601, UTC) in a hidden field that the server reads; the
// daylight-saving offset of the chosen day is the one applied.
import { useState } from "react";

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
  const [local, setLocal] = useState(() => (typeof window === "undefined" ? "" : toLocalValue(defaultIso)));
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = errors?.length ? `${fieldId}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={`${name}Local`}
        type="datetime-local"
        className="field"
        required={required}
        value={local}
        onChange={(event) => setLocal(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        suppressHydrationWarning
      />
      <input type="hidden" name={name} value={toIso(local)} />
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
