import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { getArticle, getBlock, getLessonForBlock, LABELS } from "@/lib/content";
import { formatPercent, MIN_STUDENTS_FOR_DISCRIMINATION, type ItemStats } from "@/lib/teacher/report-math";
import { questionReport } from "@/lib/teacher/reports";
import { classForTeacher } from "../../data";

export async function generateMetadata({ params }: PageProps<"/teacher/classes/[classId]/reports/questions">): Promise<Metadata> {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/reports/questions`);
  const classroom = await classForTeacher(teacher.id, classId);
  return { title: classroom ? `Question analysis: ${classroom.name}` : "Class not found" };
}

function Bar({ share, label, tone = "bg-quote" }: { share: number; label: string; tone?: string }) {
  return (
    <span className="block h-2.5 w-full overflow-hidden rounded-full bg-[#e7e3da]" aria-hidden="true" title={label}>
      <span className={`block h-full rounded-full ${tone}`} style={{ width: `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%` }} />
    </span>
  );
}

function discriminationText(item: ItemStats): string {
  if (item.discrimination === null) return `not computed (fewer than ${MIN_STUDENTS_FOR_DISCRIMINATION} students answered)`;
  const d = item.discrimination.toFixed(2);
  if (item.discrimination >= 0.3) return `${d}: separates stronger from weaker students well`;
  if (item.discrimination >= 0.1) return `${d}: separates them a little`;
  return `${d}: does not separate them; check the question`;
}

export default async function QuestionsPage({ params }: PageProps<"/teacher/classes/[classId]/reports/questions">) {
  const { classId } = await params;
  const teacher = await requireRole("TEACHER", `/teacher/classes/${classId}/reports/questions`);
  const classroom = await classForTeacher(teacher.id, classId);
  if (!classroom) notFound();
  const { items, paragraphs, articles } = await questionReport(teacher.id, classId);
  const maxWrong = Math.max(1, ...paragraphs.map((p) => p.wrong), ...articles.flatMap((a) => a.paragraphs.map((p) => p.wrong)));

  return (
    <div className="space-y-12">
      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-2xl font-semibold">
          Question analysis
        </h2>
        <p className="text-muted">
          Every answer given in this class’s assignments, late ones and those in attempts that do not count toward grades included, hardest questions first.
          Discrimination compares the top and bottom 27 % of students by overall score: near +1 the question separates them well, near 0 or below it may be
          unclear. With a small class, read it as a hint.
        </p>
        {items.length === 0 ? (
          <p className="text-muted">No answers yet.</p>
        ) : (
          <ol className="space-y-3">
            {items.map((item) => (
              <li key={item.questionId} className="space-y-2 rounded-lg border border-rule bg-white p-4">
                <p className="font-medium">{item.prompt}</p>
                {item.statement ? <blockquote className="border-l-4 border-rule pl-3 font-serif text-muted">{item.statement}</blockquote> : null}
                <div className="grid items-center gap-2 font-sans text-sm sm:grid-cols-[12rem_1fr]">
                  <span>
                    {formatPercent(item.correctShare)} right ({item.answers} {item.answers === 1 ? "answer" : "answers"})
                  </span>
                  <Bar share={item.correctShare} label={`${formatPercent(item.correctShare)} right`} />
                </div>
                {item.wrongChoices.length > 0 ? (
                  <div className="font-sans text-sm">
                    <p className="text-muted">Wrong choices:</p>
                    <ul className="space-y-1">
                      {item.wrongChoices.map((choice) => (
                        <li key={choice.id} className="grid items-center gap-2 sm:grid-cols-[12rem_1fr]">
                          <span>
                            “{choice.text}”: {choice.count}×
                          </span>
                          <Bar share={choice.count / item.answers} label={`${choice.count} of ${item.answers}`} tone="bg-[#b42318]" />
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <p className="font-sans text-sm text-muted">Discrimination: {discriminationText(item)}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="article-heading" className="space-y-3">
        <h2 id="article-heading" className="text-2xl font-semibold">
          Where in the article mistakes happen
        </h2>
        <p className="text-muted">For each paragraph the class was asked about: wrong answers to questions that rest on it, in article order.</p>
        {paragraphs.length === 0 && articles.length === 0 ? <p className="text-muted">No answers yet.</p> : null}
        {paragraphs.length > 0 ? (
          <HeatmapList
            title={articles.length > 0 ? getArticle().meta.title : null}
            maxWrong={maxWrong}
            rows={paragraphs.map((p) => {
              const block = getBlock(p.paragraphId);
              return {
                ...p,
                excerpt: block ? (block.text.length > 160 ? `${block.text.slice(0, 157)}…` : block.text) : p.paragraphId,
                labelName: block ? LABELS[block.label].name : null,
                href: getLessonForBlock(p.paragraphId)?.href ?? null,
              };
            })}
          />
        ) : null}
        {articles.map((article) => (
          <HeatmapList
            key={article.id}
            title={article.title}
            maxWrong={maxWrong}
            rows={article.paragraphs.map((p) => ({ ...p, labelName: LABELS[p.label].name }))}
          />
        ))}
      </section>
    </div>
  );
}

type HeatmapRow = { paragraphId: string; wrong: number; answered: number; excerpt: string; labelName: string | null; href: string | null };

/** One article's paragraphs, in its order, each with its wrong answers as a bar. */
function HeatmapList({ title, rows, maxWrong }: { title: string | null; rows: HeatmapRow[]; maxWrong: number }) {
  return (
    <div className="space-y-2">
      {title ? <h3 className="text-xl font-semibold">{title}</h3> : null}
      <ol className="space-y-2">
        {rows.map((p) => (
          <li key={p.paragraphId} className="space-y-1 rounded-lg border border-rule bg-white p-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2 font-sans text-sm">
              <span className="font-semibold">
                {p.href ? <a href={p.href}>Paragraph {p.paragraphId}</a> : `Paragraph ${p.paragraphId}`}
                {p.labelName ? <span className="font-normal text-muted"> · {p.labelName}</span> : null}
              </span>
              <span>
                {p.wrong} wrong of {p.answered}
              </span>
            </div>
            <Bar share={p.wrong / maxWrong} label={`${p.wrong} wrong`} tone="bg-[#b42318]" />
            <p className="font-serif text-sm text-muted">{p.excerpt}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
