// Finding questions: built-in ones come from the validated bank in memory, teacher-written ones
// from the database (their body is validated again when read, never trusted blindly).
//
// A built-in question removed from content/questions.json is retired by the seed, never deleted:
// its row keeps the body it had. Earlier attempts, results and answers still name it, so it is
// found from that stored body (validated like a teacher's), not dropped from the learner's past.
import { db } from "@/lib/db";
import { getQuestion } from "./bank";
import { QuestionSchema, type Question } from "./schema";

export async function findQuestions(ids: readonly string[], { retiredBuiltIn = true }: { retiredBuiltIn?: boolean } = {}): Promise<Map<string, Question>> {
  const found = new Map<string, Question>();
  const missing: string[] = [];
  for (const id of ids) {
    const builtIn = getQuestion(id);
    if (builtIn) found.set(id, builtIn);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db.question.findMany({
      where: { id: { in: missing }, source: { in: retiredBuiltIn ? ["TEACHER", "BUILT_IN"] : ["TEACHER"] } },
      select: { id: true, body: true },
    });
    for (const row of rows) {
      const parsed = QuestionSchema.safeParse(row.body);
      if (parsed.success) found.set(row.id, { ...parsed.data, id: row.id });
    }
  }
  return found;
}
