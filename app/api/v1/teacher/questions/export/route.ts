// The built-in bank or the teacher's own questions as a GIFT or Moodle XML file (decision 0046):
// ?set=bank|own&format=gift|moodle-xml. Verified teachers only.
import { route } from "@/lib/api/route";
import { apiError } from "@/lib/api/respond";
import { BAD_FORMAT, fileResponse, formatParam } from "@/lib/interop/respond";
import { exportQuestions } from "@/lib/interop/questions";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"teacher", null>({
  method: "GET",
  access: "teacher",
  body: null,
  async handle({ request, user }) {
    const format = formatParam(request.nextUrl);
    if (!format) return BAD_FORMAT();
    const set = request.nextUrl.searchParams.get("set");
    if (set !== "bank" && set !== "own") return apiError(400, "invalid_input", "Choose set=bank (the built-in questions) or set=own (yours).");
    return fileResponse(await exportQuestions(user.id, { kind: set }, format));
  },
});
