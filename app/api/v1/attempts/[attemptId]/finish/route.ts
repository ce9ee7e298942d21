// POST /api/v1/attempts/{attemptId}/finish: finish the attempt (finishing twice changes nothing).
import { after, NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { afterFinish } from "@/lib/lti/outbox";
import { finishAttempt } from "@/lib/quiz/attempts";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"user", null, { attemptId: string }>({
  method: "POST",
  access: "user",
  body: null,
  async handle({ user, params }) {
    const finished = await finishAttempt(user.id, params.attemptId);
    // A quiz opened from a course sends its score there (LTI, decision 0051), after the answer.
    after(() => afterFinish(params.attemptId));
    return NextResponse.json(finished);
  },
});
