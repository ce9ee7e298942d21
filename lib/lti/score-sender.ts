/**
 * Sends the outbox's due scores every minute while the server runs (started from
 * instrumentation.ts), so a score a platform refused with 503 goes again when its wait is over,
 * whether or not anyone finishes a quiz or opens the scores page (decision 0051). Several servers
 * may each run one: a score is claimed before it is sent (lib/lti/outbox.ts).
 */
import { sendDueScores } from "./outbox";

export function startScoreSender(intervalMs = 60_000): () => void {
  let sending = false;
  const timer = setInterval(() => {
    if (sending) return;
    sending = true;
    sendDueScores()
      .catch((error: unknown) => console.error("LTI score outbox:", error))
      .finally(() => {
        sending = false;
      });
  }, intervalMs);
  // Never what keeps the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
