// Labelled form controls whose hint and error are tied to the control (aria-describedby), so
// screen readers announce them with it. Server-safe: no hooks.
import type { InputHTMLAttributes, ReactNode } from "react";

export type DescribedField = { name: string; label: string; hint?: string | undefined; errors?: string[] | undefined; id?: string | undefined };

/** The ids a described control needs: its own, its hint's and its error's. */
export function fieldIds({ name, hint, errors, id }: DescribedField) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = errors?.length ? `${fieldId}-error` : undefined;
  return { fieldId, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined, invalid: errors?.length ? true : undefined };
}

/** Label, hint, the control (children, built with fieldIds) and the error message. */
export function FieldFrame({
  label,
  hint,
  errors,
  fieldId,
  hintId,
  errorId,
  children,
}: Pick<DescribedField, "label" | "hint" | "errors"> & ReturnType<typeof fieldIds> & { children: ReactNode }) {
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
      {children}
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type Props = InputHTMLAttributes<HTMLInputElement> & DescribedField;

export function FormField({ name, label, errors, hint, id, ...input }: Props) {
  const ids = fieldIds({ name, label, hint, errors, id });
  return (
    <FieldFrame label={label} hint={hint} errors={errors} {...ids}>
      <input id={ids.fieldId} name={name} className="field" aria-invalid={ids.invalid} aria-describedby={ids.describedBy} {...input} />
    </FieldFrame>
  );
}

/** The form-level message; role="alert" makes screen readers read it when it appears. */
export function FormMessage({ message, tone = "error" }: { message?: string | undefined; tone?: "error" | "success" }) {
  if (!message) return null;
  const styles = tone === "error" ? "border-[#b42318] bg-[#fef3f2] text-[#7a1a12]" : "border-[#2f6b3a] bg-[#eef7f0] text-[#1d4727]";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 ${styles}`}>
      {message}
    </p>
  );
}
