// "Show in text": where a paragraph lives, named as a reader would ("Lesson 4, paragraph 5"), and
// the paragraph itself, so the quiz can show it in place without leaving the question. The text
// comes from the article's view on the server, the same for the built-in article and imported
// ones: quiz code in the browser never bundles the article.
import type { Label } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { builtInView } from "@/lib/articles/built-in";
import { builtInLessonHref, builtInParagraphs, lessonPageHref } from "@/lib/articles/lessons";
import { viewOfVersion } from "@/lib/articles/store";
import { toRenderBlock, type ArticleView, type ViewLesson } from "@/lib/articles/view";

export type ParagraphLink = {
  id: string;
  href: string;
  lessonTitle: string;
  place: string;
  /** The paragraph's statement kind, shown with it so an opinion never reads as a fact. */
  label: Label;
  /** Exactly as published. */
  text: string;
  /** For paragraphs that mix kinds, each sentence with its own kind. */
  sentences?: { text: string; label: Label }[];
  speaker?: string;
  /** Why the paragraph carries its label, as on the lesson page. */
  labelNote?: string;
};

/** "Show in text" for paragraphs of the built-in article (no query: its view is built from `content/`). */
export function paragraphLinks(ids: readonly string[]): ParagraphLink[] {
  return viewParagraphLinks(builtInView(), (lesson) => builtInLessonHref(lesson.key), ids);
}

/**
 * "Show in text" for questions of any article, by question id. The built-in article's paragraphs
 * come from its view with no query; an imported article's from the version the answer was given
 * against (`versionOf`, so an answer keeps pointing at the text the student saw), else the one
 * published now.
 */
export async function linksForQuestions(
  questions: readonly { id: string; paragraphIds: readonly string[] }[],
  versionOf: ReadonlyMap<string, string | null> = new Map(),
): Promise<Record<string, ParagraphLink[]>> {
  const out: Record<string, ParagraphLink[]> = {};
  const imported = questions.filter((q) => !builtInParagraphs(q.paragraphIds));
  for (const q of questions) if (!imported.includes(q)) out[q.id] = paragraphLinks(q.paragraphIds);
  if (imported.length === 0) return out;
  const rows = await db.question.findMany({
    where: { id: { in: imported.map((q) => q.id) }, articleId: { not: null } },
    select: { id: true, article: { select: { publishedVersionId: true } } },
  });
  for (const q of imported) {
    const article = rows.find((r) => r.id === q.id)?.article;
    const versionId = versionOf.get(q.id) ?? article?.publishedVersionId;
    out[q.id] = versionId ? viewParagraphLinks(await viewOfVersion(versionId), (lesson) => lessonPageHref(versionId, lesson.id), q.paragraphIds) : [];
  }
  return out;
}

/** The same for any article: where each paragraph sits in its lesson pages, and its text and labels as they show it. */
function viewParagraphLinks(view: ArticleView, lessonHref: (lesson: ViewLesson) => string, ids: readonly string[]): ParagraphLink[] {
  return ids.flatMap((id) => {
    const docBlock = view.block(id);
    const place = view.paragraphPlace(id);
    if (!docBlock || !place) return [];
    const block = toRenderBlock(docBlock);
    const speaker = docBlock.sentences[0]?.speaker;
    return [
      {
        id,
        href: `${lessonHref(place.lesson)}#${id}`,
        lessonTitle: place.lesson.title,
        place: place.label,
        label: block.label,
        text: block.text,
        ...(block.sentences ? { sentences: block.sentences } : {}),
        ...(speaker ? { speaker } : {}),
        ...(block.labelNote ? { labelNote: block.labelNote } : {}),
      },
    ];
  });
}

/**
 * The article version each answer of the learner's attempt was given against, for questions of
 * imported articles only (none are looked up for the built-in article's).
 */
export async function answeredVersions(
  userId: string,
  attemptId: string,
  questions: readonly { id: string; paragraphIds: readonly string[] }[],
): Promise<Map<string, string | null>> {
  const imported = questions.filter((q) => !builtInParagraphs(q.paragraphIds)).map((q) => q.id);
  if (imported.length === 0) return new Map();
  const rows = await db.attemptAnswer.findMany({
    where: { attemptId, attempt: { userId }, questionId: { in: imported } },
    select: { questionId: true, articleVersionId: true },
  });
  return new Map(rows.map((r) => [r.questionId, r.articleVersionId]));
}
