// Accounts, sign-in throttling and reading progress against a real SQLite database.
import { describe, expect, it } from "vitest";
import { createAccount, deleteAccount, exportAccountData } from "@/lib/auth/accounts";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { getReadingProgress, saveReadingPosition, setLessonRead } from "@/lib/progress/reading";
import { upsertUser } from "@/prisma/factories";

const PASSWORD = "a long enough passphrase";
let counter = 0;
const email = (prefix: string) => `${prefix}-${++counter}-${Date.now()}@example.test`;

describe("accounts", () => {
  it("never returns the password hash from a default query", async () => {
    const created = await createAccount({ name: "Hash Check", email: email("hash"), password: PASSWORD, role: "STUDENT" });
    expect(created.ok).toBe(true);
    const user = await db.user.findFirst({ where: { name: "Hash Check" } });
    expect(user).not.toBeNull();
    expect(user && "passwordHash" in user).toBe(false);
  });

  it("refuses a second account with the same email and leaves the first intact", async () => {
    const address = email("dup");
    expect((await createAccount({ name: "First", email: address, password: PASSWORD, role: "STUDENT" })).ok).toBe(true);
    const second = await createAccount({ name: "Second", email: address, password: PASSWORD, role: "TEACHER" });
    expect(second).toEqual({ ok: false, message: expect.stringContaining("already exists") });
    expect(await db.user.count({ where: { email: address } })).toBe(1);
  });

  it("exports everything about the person and nothing secret, and deletion removes their progress", async () => {
    const user = await upsertUser(db, { email: email("export"), password: PASSWORD });
    await saveReadingPosition({ id: user.id, role: "STUDENT" }, "potato-diplomacy", "opening-p03");
    const data = await exportAccountData(user.id);
    expect(data.account.lessonProgress).toHaveLength(1);
    expect(JSON.stringify(data)).not.toMatch(/argon2|passwordHash/);
    await deleteAccount(user.id);
    expect(await db.lessonProgress.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("authenticate", () => {
  it("signs in with the right password and gives the same answer for a wrong password and an unknown email", async () => {
    const user = await upsertUser(db, { email: email("signin"), password: PASSWORD });
    expect(await authenticate({ email: user.email, password: PASSWORD }, "10.0.0.1")).toMatchObject({ status: "ok", user: { id: user.id } });
    expect(await authenticate({ email: user.email, password: "wrong password!" }, "10.0.0.1")).toEqual({ status: "invalid" });
    expect(await authenticate({ email: email("nobody"), password: "wrong password!" }, "10.0.0.1")).toEqual({ status: "invalid" });
  });

  it("locks one client out of an account after five failures, even against the right password, with the counter in the database", async () => {
    const user = await upsertUser(db, { email: email("lock"), password: PASSWORD });
    for (let i = 0; i < 5; i++) expect((await authenticate({ email: user.email, password: `wrong ${i}` }, "10.1.0.1")).status).toBe("invalid");
    const locked = await authenticate({ email: user.email, password: PASSWORD }, "10.1.0.1");
    expect(locked.status).toBe("locked");
    const row = await db.throttle.findUnique({ where: { key: `signin:client:10.1.0.1:${user.email}` } });
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  }, 30_000);

  it("treats malformed input as a failed sign-in, not a crash", async () => {
    expect(await authenticate({ email: 42, password: null }, "10.2.0.1")).toEqual({ status: "invalid" });
    expect(await authenticate("not an object", "10.2.0.1")).toEqual({ status: "invalid" });
  });
});

describe("reading progress", () => {
  it("keeps the furthest paragraph reached and marks lessons read", async () => {
    const user = await upsertUser(db, { email: email("reader") });
    await saveReadingPosition({ id: user.id, role: "STUDENT" }, "potato-diplomacy", "opening-p05");
    await saveReadingPosition({ id: user.id, role: "STUDENT" }, "potato-diplomacy", "opening-p02"); // scrolling back up
    let progress = await getReadingProgress(user.id);
    const potato = progress.find((l) => l.slug === "potato-diplomacy");
    expect(potato?.lastParagraphId).toBe("opening-p05");
    expect(potato?.percent).toBeGreaterThan(0);
    expect(potato?.percent).toBeLessThan(100);
    await setLessonRead({ id: user.id, role: "STUDENT" }, "potato-diplomacy", true);
    progress = await getReadingProgress(user.id);
    expect(progress.find((l) => l.slug === "potato-diplomacy")).toMatchObject({ read: true, percent: 100 });
  });

  it("refuses a paragraph from another lesson or an unknown lesson", async () => {
    const user = await upsertUser(db, { email: email("bad-reader") });
    await expect(saveReadingPosition({ id: user.id, role: "STUDENT" }, "potato-diplomacy", "eye-p03")).rejects.toBeInstanceOf(DomainError);
    await expect(setLessonRead({ id: user.id, role: "STUDENT" }, "no-such-lesson", true)).rejects.toBeInstanceOf(DomainError);
    expect(await db.lessonProgress.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("deleting a teacher's account", () => {
  it("hands a class with a co-teacher over and deletes a class without one", async () => {
    const teacher = await upsertUser(db, { email: email("leaving-teacher"), role: "TEACHER" });
    const colleague = await upsertUser(db, { email: email("colleague"), role: "TEACHER" });
    const student = await upsertUser(db, { email: email("pupil") });
    const shared = await db.classroom.create({
      data: {
        name: "Shared",
        joinCode: `S${counter}${Date.now()}`.slice(0, 12),
        teachers: {
          create: [
            { userId: teacher.id, role: "OWNER" },
            { userId: colleague.id, role: "CO_TEACHER" },
          ],
        },
        members: { create: { userId: student.id } },
      },
    });
    const solo = await db.classroom.create({
      data: { name: "Solo", joinCode: `O${counter}${Date.now()}`.slice(0, 12), teachers: { create: { userId: teacher.id, role: "OWNER" } } },
    });

    expect(await deleteAccount(teacher.id)).toEqual({ classesHandedOver: 1, classesDeleted: 1 });
    expect(await db.classTeacher.findUnique({ where: { classId_userId: { classId: shared.id, userId: colleague.id } } })).toMatchObject({ role: "OWNER" });
    expect(await db.classMember.count({ where: { classId: shared.id } })).toBe(1);
    expect(await db.classroom.findUnique({ where: { id: solo.id } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: student.id } })).not.toBeNull();
  });
});
