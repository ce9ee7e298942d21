import { describe, expect, it } from "vitest";
import { checkServerActionRequest, MAX_ACTION_BODY_BYTES } from "./server-action-request";

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
  it("passes what a page sends: a JSON argument list, or FormData fields and the list", async () => {
    expect(await plain('[{"slug":"potato-diplomacy","paragraphId":"p1"}]')).toBeNull();
    expect(await plain('["$$literal dollar", "$undefined", "$K1"]')).toBeNull();
    // The same array met twice: the second is a path to the first.
    expect(await plain('[{"errors":{"kind":["Pick one."],"scope":"$0:0:errors:kind"}},"$K1"]')).toBeNull();
    expect(await multipart([["_1_name", "Amira"], ["_1_email", "a@b.c"], ["0", '[{},"$K1"]']])).toBeNull();
  });
  it("refuses a body that is not a JSON argument list", async () => {
    for (const body of ["{not json", "", "42", '{"a":1}', "null"]) expect((await plain(body))?.status, body).toBe(400);
  });
  it("refuses reply-protocol references no page of ours sends", async () => {
    for (const body of ['["$@1"]', '["$Q2"]', '[{"x":["$F1"]}]', '["$T"]', '["$n12x"]', '["$0"]', '["$0:nope:x"]', '[{"a":"x","b":"$0:0:a"}]', '["$1:0"]']) {
      expect((await plain(body))?.status, body).toBe(400);
    }
    expect((await multipart([["0", '["$@1"]']]))?.status).toBe(400);
    expect((await multipart([["_1_a", "b"]]))?.status).toBe(400);
    expect((await multipart([["0", "[]"], ["$ACTION_ID_00", ""]]))?.status).toBe(400);
  });
  it("refuses other sites, other content types and bodies over the limit", async () => {
    expect((await plain("[]", { origin: "https://evil.example" }))?.status).toBe(403);
    expect((await plain("[]", { origin: "null" }))?.status).toBe(403);
    expect(await plain("[]", { origin: null })).toBeNull();
    expect((await plain("[]", { contentType: "application/json" }))?.status).toBe(415);
    expect((await plain(`["${"x".repeat(MAX_ACTION_BODY_BYTES)}"]`))?.status).toBe(413);
  });
});
