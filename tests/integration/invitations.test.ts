// Co-teacher invitations on a real SQLite file (decision 0038, finding F9), with the invitation mail
// sent through a real SMTP server in this process (smtp-server) and read back with mailparser.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { MailConfig } from "@/lib/mail/send";
import { getClassForTeacher, listClassesForTeacher } from "@/lib/teacher/classes";
import { INVITATION_LIFETIME_MS, INVITATION_MESSAGES, INVITE_RULE, invitationSentMessage } from "@/lib/teacher/invitation-rules";
import { answerInvitation, cancelInvitation, invitationsFor, inviteCoTeacher, listClassInvitations } from "@/lib/teacher/invitations";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@/tooling/mail-catcher";
import { caught, classWithStudents, coTeach, newStudent, newTeacher, unique } from "../support/classroom";

// A real SMTP server on a free port (tooling/mail-catcher.ts); every message it accepts is kept.
let smtp: MailCatcher;
let received: CaughtMail[] = [];
let mail: MailConfig;
let outboxDir: string;
const BASE = "https://backchannel.example";

beforeAll(async () => {
  smtp = await startMailCatcher();
  received = smtp.inbox;
  outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "backchannel-outbox-"));
  mail = { from: "Backchannel <no-reply@example.test>", smtpUrl: smtp.smtpUrl, outboxDir };
});

afterAll(async () => {
  await smtp.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

const mailTo = (email: string) => received.filter((m) => m.to === email);

/** Invites through the SMTP server and waits for the mail (the action sends it after answering). */
async function invite(ownerId: string, classId: string, email: string, now?: Date) {
  const { message, delivery } = await inviteCoTeacher(ownerId, classId, email, { baseUrl: BASE, mail, ...(now ? { now } : {}) });
  await delivery;
  return { message };
}

async function invitationId(classId: string, email: string): Promise<string> {
  return (await db.classInvitation.findUniqueOrThrow({ where: { classId_email: { classId, email } }, select: { id: true } })).id;
}

const coTeacherRow = (classId: string, userId: string) => db.classTeacher.findUnique({ where: { classId_userId: { classId, userId } } });

describe("inviting a co-teacher", () => {
  it("answers the same for no account, a student, a teacher, a co-teacher and an already invited email", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const student = await newStudent("Sam Student");
    const teacher = await newTeacher("Tara Teacher");
    const coTeacher = await newTeacher("Cora Co");
    await coTeach(owner.id, classId, coTeacher);
    const invitedAlready = await newTeacher("Ivy Invited");
    await invite(owner.id, classId, invitedAlready.email);
    const sentBefore = received.length;

    const cases = {
      "no account": `${unique("nobody")}@example.test`,
      student: student.email,
      teacher: teacher.email,
      "already a co-teacher": coTeacher.email,
      "already invited": invitedAlready.email,
      "the owner herself": owner.email,
    };
    const answers: Record<string, string> = {};
    for (const [what, email] of Object.entries(cases)) {
      const result = await invite(owner.id, classId, email);
      // The answer, with the email the owner typed taken out, is one and the same sentence.
      expect(Object.keys(result), what).toEqual(["message"]);
      expect(result.message, what).toBe(invitationSentMessage(email));
      answers[what] = result.message.replace(email, "<email>");
    }
    expect(new Set(Object.values(answers)).size).toBe(1);

    // Mail went to each new invitation (whatever the account), none to a duplicate.
    expect(received.slice(sentBefore).map((m) => m.to)).toEqual([cases["no account"], student.email, teacher.email]);
    // No duplicate rows, and nobody became a teacher of the class by being invited.
    expect(await db.classInvitation.count({ where: { classId, email: { in: [coTeacher.email, invitedAlready.email, owner.email] } } })).toBe(2);
    expect(await db.classInvitation.count({ where: { classId, email: owner.email } })).toBe(0);
    expect((await db.classTeacher.findMany({ where: { classId }, select: { userId: true } })).map((t) => t.userId).sort()).toEqual(
      [owner.id, coTeacher.id].sort(),
    );
    expect((await listClassInvitations(owner.id, classId)).map((i) => i.email).sort()).toEqual(
      [cases["no account"], student.email, teacher.email, invitedAlready.email].sort(),
    );
  });

  it("mails who invited her to which class, with the teacher page's address", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    await db.user.update({ where: { id: owner.id }, data: { name: "Ms Rivera" } });
    const className = (await getClassForTeacher(owner.id, classId))?.name ?? "";
    const email = `${unique("colleague")}@example.test`;
    // Typed with spaces and capitals: stored and mailed as sign-up stores emails.
    await invite(owner.id, classId, `  ${email.toUpperCase()} `);
    const [message] = mailTo(email);
    expect(message?.subject).toBe(`Ms Rivera invites you to co-teach “${className}” on Backchannel`);
    expect(message?.text).toContain(`Ms Rivera (${owner.email}) invites you to teach the class “${className}”`);
    expect(message?.text).toContain(`${BASE}/teacher`);
    expect(await db.classInvitation.count({ where: { classId, email } })).toBe(1);
  });

  it("writes the mail to the outbox when no SMTP server is named", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const email = `${unique("outboxed")}@example.test`;
    const { delivery } = await inviteCoTeacher(owner.id, classId, email, { baseUrl: BASE, mail: { ...mail, smtpUrl: null } });
    await delivery;
    const entries = fs.readdirSync(outboxDir).filter((name) => name.endsWith(".json"));
    const written = entries.map((name) => JSON.parse(fs.readFileSync(path.join(outboxDir, name), "utf8")) as { to: string; text: string });
    expect(written.find((entry) => entry.to === email)?.text).toContain(`${BASE}/teacher`);
  });

  it("lets only the owner invite or cancel, and checks the email", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const coTeacher = await newTeacher();
    await coTeach(owner.id, classId, coTeacher);
    expect(await caught(inviteCoTeacher(coTeacher.id, classId, "x@example.test", { baseUrl: BASE, mail }))).toMatchObject({
      code: "forbidden",
      message: INVITATION_MESSAGES.ownerOnly,
    });
    expect((await caught(inviteCoTeacher(owner.id, classId, "not an email", { baseUrl: BASE, mail }))).fields.email?.[0]).toMatch(/valid email/);
    await invite(owner.id, classId, "pending@example.test");
    const id = await invitationId(classId, "pending@example.test");
    expect(await caught(cancelInvitation(coTeacher.id, classId, id))).toMatchObject({ code: "forbidden" });
    // A co-teacher is not shown who is invited.
    expect(await listClassInvitations(coTeacher.id, classId)).toEqual([]);
    // An invitation of another class is not this class's to cancel.
    const other = await classWithStudents([]);
    expect(await caught(cancelInvitation(other.teacher.id, other.classId, id))).toMatchObject({ code: "not_found" });
  });

  it(`refuses more than ${INVITE_RULE.maxFailures} invitations an hour from one owner, duplicates included`, async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const now = new Date();
    for (let i = 0; i < INVITE_RULE.maxFailures; i++) {
      // Half of them the same email again: a duplicate counts like any other.
      const email = i % 2 === 0 ? `limit-${i}-${unique("x")}@example.test` : "same@example.test";
      await (
        await inviteCoTeacher(owner.id, classId, email, { baseUrl: BASE, mail, now })
      ).delivery;
    }
    const refused = await caught(inviteCoTeacher(owner.id, classId, "one-more@example.test", { baseUrl: BASE, mail, now }));
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: "You have sent 20 invitations in the last hour, which is the limit. Try again in 60 minutes.",
    });
    expect(await db.classInvitation.count({ where: { classId, email: "one-more@example.test" } })).toBe(0);
    // Another owner is not held back, and an hour later this one may invite again.
    const other = await classWithStudents([]);
    await expect(inviteCoTeacher(other.teacher.id, other.classId, "one-more@example.test", { baseUrl: BASE, mail, now })).resolves.toBeDefined();
    const later = new Date(now.getTime() + 61 * 60_000);
    await expect(inviteCoTeacher(owner.id, classId, "one-more@example.test", { baseUrl: BASE, mail, now: later })).resolves.toBeDefined();
  });
});

