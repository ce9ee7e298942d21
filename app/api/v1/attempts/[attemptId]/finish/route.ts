// POST /api/v1/attempts/{attemptId}/finish: finish the attempt (finishing twice changes nothing).
import { NextResponse } from "next/server";
import { route } from "@/lib/api/route";
import { finishAttempt } from "@/lib/quiz/attempts";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"user", null, { attemptId: string }>({
  method: "POST",
  access: "user",
  body: null,
  async handle({ user, params }) {
    return NextResponse.json(await finishAttempt(user.id, params.attemptId));
  },
});
