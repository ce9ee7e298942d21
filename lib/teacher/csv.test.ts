import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, safeFileName, toCsv } from "./csv";

describe("CSV", () => {
  it("quotes every field and doubles quotes inside", () => {
    expect(csvField("Amira")).toBe('"Amira"');
    expect(csvField('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvField("a,b\nc")).toBe('"a,b\nc"');
    expect(csvField(85)).toBe('"85"');
    expect(csvField(null)).toBe('""');
    expect(csvField("")).toBe('""');
  });

  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK(""http://evil"")'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("neutralises a formula: %j", (input, inner) => {
    expect(csvField(input)).toBe(`"${inner}"`);
  });

  it("leaves ordinary text alone, formula characters later in a field included", () => {
    expect(csvField("Leo = top")).toBe('"Leo = top"');
    expect(csvField("Zoë Ørsted-Ünal")).toBe('"Zoë Ørsted-Ünal"');
  });

  it("starts with a UTF-8 byte-order mark and ends rows with CRLF", () => {
    const csv = toCsv([
      ["Student", "Score"],
      ["Zoë", 90],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}"Student","Score"\r\n"Zoë","90"\r\n`);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("makes safe file names", () => {
    expect(safeFileName("Year 10 — History (B)")).toBe("year-10-history-b");
    expect(safeFileName("../../etc/passwd")).toBe("etcpasswd");
    expect(safeFileName("“”")).toBe("class");
  });
});
