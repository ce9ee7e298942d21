// Why the sign-in page was shown, from where the visitor was going (the callbackUrl the guard and
// the proxy set): someone sent here from /quiz learns that quizzes need an account, not just "Sign in".
const REASONS: readonly { prefix: string; reason: string }[] = [
  { prefix: "/quiz", reason: "Sign in to take quizzes and keep your score." },
  { prefix: "/review", reason: "Sign in to take quizzes and keep your score." },
  { prefix: "/dashboard", reason: "Sign in to see your progress: lessons read, scores and mastery." },
  { prefix: "/classes/join", reason: "Sign in, or create an account, to join your class." },
  { prefix: "/classes", reason: "Sign in to see your classes and assignments." },
  { prefix: "/teacher", reason: "Sign in with a teacher account to manage your classes." },
  { prefix: "/account", reason: "Sign in to manage your account." },
];

/** The reason for a (safe, local) return path, or null for a plain visit to the sign-in page. */
export function signInReason(returnTo: string | null): string | null {
  if (!returnTo) return null;
  const path = returnTo.split(/[?#]/)[0] ?? "";
  return REASONS.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))?.reason ?? null;
}

// After a session was ended on purpose (decision 0033): what happened, in place of the greeting.
const NOTICES: Readonly<Record<string, string>> = {
  "signed-out-everywhere": "You have been signed out on every device.",
  "password-reset": "Your password has been changed and every session ended. Sign in with your new password.",
};

/** The notice for `?notice=…`, or null for any other value. */
export function signInNotice(raw: unknown): string | null {
  return typeof raw === "string" && Object.hasOwn(NOTICES, raw) ? (NOTICES[raw] ?? null) : null;
}

const SCHOOL_TRY_AGAIN = "Try again, or sign in with your email and password below.";

// A school sign-in that came back without signing in (decision 0047): Auth.js's error types and our
// own refusals (auth.ts), said in words. Anything else is the general message, never the raw code.
const ERRORS: Readonly<Record<string, string>> = {
  OAuthCallbackError: `Signing in with your school account did not finish: it was cancelled or refused at your school's sign-in page. ${SCHOOL_TRY_AGAIN}`,
  SchoolEmailMissing:
    "Your school account did not share an email address with Backchannel, so it cannot sign you in. Ask your school's IT team to include the email in the sign-in, or sign in with your email and password below.",
  SchoolEmailUnverified:
    "Your school account's email address is not verified, so Backchannel cannot use it. Verify it with your school first, or sign in with your email and password below.",
};
const GENERAL_ERROR = `Signing in with your school account did not work. ${SCHOOL_TRY_AGAIN} If it keeps failing, tell your teacher or the site's administrator.`;

/** The message for `?error=…` (Auth.js sends failed sign-ins back here), or null without one. */
export function signInError(raw: unknown): string | null {
  if (typeof raw !== "string" || raw === "") return null;
  return Object.hasOwn(ERRORS, raw) ? (ERRORS[raw] ?? GENERAL_ERROR) : GENERAL_ERROR;
}
