import { describe, expect, it } from "vitest";
import { checkServerActionRequest, MAX_ACTION_BODY_BYTES } from "./server-action-request";

// What the body may hold is React's decoder's call (lib/security/react-reply.ts, needs the
// react-server build, so it is checked end to end by e2e/security-fuzz.spec.ts); here, the envelope.
const encode = (text: string) => new TextEncoder().encode(text);
const plain = (body: string, extra: Partial<Parameters<typeof checkServerActionRequest>[0]> = {}) =>
  checkServerActionRequest({ contentType: "text/plain;charset=UTF-8", origin: "http://localhost:3000", host: "localhost:3000", body: encode(body), ...extra });

async function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [key, value] of fields) form.append(key, value);
  const request = new Request("http://x/", { method: "POST", body: form });
  return checkServerActionRequest({
    contentType: request.headers.get("content-type") ?? "",
    origin: "http://localhost:3000",
    host: "localhost:3000",
    body: new Uint8Array(await request.arrayBuffer()),
  });
}

describe("server action requests", () => {
  it("hands the text body or the multipart form on to be decoded, whatever it holds", async () => {
    expect(await plain('[{"slug":"potato-diplomacy","paragraphId":"p1"}]')).toEqual({ reply: '[{"slug":"potato-diplomacy","paragraphId":"p1"}]' });
    // A Date or a Map (React's "$D…", "$Q…") is not refused here: the action's own parsing answers it.
    expect(await plain('["$D2026-01-01T00:00:00.000Z"]')).toEqual({ reply: '["$D2026-01-01T00:00:00.000Z"]' });
    const sent = await multipart([
      ["_1_name", "Amira"],
      ["0", '[{},"$K1"]'],
    ]);
    expect("reply" in sent && sent.reply instanceof FormData && sent.reply.get("_1_name")).toBe("Amira");
  });
  it("refuses a multipart body that is not one", async () => {
    const refused = await checkServerActionRequest({
      contentType: "multipart/form-data; boundary=x",
      origin: null,
      host: "localhost:3000",
      body: encode("not multipart"),
    });
    expect(refused).toEqual({ status: 400, message: "This request is not valid. Reload the page and try again." });
  });
  it("refuses other sites, other content types and bodies over the limit", async () => {
    expect(await plain("[]", { origin: "https://evil.example" })).toMatchObject({ status: 403 });
    expect(await plain("[]", { origin: "null" })).toMatchObject({ status: 403 });
    expect(await plain("[]", { origin: null })).toEqual({ reply: "[]" });
    expect(await plain("[]", { contentType: "application/json" })).toMatchObject({ status: 415 });
    expect(await plain(`["${"x".repeat(MAX_ACTION_BODY_BYTES)}"]`)).toMatchObject({ status: 413 });
  });
});
