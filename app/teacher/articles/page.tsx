import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { articlesForList, type ListedArticle } from "@/lib/articles/workspace-list";
import { LabelledBar } from "@/components/articles/labelled-bar";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Articles" };

const GROUPS: { group: ListedArticle["group"]; title: string; empty: string }[] = [
  { group: "built-in", title: "Built in", empty: "" },
  { group: "own", title: "Yours", empty: "None yet. Bring in an article to label it and build lessons from it." },
  { group: "others", title: "From other teachers", empty: "None yet. Articles your co-teachers publish, and articles shared with every teacher, appear here." },
];

export default async function ArticlesPage() {
  const teacher = await requireRole("TEACHER", "/teacher/articles");
  const articles = await articlesForList(teacher);
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold">Articles</h1>
        <p className="text-muted">
          Bring in an article, label every sentence with its statement kind, add context notes and lessons, and publish it for your classes. Students read it as
          they read the built-in article.
        </p>
        <p>
          <Link href="/teacher/articles/new" className="btn">
            Bring in an article
          </Link>
        </p>
      </header>
      {GROUPS.map(({ group, title, empty }) => {
        const rows = articles.filter((a) => a.group === group);
        if (rows.length === 0 && empty === "") return null;
        return (
          <section key={group} aria-labelledby={`${group}-heading`} className="space-y-3">
            <h2 id={`${group}-heading`} className="text-2xl font-semibold">
              {title}
            </h2>
            {rows.length === 0 ? (
              <p className="text-muted">{empty}</p>
            ) : (
              <ul className="divide-y divide-rule rounded-lg border border-rule bg-white">
                {rows.map((article) => (
                  <ArticleRow key={article.id} article={article} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function ArticleRow({ article }: { article: ListedArticle }) {
  const version = article.publishedVersion;
  return (
    <li className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="text-lg font-semibold">
          {article.group === "own" ? <Link href={`/teacher/articles/${article.id}`}>{article.title}</Link> : article.title}
        </h3>
        <p className="font-sans text-sm">
          {version ? (
            <span>
              Published v{version.number}
              <span className="text-muted">
                {" "}
                · <LocalTime iso={version.publishedAt.toISOString()} withTime={false} />
              </span>
            </span>
          ) : (
            <span className="rounded-full border border-rule px-2 py-0.5 text-muted">Draft</span>
          )}
        </p>
      </div>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 font-sans text-sm text-muted">
        <span>{article.builtIn ? "Built into Backchannel" : `By ${article.group === "own" ? "you" : (article.owner?.name ?? "a former teacher")}`}</span>
        {article.sharedWithTeachers ? <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs text-accent">Shared with all teachers</span> : null}
        {article.builtIn ? (
          <Link href="/lessons">Read its lessons</Link>
        ) : version ? (
          <Link href={`/articles/${article.slug}`} aria-label={`Read the lessons of “${article.title}”`}>
            Read its lessons
          </Link>
        ) : null}
      </p>
      {article.progress ? (
        <div className="max-w-xs">
          <LabelledBar compact labelled={article.progress.labelled} total={article.progress.total} label={`${article.title}: sentences labelled`} />
        </div>
      ) : null}
    </li>
  );
}
