import { cache } from "react";
import { getOwnQuestion } from "@/lib/teacher/questions";

/** One lookup per request for the layout and the page. */
export const ownQuestion = cache(getOwnQuestion);
