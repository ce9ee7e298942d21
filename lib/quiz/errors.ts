// Errors the quiz service raises for requests it refuses. Route handlers and server actions map
// them to a status code and a stable error code (lib/api/respond.ts); the message is for people.
export class QuizError extends Error {
  override name = "QuizError";
  constructor(
    readonly code: "not_found" | "conflict" | "invalid_input" | "nothing_to_review",
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = "That quiz attempt") => new QuizError("not_found", `${what} does not exist, or it is not yours.`);
