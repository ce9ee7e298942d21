// How long each kind of quiz is. A plain module (no database) so the bank's unit tests can check
// that every lesson has enough questions of its own for a full lesson quiz.

import type { QuizKind } from "@/lib/enums";

export type { QuizKind };

/** How many questions a quiz of each kind asks (fewer when the scope has fewer). */
export const QUIZ_LENGTH: Record<QuizKind, number> = { LESSON: 10, PHASE: 12, MIXED: 15, REVIEW: 10 };
