// The class gradebook as a CSV file (UTF-8 with BOM, every field quoted, formulas neutralised:
// see lib/teacher/csv.ts). Teachers of the class only; anyone else's class is a 404.
// ?layout=moodle or ?layout=canvas: the columns those gradebooks import (decision 0046).
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { apiError } from "@/lib/api/respond";
import { safeFileName } from "@/lib/teacher/csv";
import { GRADEBOOK_LAYOUTS } from "@/lib/teacher/report-math";
import { gradebookCsv } from "@/lib/teacher/reports";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"teacher", null, { classId: string }>({
  method: "GET",
  access: "teacher",
  body: null,
  async handle({ request, user, params }) {
    const asked = request.nextUrl.searchParams.get("layout");
    const layout = GRADEBOOK_LAYOUTS.find((l) => l === asked) ?? null;
    if (asked !== null && layout === null) return apiError(400, "invalid_input", "Choose layout=moodle or layout=canvas, or leave it out for the full CSV.");
    const result = await gradebookCsv(user.id, params.classId, new Date(), layout);
    const date = new Date().toISOString().slice(0, 10);
    return new NextResponse(result.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="gradebook-${safeFileName(result.className)}-${date}${layout ? `.${layout}` : ""}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
