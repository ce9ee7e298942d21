// Co-teacher invitations (decision 0038): what state an invitation is in, the one answer the owner
// gets whatever the email is, the refusals the invited teacher may meet, and the mail. Pure, so the
// rules are unit-tested; lib/teacher/invitations.ts keeps the rows.
import type { ThrottleRule } from "@/lib/auth/throttle-policy";

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;

export const INVITATION_LIFETIME_MS = 14 * DAY;

/**
 * Invitations are counted, not failures: 20 an hour per owner, so nobody uses a class to send mail
 * to a list of addresses, and a teacher inviting a department in one sitting is not stopped.
 */
export const INVITE_RULE = { windowMs: HOUR, maxFailures: 20, lockMs: HOUR, slowAfter: Number.MAX_SAFE_INTEGER } as const satisfies ThrottleRule;

export type InvitationState = "pending" | "expired" | "accepted" | "declined" | "cancelled";

export type InvitationTimes = { expiresAt: Date; acceptedAt: Date | null; declinedAt: Date | null; cancelledAt: Date | null };

/** An answer or a cancellation is final for this invitation; otherwise it is pending until it expires. */
export function invitationState(row: InvitationTimes, now: Date): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.declinedAt) return "declined";
  if (row.cancelledAt) return "cancelled";
  return row.expiresAt.getTime() > now.getTime() ? "pending" : "expired";
}

/**
 * What the owner reads after inviting: the same words, whether the email has no account, is a
 * student's, a teacher's, already teaches the class or was already invited (finding F9).
 */
export function invitationSentMessage(email: string): string {
  return `Invitation sent to ${email}. They become a co-teacher when they accept it from their teacher page.`;
}

export const INVITATION_MESSAGES = {
  /** The same for an invitation that does not exist and one addressed to someone else. */
  notFound: "That invitation does not exist, or it is not addressed to you.",
  expired: "This invitation has expired. Ask the teacher who sent it to invite you again.",
  cancelled: "This invitation was cancelled by the teacher who sent it.",
  answered: "You have already answered this invitation.",
  notTeacher: "Only a teacher account can accept an invitation to co-teach.",
  ownerOnly: "Only the teacher who created the class can invite co-teachers.",
  ownerOnlyCancel: "Only the teacher who created the class can cancel invitations.",
  notPending: "That invitation is no longer pending.",
} as const;

export function refusalFor(state: Exclude<InvitationState, "pending">): string {
  if (state === "expired") return INVITATION_MESSAGES.expired;
  if (state === "cancelled") return INVITATION_MESSAGES.cancelled;
  return INVITATION_MESSAGES.answered;
}

export function inviteLimitMessage(retryAfterMs: number, describe: (ms: number) => string): string {
  return `You have sent ${INVITE_RULE.maxFailures} invitations in the last hour, which is the limit. Try again ${describe(retryAfterMs)}.`;
}

export type InvitationMail = { subject: string; text: string };

/**
 * The mail to the invited address. It names who invited whom to which class and where to accept;
 * it says nothing about whether the address has an account (the owner does not learn it either).
 */
export function invitationMail({
  inviterName,
  inviterEmail,
  className,
  expiresAt,
  teacherPageUrl,
}: {
  inviterName: string;
  inviterEmail: string;
  className: string;
  expiresAt: Date;
  /** Null when the server does not know its public address (production without AUTH_URL). */
  teacherPageUrl: string | null;
}): InvitationMail {
  const until = expiresAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return {
    subject: `${inviterName} invites you to co-teach “${className}” on Backchannel`,
    text: [
      "Hello,",
      "",
      `${inviterName} (${inviterEmail}) invites you to teach the class “${className}” with them on Backchannel.`,
      "",
      "To accept or decline, sign in with a teacher account that uses this email address and open your teacher page:",
      "",
      teacherPageUrl ?? "Backchannel, then “Your classes”",
      "",
      `The invitation is there until ${until}. As a co-teacher you see the class's students, set work and read its reports.`,
      "If you were not expecting this, ignore this email: nothing changes unless you accept.",
    ].join("\n"),
  };
}
