// Form pieces shared by the forms (server-safe: no hooks): select, textarea, choice groups, a table wrapper.
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FieldFrame, fieldIds, type DescribedField } from "@/components/form-field";

export function SelectField({ name, label, hint, errors, id, children, ...select }: DescribedField & SelectHTMLAttributes<HTMLSelectElement>) {
  const described = fieldIds({ name, label, hint, errors, id });
  return (
    <FieldFrame label={label} hint={hint} errors={errors} {...described}>
      <select id={described.fieldId} name={name} className="field" aria-invalid={described.invalid} aria-describedby={described.describedBy} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, hint, errors, id, ...area }: DescribedField & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const described = fieldIds({ name, label, hint, errors, id });
  return (
    <FieldFrame label={label} hint={hint} errors={errors} {...described}>
      <textarea id={described.fieldId} name={name} className="field" aria-invalid={described.invalid} aria-describedby={described.describedBy} {...area} />
    </FieldFrame>
  );
}

/** A group of checkboxes or radios with a legend, and its error tied to the group. */
export function ChoiceGroup({
  name,
  legend,
  hint,
  errors,
  children,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors?: string[] | undefined;
  children: ReactNode;
}) {
  const hintId = hint ? `group-${name}-hint` : undefined;
  const errorId = errors?.length ? `group-${name}-error` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="font-medium">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className="space-y-1">{children}</div>
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Choice({
  type = "checkbox",
  name,
  value,
  label,
  defaultChecked,
}: {
  type?: "checkbox" | "radio";
  name: string;
  value: string;
  label: ReactNode;
  defaultChecked?: boolean;
}) {
  return (
    <label className="flex items-start gap-2">
      <input type={type} name={name} value={value} defaultChecked={defaultChecked} className="mt-1.5 size-4 shrink-0 accent-accent" />
      <span>{label}</span>
    </label>
  );
}

/** A table that scrolls sideways on a phone instead of squeezing its columns. */
export function TableWrapper({ children, label }: { children: ReactNode; label: string }) {
  return (
    // Focusable so keyboard users can scroll it; named so screen readers announce what it holds.
    <div className="overflow-x-auto rounded-lg border border-rule bg-white" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
