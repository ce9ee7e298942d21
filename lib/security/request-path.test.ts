import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./request-path";

describe("isDecodablePath", () => {
  it.each(["/", "/lessons/potato-diplomacy", "/lessons/100%25", "/api/v1/attempts/%E0%A4%A4", "/teacher/classes/a%20b"])("%s decodes", (path) => {
    expect(isDecodablePath(path)).toBe(true);
  });
  it.each(["/lessons/%E0%A4%A", "/api/v1/attempts/%", "/teacher/%zz", "/%C0%AF", "/%ED%A0%80"])("%s does not", (path) => {
    expect(isDecodablePath(path)).toBe(false);
  });
});
