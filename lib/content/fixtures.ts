/** Fresh, mutable copies of the raw content files, for tests that break them on purpose. */
import articleJson from "@/content/article.json";
import contextNotesJson from "@/content/context-notes.json";
import eventsJson from "@/content/events.json";
import glossaryJson from "@/content/glossary.json";
import lessonsJson from "@/content/lessons.json";
import phasesJson from "@/content/phases.json";

export function rawContentCopy() {
  return structuredClone({
    article: articleJson,
    lessons: lessonsJson,
    glossary: glossaryJson,
    contextNotes: contextNotesJson,
    phases: phasesJson,
    events: eventsJson,
  });
}
