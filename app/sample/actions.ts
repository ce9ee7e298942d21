"use server";
// The home page's sample question, declared once (lib/actions/define.ts): open to anonymous
// visitors on purpose (they have no account yet), so its guard is a per-address rate limit, then
// zod. Nothing is written.
import { headers } from "next/headers";
import { z } from "zod";
import { jsonAction } from "@/lib/actions/define";
import { DomainError } from "@/lib/errors";
import { checkSampleAnswer, fixedWindowLimiter, SAMPLE_QUESTION_ID } from "@/lib/quiz/sample";
import { ResponseSchema } from "@/lib/quiz/schema";
import { clientAddress } from "@/lib/security/client-address";

const allowed = fixedWindowLimiter({ limit: 30, windowMs: 60_000 });

export const checkSampleAnswerAction = jsonAction({
  access: "public",
  invalid: "That answer does not fit this question.",
  input: z.strictObject({ questionId: z.string().pipe(z.literal(SAMPLE_QUESTION_ID)), response: ResponseSchema }),
  async run({ input }) {
    if (!allowed(clientAddress(await headers()))) {
      throw new DomainError("rate_limited", "That is a lot of tries in one minute: wait a moment, then check again.");
    }
    return checkSampleAnswer(input.response);
  },
});
