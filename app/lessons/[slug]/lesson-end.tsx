// The end of every lesson page, built-in or imported (decision 0039): the reading bar with "mark as
// read", then the quiz. Beside the built-in lesson page because its parts call the app's actions.
import { LessonQuizOffer } from "./quiz-offer";
import { LessonReadingTracker } from "./reading-tracker";

export function LessonEnd({
  lessonKey,
  lessonTitle,
  blockIds,
  questionCount,
}: {
  lessonKey: string;
  lessonTitle: string;
  blockIds: string[];
  questionCount: number | null;
}) {
  return (
    <>
      <section id="lesson-end" className="no-print rounded-lg border border-rule bg-white p-5">
        <h2 className="sr-only">Your progress</h2>
        <LessonReadingTracker slug={lessonKey} blockIds={blockIds} endMarker="lesson-end" />
      </section>

      <section aria-labelledby="quiz-heading" className="no-print space-y-3 rounded-lg border border-rule bg-white p-5">
        <h2 id="quiz-heading" className="text-xl font-semibold">
          Check your reading
        </h2>
        <LessonQuizOffer slug={lessonKey} lessonTitle={lessonTitle} questionCount={questionCount} />
      </section>
    </>
  );
}
