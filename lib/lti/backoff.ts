/** When a score the platform could not take is tried again: 10 s, then doubling, at most 6 hours apart. */
export function nextTryDelayMs(tries: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, tries - 1), 6 * 60 * 60_000);
}
