// PUT /api/v1/attempts/{attemptId}/answers/{questionId}: record an answer (idempotent for the same answer).
import { NextResponse, type NextRequest } from "next/server";
import { quizErrorResponse, readJson } from "@/lib/api/request";
import { otherMethods, requireApiUser } from "@/lib/api/respond";
import { AnswerRequest } from "@/lib/api/schemas";
import { answerQuestion } from "@/lib/quiz/attempts";

export async function PUT(request: NextRequest, { params }: RouteContext<"/api/v1/attempts/[attemptId]/answers/[questionId]">) {
  const { user, response } = await requireApiUser();
  if (response) return response;
  const body = await readJson(request, AnswerRequest);
  if (body.response) return body.response;
  const { attemptId, questionId } = await params;
  try {
    const outcome = await answerQuestion(user.id, attemptId, questionId, body.data.response);
    return NextResponse.json(outcome, { status: outcome.recorded ? 201 : 200 });
  } catch (error) {
    return quizErrorResponse(error);
  }
}

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
