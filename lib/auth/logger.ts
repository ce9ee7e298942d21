// Auth.js logs every refused sign-in as an error with a stack trace. A wrong password or a form
// posted without its CSRF token is an expected refusal, not a fault: one line is enough, and the
// real faults stay visible in the server log instead of drowning among them.
import { AuthError } from "next-auth";

/** Refusals the app expects in normal use; anything else is logged in full. */
const EXPECTED_REFUSALS = new Set(["CredentialsSignin", "MissingCSRF"]);

export function describeAuthError(error: Error): { expected: boolean; line: string } {
  const kind = error instanceof AuthError ? error.type : error.name;
  const expected = EXPECTED_REFUSALS.has(kind);
  return { expected, line: expected ? `[auth] refused: ${kind}` : `[auth][error] ${kind}: ${error.message}` };
}

export const authLogger = {
  error(error: Error) {
    const { expected, line } = describeAuthError(error);
    if (expected) {
      console.warn(line);
      return;
    }
    // Auth.js wraps the underlying failure in `cause.err`; its stack is the useful one.
    const cause = error.cause as { err?: unknown } | undefined;
    console.error(line, cause?.err instanceof Error ? cause.err : error);
  },
};
