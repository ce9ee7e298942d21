// Co-teachers join a class by invitation only (decision 0038, finding F9). The owner invites an
// email and always reads the same answer, whatever the email is; the invited teacher accepts or
// declines from her teacher page. Nothing here adds anyone to a class without her acceptance.
import { reserveAttempt } from "@/lib/auth/throttle";
import { describeRetry } from "@/lib/auth/throttle-policy";
import { fieldErrors } from "@/lib/auth/validation";
import { db } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { sendMail, type MailConfig } from "@/lib/mail/send";
import { requireTeaching } from "./classes";
import {
  INVITATION_LIFETIME_MS,
  INVITATION_MESSAGES,
  INVITE_RULE,
  invitationMail,
  invitationSentMessage,
  invitationState,
  inviteLimitMessage,
  refusalFor,
} from "./invitation-rules";
import { coTeacherSchema } from "./validation";

/** Not answered, not cancelled (and, where it matters, not expired): the rows a Prisma `where` calls pending. */
const open = { acceptedAt: null, declinedAt: null, cancelledAt: null } as const;

export type InviteOptions = {
  /** The app's public URL, for the link in the mail; null when the server does not know it. */
  baseUrl: string | null;
  now?: Date;
  mail?: MailConfig;
};

export type InviteResult = {
  /** The owner's answer: the same words for every email (invitationSentMessage). */
  message: string;
  /** The mail on its way, or nothing for a duplicate. The action does not wait for it, so every answer takes as long. */
  delivery: Promise<void>;
};

/**
 * The owner invites a colleague by email. The answer never tells whether the email has an account,
 * is a student's or a teacher's, already teaches the class or was already invited; a duplicate (an
 * invitation still pending, or a teacher of the class) writes nothing and sends nothing. Counted
 * against the owner (INVITE_RULE) before anything is looked up, duplicates included.
 */
export async function inviteCoTeacher(ownerId: string, classId: string, rawEmail: unknown, options: InviteOptions): Promise<InviteResult> {
  const { baseUrl, now = new Date(), mail } = options;
  const role = await requireTeaching(ownerId, classId);
  if (role !== "OWNER") throw new DomainError("forbidden", INVITATION_MESSAGES.ownerOnly);
  const parsed = coTeacherSchema.safeParse({ email: rawEmail });
  if (!parsed.success) throw new DomainError("invalid_input", "Check the email address.", fieldErrors(parsed.error));
  const email = parsed.data.email;

  const allowed = await reserveAttempt({ key: `invite:teacher:${ownerId}`, rule: INVITE_RULE }, now);
  if (!allowed.allowed) throw new DomainError("rate_limited", inviteLimitMessage(allowed.retryAfterMs, describeRetry));

  const answer = { message: invitationSentMessage(email), delivery: Promise.resolve() };
  const [teaching, existing] = await Promise.all([
    db.classTeacher.findFirst({ where: { classId, user: { email } }, select: { userId: true } }),
    db.classInvitation.findUnique({
      where: { classId_email: { classId, email } },
      select: { expiresAt: true, acceptedAt: true, declinedAt: true, cancelledAt: true },
    }),
  ]);
  if (teaching || (existing && invitationState(existing, now) === "pending")) return answer;

  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  try {
    // One row per class and email: an answered, cancelled or expired invitation starts over.
    await db.classInvitation.upsert({
      where: { classId_email: { classId, email } },
      create: { classId, email, invitedById: ownerId, createdAt: now, expiresAt },
      update: { invitedById: ownerId, createdAt: now, expiresAt, acceptedAt: null, declinedAt: null, cancelledAt: null },
    });
  } catch (error) {
    // The same invitation sent twice at once: the first one's row is there, and its mail.
    if (isUniqueViolation(error)) return answer;
    throw error;
  }
  return { ...answer, delivery: sendInvitation(ownerId, classId, email, expiresAt, baseUrl, mail) };
}

async function sendInvitation(ownerId: string, classId: string, email: string, expiresAt: Date, baseUrl: string | null, config?: MailConfig): Promise<void> {
  const [owner, classroom] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { name: true, email: true } }),
    db.classroom.findUniqueOrThrow({ where: { id: classId }, select: { name: true } }),
  ]);
  const { subject, text } = invitationMail({
    inviterName: owner.name,
    inviterEmail: owner.email,
    className: classroom.name,
    expiresAt,
    teacherPageUrl: baseUrl ? `${baseUrl}/teacher` : null,
  });
  await sendMail({ to: email, subject, text }, config);
}

