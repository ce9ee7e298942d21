// A question file as a download, never cached, never sniffed into something else.
import { NextResponse } from "next/server";
import { apiError } from "@/lib/api/respond";
import { INTEROP_FORMATS, type InteropFormat } from "./model";
import type { QuestionFile } from "./questions";

/** The `format` query parameter, or null when it is missing or not one of ours. */
export function formatParam(url: URL): InteropFormat | null {
  const value = url.searchParams.get("format");
  return INTEROP_FORMATS.find((f) => f === value) ?? null;
}

export const BAD_FORMAT = () => apiError(400, "invalid_input", "Choose format=gift or format=moodle-xml.");

export function fileResponse(file: QuestionFile): NextResponse {
  return new NextResponse(file.text, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
