// POST /api/v1/attempts: start a quiz, or resume the unfinished attempt at the same quiz.
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { StartAttemptRequest } from "@/lib/api/schemas";
import { startAttemptView } from "@/lib/quiz/attempts";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route({
  method: "POST",
  access: "user",
  body: StartAttemptRequest,
  async handle({ user, body }) {
    const { resumed, attempt } = await startAttemptView(user.id, { kind: body.kind, scopeId: body.scopeId });
    return NextResponse.json({ resumed, attempt }, { status: resumed ? 200 : 201 });
  },
});
