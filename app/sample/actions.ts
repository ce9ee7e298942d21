"use server";
// The home page's sample question: open to anonymous visitors on purpose (they have no account
// yet), so its guard is a per-address rate limit instead of a session, then zod. Nothing is written.
import { headers } from "next/headers";
import { z } from "zod";
import { checkSampleAnswer, fixedWindowLimiter, SAMPLE_QUESTION_ID, type SampleOutcome } from "@/lib/quiz/sample";
import { ResponseSchema } from "@/lib/quiz/schema";

const allowed = fixedWindowLimiter({ limit: 30, windowMs: 60_000 });
const inputSchema = z.strictObject({ questionId: z.literal(SAMPLE_QUESTION_ID), response: ResponseSchema });

export async function checkSampleAnswerAction(input: unknown): Promise<SampleOutcome> {
  const h = await headers();
  if (!allowed(h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "direct")) {
    return { ok: false, message: "That is a lot of tries in one minute: wait a moment, then check again." };
  }
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "That answer does not fit this question." };
  return checkSampleAnswer(parsed.data.response);
}
