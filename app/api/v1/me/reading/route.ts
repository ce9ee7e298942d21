// The signed-in learner's reading progress, for the static lesson pages to show progress bars.
import { NextResponse } from "next/server";
import { otherMethods, requireApiUser } from "@/lib/api/respond";
import { getReadingProgress } from "@/lib/progress/reading";

export async function GET() {
  const { user, response } = await requireApiUser();
  if (response) return response;
  return NextResponse.json({ lessons: await getReadingProgress(user.id) }, { headers: { "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
