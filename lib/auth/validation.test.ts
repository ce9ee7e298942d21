import { describe, expect, it } from "vitest";
import { afterSignUpPath, authPageHref, changeNameSchema, changePasswordSchema, fieldErrors, safeCallbackPath, signInSchema, signUpSchema } from "./validation";

const valid = { name: "Ada Student", email: "Ada@School.org ", password: "correct horse battery", role: "STUDENT" };

describe("signUpSchema", () => {
  it("accepts a valid sign-up and normalises the email", () => {
    const result = signUpSchema.parse(valid);
    expect(result.email).toBe("ada@school.org");
    expect(result.role).toBe("STUDENT");
  });

  it.each([
    ["a short password", { password: "short1" }, "password", "at least 10"],
    ["a common password", { password: "password123" }, "password", "most common"],
    ["the email as password", { password: "ada@school.org" }, "password", "must not be your email"],
    ["an invalid email", { email: "not-an-email" }, "email", "valid email"],
    ["an empty name", { name: "   " }, "name", "Enter your name"],
    ["a huge name", { name: "x".repeat(500) }, "name", "under 80"],
    ["a name with a right-to-left override", { name: "Ada\u202etneduts" }, "name", "invisible or text-direction characters"],
    ["a name with a zero-width space", { name: "Ada\u200b Student" }, "name", "invisible or text-direction characters"],
    ["a name with a byte order mark", { name: "Ada\ufeff Student" }, "name", "invisible or text-direction characters"],
    ["an unknown role", { role: "ADMIN" }, "role", "student or a teacher"],
    ["a huge password", { password: "x".repeat(10_000) }, "password", "at most 200"],
  ])("rejects %s with a message on the field", (_, override, field, message) => {
    const result = signUpSchema.safeParse({ ...valid, ...override });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrors(result.error);
    expect(errors[field]?.join(" ")).toContain(message);
  });

  it("rejects a missing field instead of throwing", () => {
    const result = signUpSchema.safeParse({ email: "a@b.org" });
    expect(result.success).toBe(false);
  });
});

describe("changeNameSchema", () => {
  it("refuses bidirectional controls and invisible characters with a message on the field", () => {
    for (const name of ["Leo\u2066Novak", "Leo\u200dNovak", "Leo\u2060"]) {
      const result = changeNameSchema.safeParse({ name });
      expect(result.success, JSON.stringify(name)).toBe(false);
      if (!result.success) expect(fieldErrors(result.error).name?.join(" ")).toContain("invisible or text-direction characters");
    }
    expect(changeNameSchema.parse({ name: " أميرة حداد " }).name).toBe("أميرة حداد");
  });
});

describe("signInSchema", () => {
  it("does not apply the new-password rules (old accounts may predate them)", () => {
    expect(signInSchema.safeParse({ email: "a@b.org", password: "short" }).success).toBe(true);
  });
  it("refuses a non-string password", () => {
    expect(signInSchema.safeParse({ email: "a@b.org", password: 12 }).success).toBe(false);
  });
});

describe("changePasswordSchema", () => {
  it("requires the confirmation to match", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "a brand new one", confirmPassword: "something else" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error).confirmPassword?.[0]).toContain("do not match");
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/lessons/opening#opening-p03", "/lessons/opening#opening-p03"],
    ["http://localhost:3000/account?tab=1", "/account?tab=1"],
    ["https://evil.example/steal", "/steal"],
    ["//evil.example/steal", "/steal"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/dashboard"],
    ["/signin?callbackUrl=/signin", "/dashboard"],
    ["", "/dashboard"],
    [undefined, "/dashboard"],
    [42, "/dashboard"],
  ])("reduces %s to %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("afterSignUpPath", () => {
  it("goes back to the join link a new student followed", () => {
    expect(afterSignUpPath("STUDENT", "/classes/join?code=ABCD-2345")).toBe("/classes/join?code=ABCD-2345");
  });

  it.each([
    ["STUDENT", "", "/dashboard"],
    ["STUDENT", undefined, "/dashboard"],
    ["TEACHER", "", "/teacher"],
    ["TEACHER", "/signup?callbackUrl=/signin", "/teacher"],
    ["STUDENT", "javascript:alert(1)", "/dashboard"],
  ] as const)("a %s with callback %s goes to %s", (role, callback, expected) => {
    expect(afterSignUpPath(role, callback)).toBe(expected);
  });

  it("never leaves the site", () => {
    expect(afterSignUpPath("STUDENT", "https://evil.example/classes/join?code=X")).toBe("/classes/join?code=X");
    expect(afterSignUpPath("STUDENT", "//evil.example/x")).toBe("/x");
  });
});

describe("authPageHref", () => {
  it("carries where the person was headed between sign-in and sign-up", () => {
    expect(authPageHref("/signup", "/classes/join?code=ABCD-2345")).toBe("/signup?callbackUrl=%2Fclasses%2Fjoin%3Fcode%3DABCD-2345");
    expect(authPageHref("/signin", "/classes/join?code=ABCD-2345")).toBe("/signin?callbackUrl=%2Fclasses%2Fjoin%3Fcode%3DABCD-2345");
  });

  it.each([undefined, "", "javascript:alert(1)", "/signin?callbackUrl=/x", 42])("is the bare page for %s", (callback) => {
    expect(authPageHref("/signup", callback)).toBe("/signup");
  });

  it("reduces an off-site callback to a local path", () => {
    expect(authPageHref("/signup", "https://evil.example/steal")).toBe("/signup?callbackUrl=%2Fsteal");
  });
});
