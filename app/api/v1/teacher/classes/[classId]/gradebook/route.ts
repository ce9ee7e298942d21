// The class gradebook as a CSV file (UTF-8 with BOM, every field quoted, formulas neutralised:
// see lib/teacher/csv.ts). Teachers of the class only; anyone else's class is a 404.
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { safeFileName } from "@/lib/teacher/csv";
import { gradebookCsv } from "@/lib/teacher/reports";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"teacher", null, { classId: string }>({
  method: "GET",
  access: "teacher",
  body: null,
  async handle({ user, params }) {
    const result = await gradebookCsv(user.id, params.classId);
    const date = new Date().toISOString().slice(0, 10);
    return new NextResponse(result.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="gradebook-${safeFileName(result.className)}-${date}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
