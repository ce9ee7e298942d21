// Verified teachers (issue 15, item 6; decision 0037) on a real SQLite file: the first account is
// the administrator, "Teacher" at sign-up files a request, the administrator approves, declines,
// removes the role and invites by email (mail written to an outbox folder of this test's own).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  acceptInvitation,
  adminOverview,
  approveTeacherRequest,
  declineTeacherRequest,
  hashInvitationToken,
  INVITATION_LIFETIME_MS,
  invitationState,
  inviteTeacher,
  notifyAdminsOfRequest,
  removeTeacherRole,
  signUpByInvitation,
} from "@/lib/admin/teachers";
import { createOrPromoteAdmin } from "@/lib/admin/create-admin";
import { createAccount, deleteAccount } from "@/lib/auth/accounts";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { readOutbox, type MailConfig } from "@/lib/mail/send";
import { upsertUser } from "@/prisma/factories";

const PASSWORD = "a long enough passphrase";
let counter = 0;
const email = (prefix: string) => `${prefix}-${++counter}-${Date.now()}@example.test`;
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "verified-teachers-outbox-"));
const mail: MailConfig = { from: "Backchannel <no-reply@example.test>", smtpUrl: null, outboxDir };
const BASE = "https://backchannel.example";

afterAll(() => fs.rmSync(outboxDir, { recursive: true, force: true }));

async function mailTo(address: string) {
  return (await readOutbox(outboxDir, 500)).filter((entry) => entry.to === address);
}

function tokenIn(text: string): string {
  const token = /\/teacher-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error(`no invitation link in: ${text}`);
  return token;
}

describe("the first account and sign-up", () => {
  // First in the file: the template database has no accounts, so no administrator.
  it("makes exactly one of several first sign-ups at once the administrator and a teacher; the others get what they asked for", async () => {
    const asked = ["TEACHER", "STUDENT", "TEACHER", "STUDENT", "TEACHER"] as const;
    const results = await Promise.all(asked.map((role, i) => createAccount({ name: `First ${i}`, email: email("first"), password: PASSWORD, role })));
    const statuses = results.map((result) => (result.ok ? result.status : result.message));
    expect(statuses.filter((status) => status === "administrator")).toHaveLength(1);
    const admins = await db.user.findMany({ where: { isAdmin: true }, select: { role: true, teacherRequestedAt: true } });
    expect(admins).toEqual([{ role: "TEACHER", teacherRequestedAt: null }]);
    expect(await db.user.count({ where: { role: "TEACHER" } }), "only the administrator is a teacher").toBe(1);
  });

  it("files a teacher request: the account is a student with a request, and a student asking nothing is a plain student", async () => {
    const teacherAsk = await createAccount({ name: "Tia Asks", email: email("asks"), password: PASSWORD, role: "TEACHER" });
    const student = await createAccount({ name: "Sam Student", email: email("student"), password: PASSWORD, role: "STUDENT" });
    expect(teacherAsk).toMatchObject({ ok: true, status: "teacher-requested" });
    expect(student).toMatchObject({ ok: true, status: "student" });
    if (!teacherAsk.ok || !student.ok) throw new Error("setup");
    expect(await db.user.findUnique({ where: { id: teacherAsk.id }, select: { role: true, isAdmin: true } })).toEqual({ role: "STUDENT", isAdmin: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: teacherAsk.id } })).teacherRequestedAt).toBeInstanceOf(Date);
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).teacherRequestedAt).toBeNull();
    // Signing in says what the account is: a student, not an administrator.
    expect(
      await authenticate({ email: (await db.user.findUniqueOrThrow({ where: { id: teacherAsk.id } })).email, password: PASSWORD }, "10.9.0.1"),
    ).toMatchObject({
      status: "ok",
      user: { role: "STUDENT", isAdmin: false },
    });
    expect((await adminOverview()).requests.map((request) => request.id)).toContain(teacherAsk.id);
  });

  it("tells every administrator of a request, with a link to the administration page", async () => {
    const second = await upsertUser(db, { email: email("second-admin"), role: "TEACHER", isAdmin: true });
    await notifyAdminsOfRequest({ name: "Rana Request", email: "rana@example.test" }, BASE, { mail });
    const admins = await db.user.findMany({ where: { isAdmin: true }, select: { email: true } });
    expect(admins.length).toBeGreaterThanOrEqual(2);
    for (const admin of admins) {
      const [message] = await mailTo(admin.email);
      expect(message?.subject).toBe("Teacher request from Rana Request");
      expect(message?.text).toContain("rana@example.test");
      expect(message?.text).toContain(`${BASE}/admin`);
    }
    await db.user.update({ where: { id: second.id }, data: { isAdmin: false } });
  });
});

