// Quiz sizes, apart from the attempt service so static pages can say how long a quiz is without
// importing the database client.
export type QuizKind = "LESSON" | "PHASE" | "MIXED" | "REVIEW";

/** How many questions a quiz of each kind asks (fewer when the scope has fewer). */
export const QUIZ_LENGTH: Record<QuizKind, number> = { LESSON: 10, PHASE: 12, MIXED: 15, REVIEW: 10 };
