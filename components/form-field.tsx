// A labelled input whose error is tied to it (aria-describedby) so screen readers announce it.
import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[] | undefined;
  hint?: string;
};

export function FormField({ name, label, errors, hint, id, ...input }: Props) {
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
        name={name}
        className="field"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
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
