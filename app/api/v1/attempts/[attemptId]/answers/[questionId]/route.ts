// PUT /api/v1/attempts/{attemptId}/answers/{questionId}: record an answer (idempotent for the same answer).
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { AnswerRequest } from "@/lib/api/schemas";
import { answerQuestion } from "@/lib/quiz/attempts";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"user", typeof AnswerRequest, { attemptId: string; questionId: string }>({
  method: "PUT",
  access: "user",
  body: AnswerRequest,
  async handle({ user, body, params }) {
    const outcome = await answerQuestion(user.id, params.attemptId, params.questionId, body.response);
    return NextResponse.json(outcome, { status: outcome.recorded ? 201 : 200 });
  },
});