describe("answering an invitation", () => {
  it("shows it to the teacher with that email only; accepting makes her a co-teacher", async () => {
    const { teacher: owner, classId } = await classWithStudents(["Amira"]);
    const colleague = await newTeacher("Mr Okafor");
    await invite(owner.id, classId, colleague.email.toUpperCase());
    // Invited is not added.
    expect(await coTeacherRow(classId, colleague.id)).toBeNull();
    expect(await getClassForTeacher(colleague.id, classId)).toBeNull();

    const [shown] = await invitationsFor(colleague.id);
    expect(shown).toMatchObject({ classId, inviterEmail: owner.email });
    expect(await invitationsFor(owner.id)).toEqual([]);
    expect(await invitationsFor((await newTeacher()).id)).toEqual([]);
    if (!shown) throw new Error("no invitation");

    await expect(answerInvitation(colleague.id, shown.id, "accept")).resolves.toMatchObject({ classId });
    expect(await coTeacherRow(classId, colleague.id)).toMatchObject({ role: "CO_TEACHER" });
    expect((await listClassesForTeacher(colleague.id)).map((c) => [c.id, c.role])).toEqual([[classId, "CO_TEACHER"]]);
    expect(await invitationsFor(colleague.id)).toEqual([]);
    expect(await listClassInvitations(owner.id, classId)).toEqual([]);
    // Once answered, it cannot be answered again.
    expect(await caught(answerInvitation(colleague.id, shown.id, "decline"))).toMatchObject({ code: "conflict", message: INVITATION_MESSAGES.answered });
    expect(await coTeacherRow(classId, colleague.id)).not.toBeNull();
  });

  it("records a decline and adds no one", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const colleague = await newTeacher();
    await invite(owner.id, classId, colleague.email);
    const id = await invitationId(classId, colleague.email);
    await answerInvitation(colleague.id, id, "decline");
    expect(await db.classInvitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ declinedAt: expect.any(Date), acceptedAt: null });
    expect(await coTeacherRow(classId, colleague.id)).toBeNull();
    expect(await caught(answerInvitation(colleague.id, id, "accept"))).toMatchObject({ code: "conflict", message: INVITATION_MESSAGES.answered });
    expect(await coTeacherRow(classId, colleague.id)).toBeNull();
    // The owner may invite her again: a new invitation, a new mail.
    const before = mailTo(colleague.email).length;
    await invite(owner.id, classId, colleague.email);
    expect(mailTo(colleague.email)).toHaveLength(before + 1);
    await answerInvitation(colleague.id, id, "accept");
    expect(await coTeacherRow(classId, colleague.id)).toMatchObject({ role: "CO_TEACHER" });
  });

  it("refuses an expired invitation, and the owner sees it expired", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const colleague = await newTeacher();
    const sent = new Date();
    await invite(owner.id, classId, colleague.email, sent);
    const id = await invitationId(classId, colleague.email);
    const afterExpiry = new Date(sent.getTime() + INVITATION_LIFETIME_MS + 1000);
    expect(await invitationsFor(colleague.id, afterExpiry)).toEqual([]);
    expect(await listClassInvitations(owner.id, classId, afterExpiry)).toMatchObject([{ id, expired: true }]);
    expect(await caught(answerInvitation(colleague.id, id, "accept", afterExpiry))).toMatchObject({ code: "conflict", message: INVITATION_MESSAGES.expired });
    expect(await coTeacherRow(classId, colleague.id)).toBeNull();
  });

  it("refuses a cancelled invitation", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const colleague = await newTeacher();
    await invite(owner.id, classId, colleague.email);
    const id = await invitationId(classId, colleague.email);
    await expect(cancelInvitation(owner.id, classId, id)).resolves.toEqual({ email: colleague.email });
    expect(await caught(cancelInvitation(owner.id, classId, id))).toMatchObject({ code: "not_found", message: INVITATION_MESSAGES.notPending });
    expect(await invitationsFor(colleague.id)).toEqual([]);
    expect(await listClassInvitations(owner.id, classId)).toEqual([]);
    expect(await caught(answerInvitation(colleague.id, id, "accept"))).toMatchObject({ code: "conflict", message: INVITATION_MESSAGES.cancelled });
    expect(await coTeacherRow(classId, colleague.id)).toBeNull();
  });

  it("refuses another account, and a student account with the invited email", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const student = await newStudent("Sam");
    await invite(owner.id, classId, student.email);
    const id = await invitationId(classId, student.email);
    // The student is shown nothing and cannot accept: only teacher accounts can.
    expect(await invitationsFor(student.id)).toEqual([]);
    expect(await caught(answerInvitation(student.id, id, "accept"))).toMatchObject({ code: "forbidden", message: INVITATION_MESSAGES.notTeacher });
    // Another teacher (or the owner) cannot answer it for her; the same words as for no invitation at all.
    const stranger = await newTeacher();
    for (const who of [stranger.id, owner.id]) {
      expect(await caught(answerInvitation(who, id, "accept"))).toMatchObject({ code: "not_found", message: INVITATION_MESSAGES.notFound });
    }
    expect(await caught(answerInvitation(stranger.id, "no-such-invitation", "accept"))).toMatchObject({
      code: "not_found",
      message: INVITATION_MESSAGES.notFound,
    });
    expect(await db.classTeacher.count({ where: { classId } })).toBe(1);
    expect(await db.classInvitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ acceptedAt: null, declinedAt: null });
  });

  it("takes one answer when two arrive at once", async () => {
    const { teacher: owner, classId } = await classWithStudents([]);
    const colleague = await newTeacher();
    await invite(owner.id, classId, colleague.email);
    const id = await invitationId(classId, colleague.email);
    const results = await Promise.allSettled([answerInvitation(colleague.id, id, "accept"), answerInvitation(colleague.id, id, "decline")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const row = await db.classInvitation.findUniqueOrThrow({ where: { id } });
    expect(Boolean(row.acceptedAt) !== Boolean(row.declinedAt)).toBe(true);
    expect(Boolean(await coTeacherRow(classId, colleague.id))).toBe(Boolean(row.acceptedAt));
  });
});
