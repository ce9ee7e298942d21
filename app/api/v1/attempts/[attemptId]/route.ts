// GET /api/v1/attempts/{attemptId}: the attempt as its owner sees it (open questions without keys).
import { json, route } from "@/lib/api/route";
import { getAttemptView } from "@/lib/quiz/attempts";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"user", null, { attemptId: string }>({
  method: "GET",
  access: "user",
  body: null,
  async handle({ user, params }) {
    return json(await getAttemptView(user.id, params.attemptId));
  },
});
