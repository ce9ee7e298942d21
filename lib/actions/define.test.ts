// The action layer's fixed order, run for real on public actions (they read no session, so they
// run outside a request): read the form → parse → field errors → handler → refusal as form state.
// The guard of protected actions needs a request; the browser suite calls every one of them as
// an anonymous visitor, a student and a teacher (e2e/security-fuzz.spec.ts, e2e/authorization.spec.ts).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, fieldError, fieldsError } from "@/lib/errors";
import { declarationOf } from "./declarations";
import { formAction, jsonAction, readForm, visibleFields } from "./define";
import { freeText, hidden, id, many, secret, text } from "./fields";
import { saved } from "./form-state";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const input = z.object({
  classId: id(),
  name: freeText(z.string().trim().min(1, "Enter a name.")),
  password: secret(z.string().min(1, "Enter your password.")),
  studentIds: many(),
  note: text(20),
  flag: hidden(z.enum(["on", "off"])),
});

describe("readForm and visibleFields", () => {
  it("reads each field of the schema once: lists with all their non-empty values, the rest as one string", () => {
    const values = readForm(
      input,
      form([
        ["classId", "c1"],
        ["studentIds", "s1"],
        ["studentIds", ""],
        ["studentIds", "s2"],
        ["extra", "ignored"],
      ]),
    );
    expect(values).toEqual({ classId: "c1", name: "", password: "", studentIds: ["s1", "s2"], note: "", flag: "" });
  });

  it("reads anything that is not FormData as an empty form, never throwing", () => {
    for (const crafted of [null, 42, "text", { name: "x" }, undefined]) {
      expect(readForm(input, crafted)).toEqual({ classId: "", name: "", password: "", studentIds: [], note: "", flag: "" });
    }
  });

  it("shows messages beside every field but hidden ones, and gives back everything but hidden fields and secrets", () => {
    const { visible, echoed } = visibleFields(input);
    expect([...visible].sort()).toEqual(["name", "note", "password", "studentIds"]);
    expect([...echoed].sort()).toEqual(["name", "note", "studentIds"]);
  });
});

describe("formAction", () => {
  const calls: unknown[] = [];
  const action = formAction({
    access: "public",
    input,
    formNames: { title: "name" },
    async run({ input: parsed }) {
      calls.push(parsed);
      if (parsed.note === "taken") throw fieldError("title", "That name is taken.");
      if (parsed.note === "gone") throw new DomainError("not_found", "That class does not exist, or you do not teach it.");
      if (parsed.note === "tampered") throw fieldError("classId", "No such class.");
      if (parsed.note === "both") throw fieldsError({ note: "Too vague.", flag: "Unknown flag." });
      if (parsed.note === "bug") throw new Error("a bug");
      return saved("Saved.");
    },
  });
  const valid: [string, string][] = [
    ["classId", "c1"],
    ["name", " Year 10 "],
    ["password", "pw"],
    ["flag", "on"],
  ];

  it("is declared: its access and input are on record for the access table and the fuzz", () => {
    expect(declarationOf(action)).toMatchObject({ kind: "form", access: "public", input });
    expect(declarationOf(async () => ({}))).toBeUndefined();
  });

  it("parses before the handler: field errors beside visible fields, values given back without the password, and the handler never runs", async () => {
    calls.length = 0;
    const state = await action(
      {},
      form([
        ["classId", "c1"],
        ["name", ""],
        ["password", ""],
        ["flag", "on"],
        ["note", "x".repeat(21)],
      ]),
    );
    expect(state.errors).toEqual({ name: ["Enter a name."], password: ["Enter your password."], note: ["Keep this under 20 characters."] });
    expect(state.message).toBeUndefined();
    expect(state.values).toEqual({ name: "", note: "x".repeat(21), studentIds: [] });
    expect(calls).toEqual([]);
  });

  it("answers a malformed hidden field with the request-level message (a stale or tampered page), not a field message", async () => {
    const state = await action({}, form(valid.map(([k, v]) => (k === "flag" ? [k, "maybe"] : [k, v]))));
    expect(state).toEqual({ message: "That request is not valid. Reload the page and try again.", values: { name: " Year 10 ", note: "", studentIds: [] } });
    expect(await action({}, null as unknown as FormData)).toMatchObject({ message: "That request is not valid. Reload the page and try again." });
  });

  it("hands the handler the parsed input and returns its state", async () => {
    calls.length = 0;
    const state = await action({}, form(valid));
    expect(calls).toEqual([{ classId: "c1", name: "Year 10", password: "pw", studentIds: [], note: "", flag: "on" }]);
    expect(state.success).toBe("Saved.");
    expect(state.done).toEqual(expect.any(Number));
  });

  it("turns a DomainError into form state: field messages under the form's own names, hidden-field messages and whole-request refusals as the message", async () => {
    const withNote = (note: string) => form([...valid, ["note", note]]);
    expect(await action({}, withNote("taken"))).toEqual({
      errors: { name: ["That name is taken."] },
      values: { name: " Year 10 ", note: "taken", studentIds: [] },
    });
    expect(await action({}, withNote("gone"))).toEqual({
      message: "That class does not exist, or you do not teach it.",
      values: { name: " Year 10 ", note: "gone", studentIds: [] },
    });
    expect(await action({}, withNote("tampered"))).toMatchObject({ message: "No such class." });
    expect(await action({}, withNote("both"))).toMatchObject({ errors: { note: ["Too vague."] }, message: "Unknown flag." });
  });

  it("lets anything that is not a refusal through: a bug reaches the error boundary", async () => {
    await expect(action({}, form([...valid, ["note", "bug"]]))).rejects.toThrow("a bug");
  });
});

describe("jsonAction", () => {
  const action = jsonAction({
    access: "public",
    invalid: "That answer does not fit this question.",
    input: z.strictObject({ questionId: z.string().max(10), choice: z.string() }),
    async run({ input: parsed }) {
      if (parsed.choice === "x") throw new DomainError("conflict", "Answers are final.");
      return { correct: parsed.choice === "a" };
    },
  });

  it("answers ok with the handler's result, or ok: false with a code and a message", async () => {
    expect(await action({ questionId: "q1", choice: "a" })).toEqual({ ok: true, correct: true });
    expect(await action({ questionId: "q1", choice: "x" })).toEqual({ ok: false, code: "conflict", message: "Answers are final." });
    for (const crafted of [undefined, null, "q1", { questionId: "q1" }, { questionId: "q1", choice: "a", extra: 1 }]) {
      expect(await action(crafted as never)).toEqual({ ok: false, code: "invalid_input", message: "That answer does not fit this question." });
    }
    expect(declarationOf(action)).toMatchObject({ kind: "json", access: "public" });
  });
});
