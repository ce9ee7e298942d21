/**
 * The built-in article as the same `ArticleView` the imported articles' pages use (decision 0045).
 * Its pages are prerendered at build time, when there is no database, so the view is built from
 * `content/` through `fromContent`: the very document the seed stores as the built-in article's
 * published version (prisma/seed-content.ts), so the page and the stored row cannot differ.
 */
import { getContent } from "@/lib/content";
import { fromContent } from "./content-bridge";
import { ArticleView } from "./view";

let view: ArticleView | undefined;

/** Built once per process; `content/` does not change while the app runs. */
export function builtInView(): ArticleView {
  // A built-in lesson's key is its id (store.ts lessonKey), which is its slug in content/.
  view ??= new ArticleView(fromContent(getContent()), (lessonId) => lessonId);
  return view;
}
