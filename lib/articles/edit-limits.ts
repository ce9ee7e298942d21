/**
 * Limits on one article edit, shared by the schema the server parses with and by the workspace's
 * optimistic copy in the browser, which runs without zod (decision 0050).
 */
export const MAX_SENTENCES_PER_LABEL = 500;
