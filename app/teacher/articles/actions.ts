"use server";
// Bringing in an article, editing its draft, publishing and sharing it (issue 16), each declared
// once (lib/actions/define.ts). The document's rules live in lib/articles/edit.ts and store.ts.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, jsonAction } from "@/lib/actions/define";
import { freeText, hidden, id, text } from "@/lib/actions/fields";
import { applyEdit } from "@/lib/articles/edit";
import { ArticleEditSchema } from "@/lib/articles/edit-schema";
import { buildArticleDoc } from "@/lib/articles/import/build-doc";
import { extractArticle, LIMITS } from "@/lib/articles/import/extract";
import { parseArticleFile } from "@/lib/articles/portable";
import { publishArticle } from "@/lib/articles/publish";
import { importArticleFile } from "@/lib/articles/questions";
import { createArticle, setShared, updateDraft, type Viewer } from "@/lib/articles/store";
import { articleMetaFrom } from "@/lib/articles/workspace-meta";
import { DomainError, fieldError } from "@/lib/errors";

const returnTo = "/teacher/articles";
const NOT_YOURS = "That article does not exist, or it is not one of yours.";
/** Base64 makes the file a third larger; a little room for the other fields. */
const MAX_FILE_FIELD = Math.ceil((LIMITS.uploadBytes * 4) / 3) + 16;

export const createArticleAction = formAction({
  access: "teacher",
  returnTo,
  // The file travels as base64 in a hidden field (forms here carry strings); its messages go beside the file input.
  shows: ["file"],
  input: z.object({
    // Paste or upload: a choice on the form, so no request that leaves it out stores anything.
    source: z.enum(["paste", "file", "json"], "Choose whether you paste the text or upload a file."),
    pasted: text(LIMITS.uploadBytes),
    fileData: hidden(z.string().max(MAX_FILE_FIELD)),
    fileName: hidden(z.string().max(300)),
    title: freeText(text(300)),
    author: freeText(text(300)),
    publisher: freeText(text(300)),
    date: text(10),
    url: text(2000),
    usageNote: freeText(text(5000)),
  }),
  async run({ user, input }) {
    // The typed details are checked before the text is read, so a mistake there is said at once.
    if (input.source === "json") return importJson(user, input.fileData);
    const typed = articleMetaFrom(input, {}, true);
    if (typed.errors) throw new DomainError("invalid_input", "Some details need a change.", typed.errors);
    let extracted;
    if (input.source === "file") {
      if (input.fileData === "") throw fieldError("file", "Choose a file to upload (.txt, .md, .html or .docx).");
      const bytes = new Uint8Array(Buffer.from(input.fileData, "base64"));
      extracted = await extractArticle({ bytes }).catch((error: unknown) => onField("file", error));
    } else {
      if (input.pasted.trim() === "") throw fieldError("pasted", "Paste the article’s text here.");
      extracted = await extractArticle({ text: input.pasted }).catch((error: unknown) => onField("pasted", error));
    }
    const meta = articleMetaFrom(input, extracted.meta);
    if (meta.errors) throw new DomainError("invalid_input", "Some details need a change.", meta.errors);
    const { id: articleId } = await createArticle(user, buildArticleDoc(extracted, meta.meta));
    revalidatePath(returnTo);
    redirect(`/teacher/articles/${articleId}`);
  },
});

/** A file exported from a Backchannel (lib/articles/portable.ts): its own details, read as they are. */
async function importJson(user: Viewer, fileData: string): Promise<never> {
  if (fileData === "") throw fieldError("file", "Choose the .json file to bring in.");
  const bytes = Buffer.from(fileData, "base64");
  if (bytes.length > LIMITS.uploadBytes) throw fieldError("file", `This file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  let parsed;
  try {
    parsed = parseArticleFile(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof TypeError) throw fieldError("file", "This file is not text in UTF-8: it is not a file Backchannel exported.");
    onField("file", error);
  }
  const { id: articleId } = await importArticleFile(user, parsed).catch((error: unknown) => onField("file", error));
  revalidatePath(returnTo);
  redirect(`/teacher/articles/${articleId}`);
}

/** A refusal about the text (too long, not a file we read) goes beside the input it came from. */
function onField(field: string, error: unknown): never {
  if (error instanceof DomainError) throw new DomainError(error.code, error.message, { [field]: [error.message] });
  throw error;
}

export const editArticleAction = jsonAction({
  access: "teacher",
  returnTo,
  invalid: "That change could not be read. Reload the page and try again.",
  // Several edits in order, made while the last save was on its way: one transaction for them all.
  input: z.object({ articleId: id(), edits: z.array(ArticleEditSchema).min(1).max(100) }),
  async run({ user, input }) {
    await updateDraft(user, input.articleId, (doc) => input.edits.reduce(applyEdit, doc));
    return {};
  },
});

export const publishArticleAction = jsonAction({
  access: "teacher",
  returnTo,
  invalid: NOT_YOURS,
  input: z.object({ articleId: id() }),
  async run({ user, input }) {
    const now = new Date();
    const { number, flagged } = await publishArticle(user, input.articleId, now);
    revalidatePath(returnTo);
    revalidatePath(`/teacher/articles/${input.articleId}`);
    return { number, flagged, publishedAt: now.toISOString() };
  },
});

export const shareArticleAction = jsonAction({
  access: "teacher",
  returnTo,
  invalid: NOT_YOURS,
  input: z.object({ articleId: id(), shared: hidden(z.boolean()) }),
  async run({ user, input }) {
    await setShared(user, input.articleId, input.shared);
    revalidatePath(returnTo);
    return { shared: input.shared };
  },
});
