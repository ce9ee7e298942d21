// Finishing a quiz swaps the runner for the results in the same document, and the button that had
// focus disappears with it; without a hand-over, focus falls to <body> and a screen reader says
// nothing. The runner asks for the hand-over and that attempt's results take it when they mount.
// A results page opened directly leaves focus alone, like any other page load.
let attemptAwaitingResultsFocus: string | null = null;

/** Asks for the hand-over to this attempt's results; `null` withdraws it (the finish failed). */
export function handFocusToResults(attemptId: string | null): void {
  attemptAwaitingResultsFocus = attemptId;
}

/** True once, for the attempt the runner handed focus to. */
export function takeResultsFocus(attemptId: string): boolean {
  if (attemptAwaitingResultsFocus !== attemptId) return false;
  attemptAwaitingResultsFocus = null;
  return true;
}