export type SentInvitation = { id: string; email: string; sentAt: Date; expiresAt: Date; expired: boolean };

/** The class's invitations nobody has answered yet (expired ones too, marked), for its owner. */
export async function listClassInvitations(ownerId: string, classId: string, now = new Date()): Promise<SentInvitation[]> {
  const role = await requireTeaching(ownerId, classId);
  if (role !== "OWNER") return [];
  const rows = await db.classInvitation.findMany({
    where: { classId, ...open },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, createdAt: true, expiresAt: true },
  });
  return rows.map((row) => ({ id: row.id, email: row.email, sentAt: row.createdAt, expiresAt: row.expiresAt, expired: row.expiresAt <= now }));
}

/** The owner withdraws an invitation (pending or expired); it can no longer be accepted. */
export async function cancelInvitation(ownerId: string, classId: string, invitationId: string, now = new Date()): Promise<{ email: string }> {
  const role = await requireTeaching(ownerId, classId);
  if (role !== "OWNER") throw new DomainError("forbidden", INVITATION_MESSAGES.ownerOnlyCancel);
  const row = await db.classInvitation.findFirst({ where: { id: invitationId, classId }, select: { email: true } });
  const cancelled = await db.classInvitation.updateMany({ where: { id: invitationId, classId, ...open }, data: { cancelledAt: now } });
  if (!row || cancelled.count === 0) throw new DomainError("not_found", INVITATION_MESSAGES.notPending);
  return { email: row.email };
}

export type ReceivedInvitation = { id: string; classId: string; className: string; inviterName: string; inviterEmail: string; sentAt: Date; expiresAt: Date };

/**
 * The pending invitations addressed to this account's email. Only a teacher account sees any: a
 * student whose email was invited sees nothing (the role is the guard; decision 0038).
 */
export async function invitationsFor(userId: string, now = new Date()): Promise<ReceivedInvitation[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
  if (!user || user.role !== "TEACHER") return [];
  const rows = await db.classInvitation.findMany({
    where: { email: user.email.toLowerCase(), ...open, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      class: { select: { id: true, name: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    classId: row.class.id,
    className: row.class.name,
    inviterName: row.invitedBy.name,
    inviterEmail: row.invitedBy.email,
    sentAt: row.createdAt,
    expiresAt: row.expiresAt,
  }));
}

export type InvitationAnswer = "accept" | "decline";

/**
 * The invited teacher accepts (she becomes a co-teacher, in the same transaction that records the
 * answer) or declines. Refused for anyone but a teacher account with the invitation's email, and
 * for an invitation that has expired, was cancelled or was already answered. The invitation is
 * claimed by a conditional update, so two answers at once cannot both pass.
 */
export async function answerInvitation(
  userId: string,
  invitationId: string,
  answer: InvitationAnswer,
  now = new Date(),
): Promise<{ classId: string; className: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
  if (!user) throw new DomainError("not_found", INVITATION_MESSAGES.notFound);
  const row = await db.classInvitation.findUnique({ where: { id: invitationId }, select: { email: true, classId: true, class: { select: { name: true } } } });
  if (!row || row.email !== user.email.toLowerCase()) throw new DomainError("not_found", INVITATION_MESSAGES.notFound);
  if (user.role !== "TEACHER") throw new DomainError("forbidden", INVITATION_MESSAGES.notTeacher);

  return db.$transaction(async (tx) => {
    const claimed = await tx.classInvitation.updateMany({
      where: { id: invitationId, ...open, expiresAt: { gt: now } },
      data: answer === "accept" ? { acceptedAt: now } : { declinedAt: now },
    });
    if (claimed.count !== 1) {
      const current = await tx.classInvitation.findUniqueOrThrow({
        where: { id: invitationId },
        select: { expiresAt: true, acceptedAt: true, declinedAt: true, cancelledAt: true },
      });
      const state = invitationState(current, now);
      throw new DomainError("conflict", state === "pending" ? INVITATION_MESSAGES.answered : refusalFor(state));
    }
    if (answer === "accept") {
      // Already a teacher of the class (she cannot be, short of a race): her role stays as it is.
      await tx.classTeacher.upsert({
        where: { classId_userId: { classId: row.classId, userId } },
        create: { classId: row.classId, userId, role: "CO_TEACHER", addedAt: now },
        update: {},
      });
    }
    return { classId: row.classId, className: row.class.name };
  });
}
