// POST /api/v1/attempts: start a quiz, or resume the unfinished attempt at the same quiz.
import { NextResponse, type NextRequest } from "next/server";
import { quizErrorResponse, readJson } from "@/lib/api/request";
import { otherMethods, requireApiUser } from "@/lib/api/respond";
import { StartAttemptRequest } from "@/lib/api/schemas";
import { startAttemptView } from "@/lib/quiz/attempts";

export async function POST(request: NextRequest) {
  const { user, response } = await requireApiUser();
  if (response) return response;
  const body = await readJson(request, StartAttemptRequest);
  if (body.response) return body.response;
  try {
    const { resumed, attempt } = await startAttemptView(user.id, { kind: body.data.kind, scopeId: body.data.scopeId });
    return NextResponse.json({ resumed, attempt }, { status: resumed ? 200 : 201 });
  } catch (error) {
    return quizErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
