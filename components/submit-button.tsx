"use client";
// A form's submit button that keeps its focus while the form's action runs. Chromium moves focus
// from a button that becomes `disabled` to <body> and never gives it back, so every submit would
// lose a keyboard or screen-reader user's place. `aria-disabled` tells assistive technology the
// same thing, and the click handler refuses a second submit while the first is still running.
import type { ComponentProps, ReactNode } from "react";
import { useFormStatus } from "react-dom";

type SubmitButtonProps = Omit<ComponentProps<"button">, "type" | "disabled"> & {
  /** What the button says while the action runs, e.g. "Saving…". */
  pendingLabel?: ReactNode;
};

export function SubmitButton({ pendingLabel, children, onClick, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      {...props}
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
    >
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
