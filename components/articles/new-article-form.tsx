"use client";
// Bringing in an article: paste its text or upload a file, and its details. The file is read in
// the browser and sent as base64 in a hidden field (server actions read forms as strings); the
// server sniffs it by content, never by its name.
import { startTransition, useActionState, useState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { FieldFrame, fieldIds, FormField, FormMessage } from "@/components/form-field";
import { TextAreaField } from "@/components/form-bits";
import { attachFile } from "@/components/upload-file";

type Props = {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  defaultUsageNote: string;
  maxBytes: number;
};

const value = (state: FormState, name: string, fallback = "") => {
  const v = state.values?.[name];
  return typeof v === "string" ? v : fallback;
};

export function NewArticleForm({ action, defaultUsageNote, maxBytes }: Props) {
  const [state, dispatch, pending] = useActionState(action, {});
  const echoed = value(state, "source");
  const [source, setSource] = useState<"paste" | "file" | "json">(echoed === "file" || echoed === "json" ? echoed : "paste");
  const isFile = source !== "paste";
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function submit(form: FormData) {
    setFileProblem(null);
    const file = form.get("file");
    form.delete("file");
    // Only the chosen source travels: a pasted text and a file together could pass the body limit.
    if (isFile) form.set("pasted", "");
    if (isFile && file instanceof File && file.size > 0) {
      setReading(true);
      const problem = await attachFile(form, file, maxBytes);
      setReading(false);
      if (problem) {
        setFileProblem(problem);
        return;
      }
    }
    // useActionState's dispatch runs in a transition (it is not a form action here).
    startTransition(() => dispatch(form));
  }

  const fileErrors = fileProblem ? [fileProblem] : state.errors?.file;
  const fileHint =
    source === "json"
      ? "A file downloaded from an article’s page in Backchannel (“Download as JSON”). It keeps its own details, labels, notes, lessons and questions; a file with a question that does not fit its article is refused whole."
      : "A .txt, .md, .html (a saved web page) or .docx file, up to 10 MB.";
  const file = fieldIds({ name: "file", label: "File", errors: fileErrors, hint: fileHint });
  const busy = pending || reading;
  return (
    // onSubmit, not action: React resets a form after its action, which would undo the choice of
    // paste or file and empty the file input; here everything typed or chosen stays as it was.
    <form
      className="space-y-6"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void submit(new FormData(event.currentTarget));
      }}
    >
      <FormMessage message={state.message} />
      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">The text</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2" role="radiogroup" aria-label="How you bring it in">
          {(
            [
              ["paste", "Paste the text"],
              ["file", "Upload a file"],
              ["json", "A Backchannel .json file"],
            ] as const
          ).map(([v, text]) => (
            <label key={v} className="flex items-center gap-2">
              <input type="radio" name="source" value={v} checked={source === v} onChange={() => setSource(v)} className="size-4 accent-accent" />
              {text}
            </label>
          ))}
        </div>
        <div hidden={source !== "paste"}>
          <TextAreaField
            name="pasted"
            label="Article text"
            hint="Paste it as it is: each paragraph on its own line. Headings start the lessons. Markdown headings (#) are kept."
            rows={12}
            defaultValue={value(state, "pasted")}
            errors={state.errors?.pasted}
          />
        </div>
        <div hidden={!isFile}>
          <FieldFrame label="File" hint={fileHint} errors={fileErrors} {...file}>
            <input
              id={file.fieldId}
              name="file"
              type="file"
              accept={
                source === "json"
                  ? ".json,application/json"
                  : ".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              }
              className="field"
              aria-invalid={file.invalid}
              aria-describedby={file.describedBy}
            />
          </FieldFrame>
        </div>
      </fieldset>

      <fieldset className="space-y-4" hidden={source === "json"}>
        <legend className="text-xl font-semibold">Its details</legend>
        <p className="text-sm text-muted">Shown with the article, as on the built-in one. Leave a field empty to use what the file says.</p>
        <FormField name="title" label="Title" defaultValue={value(state, "title")} errors={state.errors?.title} maxLength={300} />
        <FormField name="author" label="Author" defaultValue={value(state, "author")} errors={state.errors?.author} maxLength={300} />
        <FormField name="publisher" label="Publisher" defaultValue={value(state, "publisher")} errors={state.errors?.publisher} maxLength={300} />
        <FormField
          name="date"
          label="Date"
          hint="YYYY, YYYY-MM or YYYY-MM-DD."
          defaultValue={value(state, "date")}
          errors={state.errors?.date}
          maxLength={10}
        />
        <FormField
          name="url"
          label="Web address (optional)"
          type="url"
          hint="Where the article was published: http:// or https:// only."
          defaultValue={value(state, "url")}
          errors={state.errors?.url}
        />
        <TextAreaField
          name="usageNote"
          label="Usage note"
          hint="Why you may use it in class; shown to students with the article."
          rows={2}
          defaultValue={value(state, "usageNote", defaultUsageNote)}
          errors={state.errors?.usageNote}
        />
      </fieldset>
      <button type="submit" className="btn" aria-disabled={busy || undefined} onClick={(e) => busy && e.preventDefault()}>
        {reading ? "Reading the file…" : pending ? "Bringing it in…" : "Bring it in"}
      </button>
    </form>
  );
}
