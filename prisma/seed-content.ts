// Loads the reference content (phases, key events) into the database. Idempotent: upserts by id,
// so running it again after a content change updates the rows.
import { getEvents, getPhases } from "../lib/content";
import type { Database } from "../lib/db";
import { getQuestionBank } from "../lib/quiz/bank";

export async function seedContent(db: Database): Promise<{ phases: number; events: number }> {
  const phases = getPhases();
  const events = getEvents();
  await db.$transaction(async (tx) => {
    for (const phase of phases) {
      const data = { position: phase.position, title: phase.title, startYear: phase.startYear, endYear: phase.endYear, summary: phase.summary };
      await tx.phase.upsert({ where: { id: phase.id }, create: { id: phase.id, ...data }, update: data });
    }
    for (const event of events) {
      const data = {
        phaseId: event.phaseId,
        title: event.title,
        date: event.date,
        place: event.place,
        people: [...event.people],
        paragraphIds: [...event.paragraphIds],
        position: event.position,
      };
      await tx.keyEvent.upsert({ where: { id: event.id }, create: { id: event.id, ...data }, update: data });
    }
  });
  return { phases: phases.length, events: events.length };
}

/**
 * Loads the built-in question bank (content/questions.json). Built-in questions are updated in
 * place from the file; a question removed from the file is retired, never deleted, so past
 * answers to it keep their meaning.
 */
export async function seedQuestionBank(db: Database): Promise<{ questions: number; retired: number }> {
  const bank = getQuestionBank();
  const ids = bank.map((q) => q.id);
  await db.$transaction(async (tx) => {
    for (const question of bank) {
      const data = {
        source: "BUILT_IN" as const,
        type: question.type,
        difficulty: question.difficulty,
        prompt: question.prompt,
        body: question,
        paragraphIds: [...question.paragraphIds],
        retiredAt: null,
      };
      await tx.question.upsert({ where: { id: question.id }, create: { id: question.id, ...data }, update: data });
      await tx.questionPhase.deleteMany({ where: { questionId: question.id } });
      await tx.questionEvent.deleteMany({ where: { questionId: question.id } });
      await tx.questionPhase.createMany({ data: question.phaseIds.map((phaseId) => ({ questionId: question.id, phaseId })) });
      await tx.questionEvent.createMany({ data: question.eventIds.map((eventId) => ({ questionId: question.id, eventId })) });
    }
  });
  const retired = await db.question.updateMany({
    where: { source: "BUILT_IN", id: { notIn: ids }, retiredAt: null },
    data: { retiredAt: new Date() },
  });
  return { questions: bank.length, retired: retired.count };
}
