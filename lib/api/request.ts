// Reading a JSON request body safely: the right content type, a size limit, valid JSON, and the
// schema, each failure a 4xx with a clear message (never a 500). The limit is counted while the
// body streams in, so a large chunked body is refused after 64 KB, not read whole first.
import type { NextRequest } from "next/server";
import type { NextResponse } from "next/server";
import { z } from "zod";
import { readBodyUpTo } from "@/lib/security/limited-body";
import { apiError } from "./respond";

const MAX_BODY_BYTES = 64 * 1024;

type Parsed<T> = { data: T; response?: never } | { data?: never; response: NextResponse };

export async function readJson<S extends z.ZodType>(request: NextRequest, schema: S): Promise<Parsed<z.infer<S>>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    return { response: apiError(415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).") };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { response: apiError(413, "invalid_input", "The request body is too large.") };
  const bytes = await readBodyUpTo(request.body, MAX_BODY_BYTES);
  if (bytes === "too large") return { response: apiError(413, "invalid_input", "The request body is too large.") };
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { response: apiError(400, "invalid_json", "The request body is not valid JSON.") };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 10).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return { response: apiError(400, "invalid_input", "The request body does not have the expected fields.", issues) };
  }
  return { data: result.data };
}
