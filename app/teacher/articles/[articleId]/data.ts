// One article's draft for its owner's pages: anyone else (or a made-up id) gets the 404 page.
import { notFound } from "next/navigation";
import { cache } from "react";
import { DomainError } from "@/lib/errors";
import { getDraft, type Viewer } from "@/lib/articles/store";

export const draftOr404 = cache(async (viewer: Viewer, articleId: string) => {
  try {
    return await getDraft(viewer, articleId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
});
