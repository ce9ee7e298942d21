import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuizRunner } from "@/components/quiz/quiz-runner";
import { QuizResults } from "@/components/quiz/quiz-results";
import { requireUser } from "@/lib/auth/guards";
import { getAttemptView } from "@/lib/quiz/attempts";
import { DomainError } from "@/lib/errors";
import { answeredVersions, linksForQuestions, type ParagraphLink } from "@/lib/quiz/links";
import { masteryChangeForAttempt } from "@/lib/progress/learner";
import { answerAction, finishQuizAction, retryMissedAction } from "@/app/quiz/actions";
import { LateTag } from "@/app/classes/late-tag";

export const metadata: Metadata = { title: "Quiz" };

export default async function AttemptPage({ params }: PageProps<"/quiz/attempt/[attemptId]">) {
  const { attemptId } = await params;
  const user = await requireUser(`/quiz/attempt/${attemptId}`);
  let attempt;
  try {
    attempt = await getAttemptView(user.id, attemptId);
  } catch (error) {
    // Someone else's attempt and a missing one look the same.
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
  const answered = attempt.items.flatMap((item) =>
    item.status === "answered" && "paragraphIds" in item.question ? [{ id: item.question.id, paragraphIds: item.question.paragraphIds }] : [],
  );
  const links: Record<string, ParagraphLink[]> = await linksForQuestions(answered, await answeredVersions(user.id, attempt.id, answered));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-semibold">
          {attempt.title}
          {attempt.late ? <LateTag /> : null}
        </h1>
        {attempt.finishedAt ? (
          <p className="font-sans text-sm text-muted">Finished {new Date(attempt.finishedAt).toLocaleDateString("en-GB", { dateStyle: "long" })}</p>
        ) : null}
        {!attempt.practice && (attempt.late || !attempt.counted) ? (
          <p className="font-sans text-sm text-[#6b4600]">
            {attempt.late ? "Started after your due date. " : ""}
            {attempt.counted ? "It counts toward your grade." : "It does not count toward your grade."}
          </p>
        ) : null}
      </header>
      {attempt.finishedAt ? (
        <QuizResults
          retryMissed={retryMissedAction}
          attemptId={attempt.id}
          score={attempt.score ?? 0}
          changes={await masteryChangeForAttempt(user.id, attempt.id)}
          items={attempt.items}
          links={links}
          reveal={attempt.reveal}
          practice={attempt.practice}
        />
      ) : (
        <QuizRunner actions={{ answer: answerAction, finish: finishQuizAction }} attempt={attempt} links={links} />
      )}
    </div>
  );
}
