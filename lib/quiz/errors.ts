// The quiz service's refusals (lib/errors.ts's DomainError), worded once.
import { DomainError } from "@/lib/errors";

export const notFound = (what = "That quiz attempt") => new DomainError("not_found", `${what} does not exist, or it is not yours.`);
