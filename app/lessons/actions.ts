"use server";
// Reading progress from the (static) lesson pages. Anonymous readers never call these:
// the client component only does for a signed-in learner, and the guard checks again.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { ReadingInputError, saveReadingPosition, setLessonRead, type LessonProgressView } from "@/lib/progress/reading";

const positionSchema = z.object({ slug: z.string().min(1).max(100), paragraphId: z.string().min(1).max(100) });
const readSchema = z.object({ slug: z.string().min(1).max(100), read: z.boolean() });

export type ReadingResult = { ok: true } | { ok: false; message: string };
export type PositionResult = { ok: true; progress: LessonProgressView } | { ok: false; message: string };

export async function saveReadingPositionAction(input: { slug: string; paragraphId: string }): Promise<PositionResult> {
  const user = await requireUser("/lessons");
  const parsed = positionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "That reading position is not valid." };
  try {
    return { ok: true, progress: await saveReadingPosition(user.id, parsed.data.slug, parsed.data.paragraphId) };
  } catch (error) {
    if (error instanceof ReadingInputError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function setLessonReadAction(input: { slug: string; read: boolean }): Promise<ReadingResult> {
  const user = await requireUser(`/lessons`);
  const parsed = readSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "That request is not valid." };
  const result = await run(() => setLessonRead(user.id, parsed.data.slug, parsed.data.read));
  revalidatePath("/dashboard");
  return result;
}

async function run(work: () => Promise<void>): Promise<ReadingResult> {
  try {
    await work();
    return { ok: true };
  } catch (error) {
    if (error instanceof ReadingInputError) return { ok: false, message: error.message };
    throw error;
  }
}
