import { describe, expect, it } from "vitest";
import { articleMetaFrom, DEFAULT_USAGE_NOTE, type TypedMeta } from "./workspace-meta";

const blank: TypedMeta = { title: "", author: "", publisher: "", date: "", url: "", usageNote: "" };

describe("an imported article's details", () => {
  it("takes what the teacher typed over what the file says, and fills the blanks from the file", () => {
    const result = articleMetaFrom(
      { ...blank, title: " Talks in Geneva ", date: "2016-09" },
      { title: "From the file", author: "A. Writer", publisher: "Test Press", date: "2015", url: "https://example.org/a" },
    );
    expect(result).toEqual({
      meta: {
        title: "Talks in Geneva",
        author: "A. Writer",
        publisher: "Test Press",
        date: "2016-09",
        url: "https://example.org/a",
        usageNote: DEFAULT_USAGE_NOTE,
      },
    });
  });

  it("says which details are missing when neither the teacher nor the file gives them", () => {
    const result = articleMetaFrom(blank, {});
    expect(result.errors?.title?.[0]).toMatch(/title/);
    expect(result.errors?.author?.[0]).toMatch(/author/);
    expect(result.errors?.publisher?.[0]).toMatch(/publisher/);
    expect(result.errors?.date).toBeUndefined();
  });

  it("checks only what was typed before the text is read", () => {
    expect(articleMetaFrom(blank, {}, true)).toEqual({ meta: expect.objectContaining({ title: "", date: null, url: null }) });
    expect(articleMetaFrom({ ...blank, date: "12/09/2016" }, {}, true).errors?.date?.[0]).toMatch(/YYYY-MM-DD/);
  });

  it("accepts only http and https addresses", () => {
    for (const url of ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,hi", "example.org"]) {
      expect(articleMetaFrom({ ...blank, url }, {}, true).errors?.url?.[0]).toMatch(/http/);
    }
    expect(articleMetaFrom({ ...blank, url: "http://example.org/a?b=1" }, {}, true).errors).toBeUndefined();
  });

  it("refuses dates that are not YYYY, YYYY-MM or YYYY-MM-DD", () => {
    for (const date of ["2016-13", "16", "2016-09-32", "September 2016"]) expect(articleMetaFrom({ ...blank, date }, {}, true).errors?.date).toBeDefined();
    for (const date of ["2016", "2016-09", "2016-09-12"]) expect(articleMetaFrom({ ...blank, date }, {}, true).errors).toBeUndefined();
  });

  it("refuses control characters and over-long names", () => {
    const result = articleMetaFrom({ ...blank, title: "a\u0000b", author: "x".repeat(301) }, {}, true);
    expect(result.errors?.title?.[0]).toMatch(/control/);
    expect(result.errors?.author?.[0]).toMatch(/300/);
  });
});
