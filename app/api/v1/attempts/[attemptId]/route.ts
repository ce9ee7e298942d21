// GET /api/v1/attempts/{attemptId}: the attempt as its owner sees it (open questions without keys).
import { NextResponse } from "next/server";
import { quizErrorResponse } from "@/lib/api/request";
import { otherMethods, requireApiUser } from "@/lib/api/respond";
import { getAttemptView } from "@/lib/quiz/attempts";

export async function GET(_request: Request, { params }: RouteContext<"/api/v1/attempts/[attemptId]">) {
  const { user, response } = await requireApiUser();
  if (response) return response;
  const { attemptId } = await params;
  try {
    return NextResponse.json(await getAttemptView(user.id, attemptId), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return quizErrorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
