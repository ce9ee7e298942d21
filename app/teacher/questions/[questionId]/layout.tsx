import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { ownQuestion } from "./data";

// Guard and ownership check above this segment's loading boundary (none above it: the list page
// keeps its loading.tsx in the (list) group), so another teacher's question is a real 404.
export default async function QuestionLayout({ children, params }: LayoutProps<"/teacher/questions/[questionId]">) {
  const { questionId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/questions/${questionId}`);
  if (!(await ownQuestion(teacher.id, questionId))) notFound();
  return children;
}
