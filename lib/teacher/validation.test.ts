import { describe, expect, it } from "vitest";
import { assignmentEditSchema, classNameSchema } from "./validation";

const edit = { title: "Week 3", opensAt: new Date("2026-01-01"), dueAt: new Date("2026-01-08"), reveal: "AFTER_DUE", maxAttempts: 1, studentIds: [] };

describe("names and titles shown in rosters and CSV files", () => {
  it.each([
    ["a right-to-left override", "Year 12\u202e scitiloP"],
    ["a left-to-right isolate", "\u2066Year 12"],
    ["a zero-width space", "Year\u200b 12"],
    ["a byte order mark", "Year\ufeff12"],
    ["a control character", "Year\u000b12"],
  ])("a class name with %s is refused with a clear message", (_, name) => {
    const result = classNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe("The name contains invisible or text-direction characters. Type it again without them.");
  });

  it("an assignment title with a text-direction character is refused", () => {
    const result = assignmentEditSchema.safeParse({ ...edit, title: "Week\u202e 3" });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe("The title contains invisible or text-direction characters. Type it again without them.");
  });

  it("names in any script are kept", () => {
    expect(classNameSchema.parse(" السنة ١٢ سياسة ")).toBe("السنة ١٢ سياسة");
    expect(assignmentEditSchema.parse({ ...edit, title: "Неделя 3" }).title).toBe("Неделя 3");
  });
});
