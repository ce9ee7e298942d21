import Link from "next/link";
import { SampleQuestion } from "@/components/quiz/sample-question";
import { sampleQuestion } from "@/lib/quiz/sample";
import { checkSampleAnswerAction } from "@/app/sample/actions";

const LABELS = [
  { name: "Reported fact", color: "bg-fact", text: "Something that happened, checked against the public record." },
  { name: "On-record quote", color: "bg-quote", text: "Words someone actually said, in public." },
  { name: "Opinion", color: "bg-opinion", text: "The author's reading of events: arguable, not established." },
  { name: "Imagined dialogue", color: "bg-imagined", text: "A conversation the author says he imagines. It never happened." },
];

export default function HomePage() {
  return (
    <div className="space-y-14">
      <section className="max-w-3xl space-y-5 pt-4">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">Post-Cold War diplomacy, read closely</p>
        <h1 className="text-4xl font-semibold sm:text-5xl">Kerry, Lavrov and sixteen years of US–Russian relations</h1>
        <p className="prose-article text-muted">
          Backchannel teaches one long-form article, Marwan Bishara’s “John Kerry and Sergey Lavrov: Fatal attraction IV” (Al Jazeera, 2016). Read it in short
          lessons, see which sentences are facts, quotes, opinions or the author’s own imagined dialogue, and test yourself on the four phases it describes.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/lessons" className="btn">
            Start reading
          </Link>
          <Link href="/timeline" className="btn btn-secondary">
            See the timeline
          </Link>
        </div>
      </section>

      <section aria-labelledby="labels-heading" className="space-y-4">
        <h2 id="labels-heading" className="text-2xl font-semibold">
          Every statement, labelled and traced
        </h2>
        <p className="max-w-3xl text-muted">
          Each paragraph is linked to its place in the article and marked with what kind of statement it is. Where the record says something different, a
          context note says so and cites its source.
        </p>
        <ul className="grid gap-4 sm:grid-cols-2">
          {LABELS.map((label) => (
            <li key={label.name} className="flex gap-3 rounded-lg border border-rule bg-white p-4">
              <span aria-hidden="true" className={`mt-1.5 h-3 w-3 shrink-0 rounded-full ${label.color}`} />
              <span>
                <strong className="block">{label.name}</strong>
                <span className="text-muted">{label.text}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="try-heading" className="max-w-3xl space-y-4">
        <div className="space-y-1">
          <h2 id="try-heading" className="text-2xl font-semibold">
            Try a question
          </h2>
          <p className="text-muted">No account needed. Your answer is checked, explained and traced to its paragraph, then forgotten.</p>
        </div>
        {/* The public view only, computed when the page is prerendered: no answer key in the page. */}
        <SampleQuestion check={checkSampleAnswerAction} question={sampleQuestion()} />
      </section>

      <section aria-labelledby="who-heading" className="grid gap-6 sm:grid-cols-2">
        <h2 id="who-heading" className="sr-only">
          For students and teachers
        </h2>
        <div className="rounded-lg border border-rule bg-white p-5">
          <h3 className="text-xl font-semibold">For students</h3>
          <p className="mt-2 text-muted">Read at your own pace, answer questions that point back to the text, and watch your mastery of each phase grow.</p>
        </div>
        <div className="rounded-lg border border-rule bg-white p-5">
          <h3 className="text-xl font-semibold">For teachers</h3>
          <p className="mt-2 text-muted">Create a class, assign lessons with due dates, and see which students — and which paragraphs — need attention.</p>
        </div>
      </section>
    </div>
  );
}
