// Verified teachers (decision 0037). Role TEACHER means an administrator approved the account or
// invited it; asking at sign-up only files a request. Callers have checked who is asking (the
// actions are declared with access "admin"); these functions only apply the rules.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { sendMail, type MailConfig } from "@/lib/mail/send";
import { hashPassword } from "@/lib/auth/password";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl}/teacher-invitation?token=${encodeURIComponent(token)}`;
}

const person = { id: true, name: true, email: true } as const;

/** What the administration page lists: requests oldest first, teachers by name, invitations still open. */
export async function adminOverview(now = new Date()) {
  const [requests, teachers, invitations] = await Promise.all([
    db.user.findMany({
      where: { teacherRequestedAt: { not: null }, role: "STUDENT" },
      select: { ...person, teacherRequestedAt: true },
      orderBy: { teacherRequestedAt: "asc" },
    }),
    db.user.findMany({ where: { role: "TEACHER" }, select: { ...person, isAdmin: true }, orderBy: [{ name: "asc" }, { email: "asc" }] }),
    db.teacherInvitation.findMany({
      where: { usedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, expiresAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { requests, teachers, invitations };
}

const NO_REQUEST = "That request has already been answered, or withdrawn. Reload the page to see the current list.";

/** Approving makes the account a teacher at once: the guards read the role on every request. */
export async function approveTeacherRequest(userId: string): Promise<{ name: string }> {
  const approved = await db.user.updateMany({
    where: { id: userId, role: "STUDENT", teacherRequestedAt: { not: null } },
    data: { role: "TEACHER", teacherRequestedAt: null },
  });
  if (approved.count !== 1) throw new DomainError("not_found", NO_REQUEST);
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
}

/** Declining keeps the student account as it is and only closes the request. */
export async function declineTeacherRequest(userId: string): Promise<{ name: string }> {
  const declined = await db.user.updateMany({ where: { id: userId, role: "STUDENT", teacherRequestedAt: { not: null } }, data: { teacherRequestedAt: null } });
  if (declined.count !== 1) throw new DomainError("not_found", NO_REQUEST);
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
}

/**
 * The account becomes a student: from its next request it no longer sees the teacher pages, keys
 * or students' emails. Its classes stay as they are (a co-teacher keeps teaching them), so giving
 * the role back restores them.
 */
export async function removeTeacherRole(adminId: string, userId: string): Promise<{ name: string }> {
  if (adminId === userId) throw new DomainError("forbidden", "You cannot remove your own teacher role here. Ask another administrator.");
  const removed = await db.user.updateMany({ where: { id: userId, role: "TEACHER" }, data: { role: "STUDENT", teacherRequestedAt: null } });
  if (removed.count !== 1) throw new DomainError("not_found", "That account is not a teacher any more. Reload the page to see the current list.");
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
}

/**
 * Emails a single-use link that makes `email` a verified teacher: following it signs up a teacher,
 * or, signed in with that email, turns the account into one. Only the link's hash is stored.
 */
export async function inviteTeacher(adminId: string, email: string, baseUrl: string, { now = new Date(), mail }: { now?: Date; mail?: MailConfig } = {}) {
  const existing = await db.user.findUnique({ where: { email }, select: { role: true } });
  if (existing?.role === "TEACHER") throw new DomainError("conflict", `${email} is already a teacher.`, { email: [`${email} is already a teacher.`] });
  const admin = await db.user.findUniqueOrThrow({ where: { id: adminId }, select: { name: true } });
  const token = randomBytes(32).toString("base64url");
  await db.teacherInvitation.create({
    data: { email, tokenHash: hashInvitationToken(token), invitedById: adminId, expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS) },
  });
  await sendMail(
    {
      to: email,
      subject: "You are invited to teach on Backchannel",
      text: [
        "Hello,",
        "",
        `${admin.name} invites you to use Backchannel as a teacher: to run classes, set lessons and quizzes and follow your students' work.`,
        "",
        "To accept, open this link within 7 days:",
        "",
        invitationLink(baseUrl, token),
        "",
        `The link works once. If you already have a Backchannel account with ${email}, sign in with it when the page asks and it becomes a teacher account.`,
        "If you did not expect this, ignore this email.",
      ].join("\n"),
    },
    mail,
  );
}

export type InvitationState = { state: "valid"; email: string; hasAccount: boolean } | { state: "expired-or-used" };

/** Whether a link can still be used, for the page that shows it (nothing is used up). */
export async function invitationState(token: string, now = new Date()): Promise<InvitationState> {
  const row = await db.teacherInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { email: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.usedAt || row.expiresAt <= now) return { state: "expired-or-used" };
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return { state: "valid", email: row.email, hasAccount: account !== null };
}

export const INVITATION_UNUSABLE = "This invitation has expired or has already been used. Ask the administrator for a new one.";

/** Claims the link inside a transaction: of two uses at the same time only one passes. */
async function claim(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], token: string, now: Date): Promise<string> {
  const tokenHash = hashInvitationToken(token);
  const claimed = await tx.teacherInvitation.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new DomainError("invalid_input", INVITATION_UNUSABLE);
  const { email } = await tx.teacherInvitation.findUniqueOrThrow({ where: { tokenHash }, select: { email: true } });
  // Every other open invitation to the same email is spent too: one is enough.
  await tx.teacherInvitation.updateMany({ where: { email, usedAt: null }, data: { usedAt: now } });
  return email;
}

/** Following the link without an account: a verified teacher account for the invited email. */
export async function signUpByInvitation(token: string, input: { name: string; password: string }, now = new Date()): Promise<{ email: string }> {
  if ((await invitationState(token, now)).state !== "valid") throw new DomainError("invalid_input", INVITATION_UNUSABLE);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const email = await claim(tx, token, now);
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new DomainError("conflict", `An account with ${email} already exists. Sign in with it, then open the link again.`);
    await tx.user.create({ data: { email, name: input.name, passwordHash, role: "TEACHER" } });
    return { email };
  });
}

/** Following the link signed in with the invited email: the account becomes a teacher. */
export async function acceptInvitation(token: string, user: { id: string; email: string }, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const email = await claim(tx, token, now);
    if (email !== user.email) {
      throw new DomainError("forbidden", `This invitation is for ${email}. Sign out, then sign in with that email or create its account.`);
    }
    await tx.user.update({ where: { id: user.id }, data: { role: "TEACHER", teacherRequestedAt: null } });
  });
}

/** Tells every administrator that someone asked to be a teacher. Errors are the caller's to log. */
export async function notifyAdminsOfRequest(requester: { name: string; email: string }, baseUrl: string | null, { mail }: { mail?: MailConfig } = {}) {
  const admins = await db.user.findMany({ where: { isAdmin: true }, select: { email: true, name: true } });
  for (const admin of admins) {
    await sendMail(
      {
        to: admin.email,
        subject: `Teacher request from ${requester.name}`,
        text: [
          `Hello ${admin.name},`,
          "",
          `${requester.name} (${requester.email}) signed up on Backchannel and asked to be a teacher. Until you approve, the account is a student account: it cannot see the answer keys or students' emails.`,
          "",
          baseUrl
            ? `Approve or decline on the administration page: ${baseUrl}/admin`
            : "Approve or decline on Backchannel's administration page (Admin, in the header).",
        ].join("\n"),
      },
      mail,
    );
  }
}
