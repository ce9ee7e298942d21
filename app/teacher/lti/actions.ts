"use server";
// The teacher's LTI scores page: sending the waiting scores now instead of at their next try.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/define";
import { saved } from "@/lib/actions/form-state";
import { sendDueScores } from "@/lib/lti/outbox";

export const sendScoresNowAction = formAction({
  access: "teacher",
  returnTo: "/teacher/lti",
  input: z.object({}),
  async run() {
    const sent = await sendDueScores({ all: true });
    revalidatePath("/teacher/lti");
    return saved(sent === 0 ? "No waiting score could be sent just now; each will be tried again." : `${sent} ${sent === 1 ? "score" : "scores"} sent.`);
  },
});
