// The signed-in learner's reading progress and the lesson work set for them, for the static
// lesson pages: progress bars, and the quiz each lesson ends with (assigned, or practice).
import { NextResponse } from "next/server";
import { otherMethods, requireApiUser } from "@/lib/api/respond";
import { getReadingProgress } from "@/lib/progress/reading";
import { lessonAssignmentsForReader } from "@/lib/progress/lesson-assignments";
import { studentAssignments } from "@/lib/teacher/assignments";

export async function GET() {
  const { user, response } = await requireApiUser();
  if (response) return response;
  const [lessons, assignments] = await Promise.all([getReadingProgress(user.id), studentAssignments(user.id)]);
  return NextResponse.json({ lessons, assignments: lessonAssignmentsForReader(assignments) }, { headers: { "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
