// "Next up" on the student's home: the first step large, a few more below it.
import Link from "next/link";
import { StartAssignmentButton } from "../classes/assignment-button";
import { LocalTime } from "@/components/local-time";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { startQuizAction } from "@/app/quiz/actions";
import type { NextStep } from "@/lib/progress/next-step";

function describe(step: NextStep): { title: string; detail?: React.ReactNode } {
  switch (step.kind) {
    case "read-for-assignment":
      return {
        title: `Read Lesson ${step.lesson.number}: ${step.lesson.title}`,
        detail: (
          <>
            For “{step.assignment.title}” ({step.assignment.className}), due <LocalTime iso={step.assignment.dueAt.toISOString()} />. Its quiz is at the end of
            the lesson.
            {step.percent > 0 ? ` You have read ${step.percent}%.` : ""}
          </>
        ),
      };
    case "quiz-for-assignment":
      return {
        title: `${step.resume ? "Finish" : "Take"} the quiz: ${step.assignment.title}`,
        detail: (
          <>
            {step.assignment.className}, due <LocalTime iso={step.assignment.dueAt.toISOString()} />
            {step.assignment.status === "missing" ? " (past due: hand it in late rather than not at all)" : ""}.
          </>
        ),
      };
    case "continue-reading":
      return { title: `Continue reading Lesson ${step.lesson.number}: ${step.lesson.title}`, detail: `You have read ${step.percent}%.` };
    case "review":
      return { title: `Review ${step.due} question${step.due === 1 ? "" : "s"} you missed`, detail: "Spaced out over days, so they stick." };
    case "first-lesson":
      return { title: `Start with Lesson 1: ${step.lesson.title}`, detail: "A short read, then a few questions on what you read. About ten minutes." };
    case "next-lesson":
      return { title: `Read Lesson ${step.lesson.number}: ${step.lesson.title}` };
    case "mixed-review":
      return { title: "Try a mixed review of the whole article", detail: "You have read every lesson." };
  }
}

function StepAction({ step, primary }: { step: NextStep; primary: boolean }) {
  const linkClass = primary ? "btn" : "btn btn-secondary";
  switch (step.kind) {
    case "read-for-assignment":
      return (
        <Link href={step.href} className={linkClass}>
          {step.percent > 0 ? "Continue reading" : "Read the lesson"}
        </Link>
      );
    case "quiz-for-assignment":
      return <StartAssignmentButton assignmentId={step.assignment.id} title={step.assignment.title} label={step.resume ? "Continue" : "Start the quiz"} />;
    case "continue-reading":
      return (
        <Link href={step.href} className={linkClass}>
          Continue reading
        </Link>
      );
    case "review":
      return <StartQuizButton action={startQuizAction} kind="REVIEW" scopeId={null} label="Start review" secondary={!primary} />;
    case "first-lesson":
    case "next-lesson":
      return (
        <Link href={step.href} className={linkClass}>
          Start reading
        </Link>
      );
    case "mixed-review":
      return <StartQuizButton action={startQuizAction} kind="MIXED" scopeId={null} label="Start mixed review" secondary={!primary} />;
  }
}

export function NextSteps({ steps }: { steps: readonly NextStep[] }) {
  const [first, ...rest] = steps;
  if (!first) return null;
  const main = describe(first);
  return (
    <section aria-labelledby="next-heading" className="space-y-4">
      <h2 id="next-heading" className="text-2xl font-semibold">
        Next up
      </h2>
      <div className="space-y-3 rounded-lg border-2 border-accent/40 bg-white p-5">
        <p className="text-xl font-semibold">{main.title}</p>
        {main.detail ? <p className="text-muted">{main.detail}</p> : null}
        <StepAction step={first} primary />
      </div>
      {rest.length > 0 ? (
        <>
          <h3 className="font-sans text-sm font-semibold uppercase tracking-wide text-muted">Then</h3>
          <ul className="space-y-3">
            {rest.slice(0, 3).map((step, index) => {
              const text = describe(step);
              return (
                <li key={`${step.kind}-${index}`} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-rule bg-white p-4">
                  <div>
                    <p className="font-semibold">{text.title}</p>
                    {text.detail ? <p className="font-sans text-sm text-muted">{text.detail}</p> : null}
                  </div>
                  <StepAction step={step} primary={false} />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
