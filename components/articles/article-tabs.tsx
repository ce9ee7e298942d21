// The pages of one article in the teacher's area: labelling the text, its details, its questions.
import { IntentLink } from "@/components/intent-link";

const TABS = [
  { key: "label", href: (id: string) => `/teacher/articles/${id}`, text: "Label the text" },
  { key: "details", href: (id: string) => `/teacher/articles/${id}/details`, text: "Details, lessons and notes" },
  { key: "questions", href: (id: string) => `/teacher/articles/${id}/questions`, text: "Questions on this article" },
] as const;

export function ArticleTabs({ articleId, current }: { articleId: string; current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="This article" className="border-b border-rule font-sans text-sm">
      <ul className="-mb-px flex flex-wrap gap-4">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <IntentLink
              href={tab.href(articleId)}
              aria-current={tab.key === current ? "page" : undefined}
              className={`inline-block border-b-2 px-1 pb-2 no-underline ${tab.key === current ? "border-accent font-semibold text-ink" : "border-transparent text-muted hover:text-ink"}`}
            >
              {tab.text}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
