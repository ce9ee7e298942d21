// An assignment's questions as a GIFT or Moodle XML file (decision 0046): ?format=gift|moodle-xml.
// Teachers of the class only; anyone else's class or assignment is a 404.
import { route } from "@/lib/api/route";
import { BAD_FORMAT, fileResponse, formatParam } from "@/lib/interop/respond";
import { exportQuestions } from "@/lib/interop/questions";
import { requireTeaching } from "@/lib/teacher/classes";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route<"teacher", null, { classId: string; assignmentId: string }>({
  method: "GET",
  access: "teacher",
  body: null,
  async handle({ request, user, params }) {
    // Someone else's class is a 404 whatever else the request says.
    await requireTeaching(user.id, params.classId);
    const format = formatParam(request.nextUrl);
    if (!format) return BAD_FORMAT();
    const file = await exportQuestions(user.id, { kind: "assignment", classId: params.classId, assignmentId: params.assignmentId }, format);
    return fileResponse(file);
  },
});