describe("approving, declining and removing", () => {
  it("approves a request once: the account becomes a teacher and the request is closed", async () => {
    const asker = await upsertUser(db, { email: email("approve"), name: "Ana Approve", teacherRequested: true });
    expect(await approveTeacherRequest(asker.id)).toEqual({ name: "Ana Approve" });
    expect(await db.user.findUniqueOrThrow({ where: { id: asker.id }, select: { role: true, teacherRequestedAt: true } })).toEqual({
      role: "TEACHER",
      teacherRequestedAt: null,
    });
    await expect(approveTeacherRequest(asker.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses to approve an account that asked for nothing", async () => {
    const student = await upsertUser(db, { email: email("nothing") });
    await expect(approveTeacherRequest(student.id)).rejects.toBeInstanceOf(DomainError);
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("STUDENT");
  });

  it("declines a request: the student account stays, the request is gone", async () => {
    const asker = await upsertUser(db, { email: email("decline"), teacherRequested: true });
    await declineTeacherRequest(asker.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: asker.id }, select: { role: true, teacherRequestedAt: true } })).toEqual({
      role: "STUDENT",
      teacherRequestedAt: null,
    });
    await expect(declineTeacherRequest(asker.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("removes another teacher's role, never the administrator's own", async () => {
    const admin = await upsertUser(db, { email: email("remover"), role: "TEACHER", isAdmin: true });
    const teacher = await upsertUser(db, { email: email("removed"), role: "TEACHER" });
    await expect(removeTeacherRole(admin.id, admin.id)).rejects.toMatchObject({ code: "forbidden" });
    await removeTeacherRole(admin.id, teacher.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: teacher.id } })).role).toBe("STUDENT");
    await expect(removeTeacherRole(admin.id, teacher.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("invitations", () => {
  it("sends a link whose token is stored only as a hash; it signs up a verified teacher once", async () => {
    const admin = await upsertUser(db, { email: email("inviter"), name: "Ms Inviter", role: "TEACHER", isAdmin: true });
    const invited = email("invited");
    await inviteTeacher(admin.id, invited, BASE, { mail });
    const [message] = await mailTo(invited);
    expect(message?.subject).toBe("You are invited to teach on Backchannel");
    expect(message?.text).toContain("Ms Inviter invites you");
    const token = tokenIn(message?.text ?? "");
    const row = await db.teacherInvitation.findFirstOrThrow({ where: { email: invited } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await invitationState(token)).toEqual({ state: "valid", email: invited, hasAccount: false });

    await signUpByInvitation(token, { name: "Ivo Invited", password: PASSWORD });
    expect(await db.user.findUniqueOrThrow({ where: { email: invited }, select: { role: true, isAdmin: true, name: true } })).toEqual({
      role: "TEACHER",
      isAdmin: false,
      name: "Ivo Invited",
    });
    expect(await invitationState(token)).toEqual({ state: "expired-or-used" });
    await expect(signUpByInvitation(token, { name: "Again", password: PASSWORD })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("refuses to invite someone who is already a teacher, and writes nothing", async () => {
    const admin = await upsertUser(db, { email: email("inviter2"), role: "TEACHER", isAdmin: true });
    const teacher = await upsertUser(db, { email: email("already"), role: "TEACHER" });
    await expect(inviteTeacher(admin.id, teacher.email, BASE, { mail })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.teacherInvitation.count({ where: { email: teacher.email } })).toBe(0);
  });

  it("an expired link does nothing", async () => {
    const admin = await upsertUser(db, { email: email("inviter3"), role: "TEACHER", isAdmin: true });
    const invited = email("late");
    const sentAt = new Date(Date.now() - INVITATION_LIFETIME_MS - 60_000);
    await inviteTeacher(admin.id, invited, BASE, { mail, now: sentAt });
    const token = tokenIn((await mailTo(invited))[0]?.text ?? "");
    expect(await invitationState(token)).toEqual({ state: "expired-or-used" });
    await expect(signUpByInvitation(token, { name: "Late", password: PASSWORD })).rejects.toBeInstanceOf(DomainError);
    expect(await db.user.count({ where: { email: invited } })).toBe(0);
  });

  it("signed in with the invited email, the account becomes a teacher; with another email nothing is used up", async () => {
    const admin = await upsertUser(db, { email: email("inviter4"), role: "TEACHER", isAdmin: true });
    const asker = await upsertUser(db, { email: email("existing"), teacherRequested: true });
    const stranger = await upsertUser(db, { email: email("stranger") });
    await inviteTeacher(admin.id, asker.email, BASE, { mail });
    const token = tokenIn((await mailTo(asker.email))[0]?.text ?? "");
    expect(await invitationState(token)).toEqual({ state: "valid", email: asker.email, hasAccount: true });
    await expect(signUpByInvitation(token, { name: "Someone", password: PASSWORD })).rejects.toMatchObject({ code: "conflict" });

    await expect(acceptInvitation(token, stranger)).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.user.findUniqueOrThrow({ where: { id: stranger.id } })).role).toBe("STUDENT");
    expect((await invitationState(token)).state, "a refused use leaves the link working").toBe("valid");

    await acceptInvitation(token, asker);
    expect(await db.user.findUniqueOrThrow({ where: { id: asker.id }, select: { role: true, teacherRequestedAt: true } })).toEqual({
      role: "TEACHER",
      teacherRequestedAt: null,
    });
    expect((await invitationState(token)).state).toBe("expired-or-used");
  });
});

describe("npm run admin:create", () => {
  it("refuses a weak password and a missing name, creates an administrator and teacher, and promotes an existing account keeping its password", async () => {
    const address = email("script");
    await expect(createOrPromoteAdmin({ email: address, name: "Ada Admin", password: "password123" })).rejects.toThrow("most common");
    await expect(createOrPromoteAdmin({ email: address, name: "", password: PASSWORD })).rejects.toThrow("Enter your name.");
    expect(await db.user.count({ where: { email: address } })).toBe(0);
    expect(await createOrPromoteAdmin({ email: address, name: "Ada Admin", password: PASSWORD })).toEqual({ email: address, created: true });
    expect(await db.user.findUniqueOrThrow({ where: { email: address }, select: { role: true, isAdmin: true } })).toEqual({ role: "TEACHER", isAdmin: true });
    expect(await authenticate({ email: address, password: PASSWORD }, "10.9.0.2")).toMatchObject({ status: "ok", user: { isAdmin: true } });

    const student = await upsertUser(db, { email: email("promoted"), password: PASSWORD, teacherRequested: true });
    expect(await createOrPromoteAdmin({ email: student.email.toUpperCase() })).toEqual({ email: student.email, created: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: student.id }, select: { role: true, isAdmin: true, teacherRequestedAt: true } })).toEqual({
      role: "TEACHER",
      isAdmin: true,
      teacherRequestedAt: null,
    });
    expect(await authenticate({ email: student.email, password: PASSWORD }, "10.9.0.3")).toMatchObject({ status: "ok" });
  });
});

describe("keeping an administrator", () => {
  it("refuses to delete the only administrator's account, and deletes it once there is another", async () => {
    await db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
    const only = await upsertUser(db, { email: email("only-admin"), role: "TEACHER", isAdmin: true });
    await expect(deleteAccount(only.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { id: only.id } })).toBe(1);
    await createOrPromoteAdmin({ email: email("next-admin"), name: "Next Admin", password: PASSWORD });
    await deleteAccount(only.id);
    expect(await db.user.count({ where: { id: only.id } })).toBe(0);
  });
});
