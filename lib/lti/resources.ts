/**
 * What an LTI link opens in Backchannel, as one short string kept with the link and carried in its
 * custom parameter `backchannel_resource` (set by Deep Linking, or typed by a teacher in the
 * platform): `lesson:<slug>`, `quiz:<slug>` (a lesson's quiz), `quiz:mixed` (the whole article) or
 * `assignment:<id>` (a class assignment). Pure: parsing and naming only.
 */
import { getLesson, getLessons } from "@/lib/content";

export const RESOURCE_PARAM = "backchannel_resource";

export type LtiResource = { kind: "lesson"; slug: string } | { kind: "quiz"; slug: string | null } | { kind: "assignment"; assignmentId: string };

export function parseResource(value: string | null | undefined): LtiResource | null {
  if (!value) return null;
  const [kind, rest = ""] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (!value.includes(":") || !rest || rest.length > 100) return null;
  if (kind === "lesson") return getLesson(rest) ? { kind, slug: rest } : null;
  if (kind === "quiz") return rest === "mixed" ? { kind, slug: null } : getLesson(rest) ? { kind, slug: rest } : null;
  if (kind === "assignment") return /^[a-z0-9]+$/i.test(rest) ? { kind, assignmentId: rest } : null;
  return null;
}

export function resourceKey(resource: LtiResource): string {
  if (resource.kind === "lesson") return `lesson:${resource.slug}`;
  if (resource.kind === "quiz") return `quiz:${resource.slug ?? "mixed"}`;
  return `assignment:${resource.assignmentId}`;
}

/** Whether finishing it gives a score (a lesson alone is reading: nothing to send). */
export function isGraded(resource: LtiResource): boolean {
  return resource.kind !== "lesson";
}

export type Pickable = { key: string; title: string; kind: "lesson" | "quiz" };

/** What a teacher can add to a course by Deep Linking: every lesson and its quiz, and the mixed review. */
export function pickableResources(): Pickable[] {
  const items: Pickable[] = [];
  for (const lesson of getLessons()) {
    items.push({ key: `lesson:${lesson.slug}`, title: lesson.title, kind: "lesson" });
    items.push({ key: `quiz:${lesson.slug}`, title: `Quiz: ${lesson.title}`, kind: "quiz" });
  }
  items.push({ key: "quiz:mixed", title: "Quiz: mixed review of the whole article", kind: "quiz" });
  return items;
}
