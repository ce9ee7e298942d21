import { describe, expect, it } from "vitest";
import { getLessons } from "@/lib/content";
import { isGraded, parseResource, pickableResources, resourceKey } from "./resources";

const slug = getLessons()[0]?.slug ?? "";

describe("LTI resources", () => {
  it("reads lessons, lesson quizzes, the mixed quiz and assignments, and writes them back the same", () => {
    for (const key of [`lesson:${slug}`, `quiz:${slug}`, "quiz:mixed", "assignment:clx123abc"]) {
      const resource = parseResource(key);
      expect(resource).not.toBeNull();
      if (resource) expect(resourceKey(resource)).toBe(key);
    }
  });

  it("refuses unknown kinds, unknown lessons and malformed values", () => {
    for (const key of ["", "lesson:", "lesson:not-a-lesson", "quiz:not-a-lesson", "video:x", "assignment:../x", "nothing", null, undefined]) {
      expect(parseResource(key)).toBeNull();
    }
  });

  it("only quizzes and assignments are graded", () => {
    expect(isGraded({ kind: "lesson", slug })).toBe(false);
    expect(isGraded({ kind: "quiz", slug })).toBe(true);
    expect(isGraded({ kind: "assignment", assignmentId: "a" })).toBe(true);
  });

  it("offers every lesson and its quiz, each of which parses", () => {
    const items = pickableResources();
    expect(items.length).toBe(getLessons().length * 2 + 1);
    for (const item of items) expect(parseResource(item.key)).not.toBeNull();
  });
});
