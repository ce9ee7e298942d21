// Pure reading arithmetic, shared by the server (dashboard, API) and the lesson page's own bar,
// so the two can never disagree about how far a learner has read.

/** The share of a lesson read (0–100), from the furthest paragraph reached. */
export function percentRead(blockIds: readonly string[], lastParagraphId: string | null, read: boolean): number {
  if (read) return 100;
  if (!lastParagraphId) return 0;
  const index = blockIds.indexOf(lastParagraphId);
  if (index < 0) return 0;
  return Math.round(((index + 1) / blockIds.length) * 100);
}

/** Reading to the last paragraph counts as having read the lesson. */
export function reachesEnd(blockIds: readonly string[], paragraphId: string): boolean {
  return blockIds.length > 0 && blockIds[blockIds.length - 1] === paragraphId;
}
