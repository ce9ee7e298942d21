// The class gradebook as a CSV file (UTF-8 with BOM, every field quoted, formulas neutralised:
// see lib/teacher/csv.ts). Teachers of the class only; anyone else's class is a 404.
import { NextResponse } from "next/server";
import { apiError, otherMethods, requireApiRole } from "@/lib/api/respond";
import { safeFileName } from "@/lib/teacher/csv";
import { TeacherError } from "@/lib/teacher/errors";
import { gradebookCsv } from "@/lib/teacher/reports";

export async function GET(_request: Request, { params }: RouteContext<"/api/v1/teacher/classes/[classId]/gradebook">) {
  const { user, response } = await requireApiRole("TEACHER");
  if (response) return response;
  const { classId } = await params;
  let result: { className: string; csv: string };
  try {
    result = await gradebookCsv(user.id, classId);
  } catch (error) {
    if (error instanceof TeacherError && error.code === "not_found") return apiError(404, "not_found", error.message);
    throw error;
  }
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gradebook-${safeFileName(result.className)}-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
