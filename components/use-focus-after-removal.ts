"use client";
// A button whose action removes its own row takes the focused element away with it, so focus
// falls to <body> and a screen reader goes quiet. This hands focus to a heading (by id) when the
// button unmounts after its form was submitted, and only if focus was lost: someone who has
// already moved on keeps their place. An action that ended with the row still there (refused, or
// it failed) hands nothing over later.
import { useEffect, useRef } from "react";

/** Returns the form's onSubmit; `pending` is the action's pending flag from useActionState. */
export function useFocusAfterRemoval(headingId: string | undefined, pending: boolean): () => void {
  const submitted = useRef(false);
  useEffect(() => {
    if (!pending) submitted.current = false;
  }, [pending]);
  useEffect(() => {
    const wasSubmitted = submitted;
    return () => {
      const focusLost = document.activeElement === null || document.activeElement === document.body;
      if (headingId && wasSubmitted.current && focusLost) document.getElementById(headingId)?.focus();
    };
  }, [headingId]);
  return () => {
    submitted.current = true;
  };
}
