// Finding questions: built-in ones come from the validated bank in memory, teacher-written ones
// from the database (their body is validated again when read, never trusted blindly).
import { db } from "@/lib/db";
import { getQuestion } from "./bank";
import { QuestionSchema, type Question } from "./schema";

export async function findQuestions(ids: readonly string[]): Promise<Map<string, Question>> {
  const found = new Map<string, Question>();
  const missing: string[] = [];
  for (const id of ids) {
    const builtIn = getQuestion(id);
    if (builtIn) found.set(id, builtIn);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db.question.findMany({ where: { id: { in: missing }, source: "TEACHER" }, select: { id: true, body: true } });
    for (const row of rows) {
      const parsed = QuestionSchema.safeParse(row.body);
      if (parsed.success) found.set(row.id, { ...parsed.data, id: row.id });
    }
  }
  return found;
}
