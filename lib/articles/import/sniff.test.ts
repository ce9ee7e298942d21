import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { makeDocx } from "./fixtures/docx";
import { decodeUtf8, sniffFormat, sniffText } from "./sniff";

const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("sniffFormat", () => {
  it("reads a ZIP holding word/document.xml as a Word document, whatever it is called", () => {
    expect(sniffFormat(makeDocx([{ text: "Hello." }]))).toBe("docx");
  });

  it("refuses any other ZIP", () => {
    const zip = zipSync({ "notes.txt": strToU8("Hello."), "word/other.xml": strToU8("<x/>") });
    expect(refusal(() => sniffFormat(zip)).message).toMatch(/ZIP archive but not a Word document/);
  });

  it("refuses a damaged ZIP", () => {
    const zip = makeDocx([{ text: "Hello." }]).slice(0, 200);
    expect(refusal(() => sniffFormat(zip)).message).toMatch(/cannot be read/);
  });

  it.each([
    ["a PDF", utf8("%PDF-1.7\n1 0 obj << >> endobj\n"), /is a PDF/],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG image/],
    ["a JPEG", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), /JPEG image/],
    ["an old .doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old Word \.doc/],
    ["bytes with NUL", utf8("Looks like text\u0000but is not"), /binary \(it contains NUL bytes\)/],
    ["UTF-16", new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), /UTF-16/],
    ["invalid UTF-8", new Uint8Array([...utf8("Caf"), 0xe9, ...utf8(" au lait.")]), /not valid UTF-8/],
  ])("refuses %s with a clear message", (_name, bytes, message) => {
    const error = refusal(() => sniffFormat(bytes));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(message);
  });

  it("reads HTML by its tags", () => {
    expect(sniffFormat(utf8("<!DOCTYPE html><html><body><p>Hi.</p></body></html>"))).toBe("html");
    expect(sniffFormat(utf8("\uFEFF<!doctype html>\n<title>x</title>"))).toBe("html");
    expect(sniffFormat(utf8("  <article><p>Just a fragment.</p></article>"))).toBe("html");
    expect(sniffFormat(utf8("Some text first.\n<p>Then a paragraph.</p>"))).toBe("html");
  });

  it("reads Markdown by its structure", () => {
    expect(sniffFormat(utf8("# A title\n\nSome text."))).toBe("markdown");
    expect(sniffFormat(utf8("Text.\n\n> A quotation.\n"))).toBe("markdown");
    expect(sniffFormat(utf8("Some **bold** claim."))).toBe("markdown");
    expect(sniffFormat(utf8("Some *emphasised* claim."))).toBe("markdown");
    expect(sniffFormat(utf8("See [the report](https://example.org/r)."))).toBe("markdown");
  });

  it("reads anything else as plain text", () => {
    expect(sniffFormat(utf8("John Kerry and Sergey Lavrov\n\nThey met in Geneva. The U.S. said 5 * 3 = 15.\n"))).toBe("text");
    expect(sniffText("Price: 3 < 4 and #5 on the list.")).toBe("text");
  });
});

describe("decodeUtf8", () => {
  it("strips a byte-order mark and keeps everything else", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("“Quoted” café")]))).toBe("“Quoted” café");
  });
});
