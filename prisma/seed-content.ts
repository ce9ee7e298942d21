// Loads the reference content (phases, key events) into the database. Idempotent: upserts by id,
// so running it again after a content change updates the rows.
import { getEvents, getPhases } from "../lib/content";
import type { Database } from "../lib/db";

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
