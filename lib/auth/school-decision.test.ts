import { describe, expect, it } from "vitest";
import { decideSchoolSignIn, displayName, type SchoolClaims } from "./school-decision";

const claims = (overrides: Partial<SchoolClaims> = {}): SchoolClaims => ({
  issuer: "https://login.example.org/realms/school",
  subject: "f3b1c2",
  email: "Ada.Lovelace@School.example",
  emailVerified: true,
  name: "Ada Lovelace",
  ...overrides,
});

describe("decideSchoolSignIn", () => {
  it("signs a linked identity in to its account, whatever its email now says", () => {
    expect(decideSchoolSignIn(claims({ email: undefined }), "user-1", null)).toEqual({ kind: "sign-in", userId: "user-1" });
    expect(decideSchoolSignIn(claims({ email: "someone.else@school.example" }), "user-1", "user-2")).toEqual({ kind: "sign-in", userId: "user-1" });
  });

  it("makes a new student account for an unknown email, with the email in lower case", () => {
    expect(decideSchoolSignIn(claims(), null, null)).toEqual({ kind: "create", email: "ada.lovelace@school.example", name: "Ada Lovelace" });
  });

  it("never links to an existing account by its email alone: the account's password is asked first", () => {
    expect(decideSchoolSignIn(claims(), null, "user-2")).toEqual({ kind: "link", userId: "user-2", email: "ada.lovelace@school.example" });
  });

  it("refuses without a usable email, and when the provider says the email is unverified", () => {
    expect(decideSchoolSignIn(claims({ email: undefined }), null, null)).toEqual({ kind: "refuse", reason: "email-missing" });
    expect(decideSchoolSignIn(claims({ email: "not an email" }), null, null)).toEqual({ kind: "refuse", reason: "email-missing" });
    expect(decideSchoolSignIn(claims({ emailVerified: false }), null, "user-2")).toEqual({ kind: "refuse", reason: "email-unverified" });
    expect(decideSchoolSignIn(claims({ emailVerified: "false" }), null, null)).toEqual({ kind: "refuse", reason: "email-unverified" });
  });

  it("believes a provider that says nothing about verification (Entra ID)", () => {
    expect(decideSchoolSignIn(claims({ emailVerified: undefined }), null, null).kind).toBe("create");
  });
});

describe("displayName", () => {
  it("uses the provider's name without control or invisible characters, else the email's local part", () => {
    expect(displayName("  Grace\u202E Hopper ", "g@x.example")).toBe("Grace Hopper");
    expect(displayName("", "grace.h@x.example")).toBe("grace.h");
    expect(displayName(undefined, "grace.h@x.example")).toBe("grace.h");
    expect(displayName("x".repeat(200), "g@x.example")).toHaveLength(80);
  });
});
