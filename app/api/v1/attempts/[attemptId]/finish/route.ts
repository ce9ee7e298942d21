// POST /api/v1/attempts/{attemptId}/finish: finish the attempt (finishing twice changes nothing).
import { NextResponse } from "next/server";
import { quizErrorResponse } from "@/lib/api/request";
import { otherMethods, requireApiUser } from "@/lib/api/respond";
import { finishAttempt } from "@/lib/quiz/attempts";

export async function POST(_request: Request, { params }: RouteContext<"/api/v1/attempts/[attemptId]/finish">) {
  const { user, response } = await requireApiUser();
  if (response) return response;
  const { attemptId } = await params;
  try {
    return NextResponse.json(await finishAttempt(user.id, attemptId));
  } catch (error) {
    return quizErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
