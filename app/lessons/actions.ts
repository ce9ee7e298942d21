"use server";
// Reading progress from the (static) lesson pages, declared once (lib/actions/define.ts).
// Anonymous readers never call these: the client component only does for a signed-in learner,
// and the guard checks again.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { jsonAction } from "@/lib/actions/define";
import { saveReadingPosition, setLessonRead } from "@/lib/progress/reading";

const slug = z.string().min(1).max(100);

export const saveReadingPositionAction = jsonAction({
  access: "user",
  returnTo: "/lessons",
  invalid: "That reading position is not valid.",
  input: z.object({ slug, paragraphId: z.string().min(1).max(100) }),
  async run({ user, input }) {
    return { progress: await saveReadingPosition(user, input.slug, input.paragraphId) };
  },
});

export const setLessonReadAction = jsonAction({
  access: "user",
  returnTo: "/lessons",
  invalid: "That request is not valid.",
  input: z.object({ slug, read: z.boolean() }),
  async run({ user, input }) {
    await setLessonRead(user, input.slug, input.read);
    revalidatePath("/dashboard");
    return {};
  },
});
