/**
 * Mastery in an imported article, per lesson and per dated event, with the same rule as the
 * built-in article's phases and events (lib/quiz/mastery.ts): a lesson's questions are those that
 * rest only on its paragraphs (as its quiz asks them), an event's those that name it.
 */
import { db } from "@/lib/db";
import { assessMastery, capacityOf, type GradedAnswer, type Mastery } from "@/lib/quiz/mastery";
import type { ArticleView } from "./view";
import { viewOfVersion } from "./store";

/** A question of the article, as mastery needs it. */
export type ArticleQuestionFacts = { id: string; difficulty: 1 | 2 | 3; paragraphIds: readonly string[]; eventIds: readonly string[] };

export type ArticleMastery = {
  lessons: { key: string; title: string; mastery: Mastery }[];
  events: { id: string; title: string; date: string; mastery: Mastery }[];
};

/** Pure: the learner's answers in one article, scope by scope. Scopes without questions are left out. */
export function masteryInArticle(view: ArticleView, questions: readonly ArticleQuestionFacts[], answers: readonly GradedAnswer[]): ArticleMastery {
  const scope = (inScope: (q: ArticleQuestionFacts) => boolean): Mastery | null => {
    const asked = questions.filter(inScope);
    if (asked.length === 0) return null;
    const ids = new Set(asked.map((q) => q.id));
    return assessMastery(
      answers.filter((a) => ids.has(a.questionId)),
      capacityOf(asked.map((q) => ({ id: q.id, difficulty: q.difficulty, phaseIds: [], eventIds: [] }))),
    );
  };
  return {
    lessons: view.lessons.flatMap((lesson) => {
      const blocks = new Set(lesson.blockIds);
      const mastery = scope((q) => q.paragraphIds.length > 0 && q.paragraphIds.every((id) => blocks.has(id)));
      return mastery ? [{ key: lesson.key, title: lesson.title, mastery }] : [];
    }),
    events: view.doc.events.flatMap((event) => {
      const mastery = scope((q) => q.eventIds.includes(event.id));
      return mastery ? [{ id: event.id, title: event.title, date: event.date, mastery }] : [];
    }),
  };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const difficultyOf = (value: number): 1 | 2 | 3 => (value >= 3 ? 3 : value <= 1 ? 1 : 2);

/**
 * The learner's mastery in each imported article she has answered questions of, over the version
 * published now, from the answers the dashboard already read (lib/progress/learner.ts gradedAnswers):
 * one more read for the articles' questions, plus each version's view.
 */
export async function importedMastery(
  learnerAnswers: readonly (GradedAnswer & { articleId: string | null })[],
): Promise<({ articleId: string; title: string } & ArticleMastery)[]> {
  const answered = learnerAnswers.filter((a) => a.articleId !== null);
  const articleIds = [...new Set(answered.flatMap((a) => (a.articleId ? [a.articleId] : [])))];
  if (articleIds.length === 0) return [];
  const questions = await db.question.findMany({
    where: { articleId: { in: articleIds }, retiredAt: null },
    select: { id: true, difficulty: true, paragraphIds: true, body: true, articleId: true, article: { select: { title: true, publishedVersionId: true } } },
  });
  const out: ({ articleId: string; title: string } & ArticleMastery)[] = [];
  for (const articleId of articleIds) {
    const own = questions.filter((q) => q.articleId === articleId);
    const article = own[0]?.article;
    if (!article?.publishedVersionId) continue;
    const view = await viewOfVersion(article.publishedVersionId);
    const facts = own.map((q) => ({
      id: q.id,
      difficulty: difficultyOf(q.difficulty),
      paragraphIds: strings(q.paragraphIds),
      eventIds: strings(typeof q.body === "object" && q.body !== null && "eventIds" in q.body ? q.body.eventIds : []),
    }));
    const answers = answered.filter((a) => a.articleId === articleId);
    out.push({ articleId, title: article.title, ...masteryInArticle(view, facts, answers) });
  }
  return out;
}
