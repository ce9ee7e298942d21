"use client";
// Bringing questions in from Moodle: a GIFT or Moodle XML file, read in the browser and sent as
// base64 in a hidden field (server actions read forms as strings), then a report per question:
// those brought in, with the item-writing warnings to look at, and those left out, with the line
// and why (decision 0046).
import Link from "next/link";
import { startTransition, useActionState, useState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import type { ImportReport } from "@/lib/interop/questions";
import { FieldFrame, fieldIds, FormMessage } from "@/components/form-field";
import { attachFile } from "@/components/upload-file";

type State = FormState<{ report: ImportReport }>;
type Props = { action: (previous: State, form: FormData) => Promise<State>; maxBytes: number };

export function QuestionImportForm({ action, maxBytes }: Props) {
  const [state, dispatch, pending] = useActionState(action, {});
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const busy = pending || reading;

  async function submit(form: FormData) {
    setFileProblem(null);
    const file = form.get("file");
    form.delete("file");
    if (file instanceof File && file.size > 0) {
      setReading(true);
      const problem = await attachFile(form, file, maxBytes);
      setReading(false);
      if (problem) {
        setFileProblem(problem);
        return;
      }
    }
    startTransition(() => dispatch(form));
  }

  const errors = fileProblem ? [fileProblem] : state.errors?.file;
  const hint = "A GIFT (.txt or .gift) or Moodle XML (.xml) file exported from Moodle or from this page, up to 2 MB.";
  const file = fieldIds({ name: "question-file", label: "Question file", errors, hint });
  const report = state.report;
  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit(new FormData(event.currentTarget));
        }}
      >
        <FormMessage message={state.message} />
        <FieldFrame label="Question file" hint={hint} errors={errors} {...file}>
          <input
            id={file.fieldId}
            name="file"
            type="file"
            accept=".txt,.gift,.xml,text/plain,application/xml,text/xml"
            className="field"
            aria-invalid={file.invalid}
            aria-describedby={file.describedBy}
          />
        </FieldFrame>
        <button type="submit" className="btn" disabled={busy} aria-busy={busy}>
          {busy ? "Bringing them in…" : "Bring questions in"}
        </button>
      </form>
      <FormMessage message={state.success} tone="success" />
      {report ? <ImportReportView report={report} /> : null}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div className="space-y-4" aria-label="Import report" role="region">
      {report.imported.length > 0 ? (
        <section aria-labelledby="imported-heading" className="space-y-2">
          <h4 id="imported-heading" className="font-semibold">
            Brought in ({report.imported.length})
          </h4>
          <ul className="space-y-2">
            {report.imported.map((q) => (
              <li key={q.id} className="border-t border-rule pt-2">
                <Link href={`/teacher/questions/${q.id}`}>{q.prompt}</Link> <span className="font-sans text-sm text-muted">(line {q.line})</span>
                {q.flaws.length + q.notes.length > 0 ? (
                  <ul className="mt-1 list-disc space-y-1 pl-5 font-sans text-sm">
                    {q.flaws.map((f) => (
                      <li key={f.code}>Check: {f.message}</li>
                    ))}
                    {q.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.refused.length > 0 ? (
        <section aria-labelledby="refused-heading" className="space-y-2">
          <h4 id="refused-heading" className="font-semibold">
            Not brought in ({report.refused.length})
          </h4>
          <ul className="space-y-2">
            {report.refused.map((r) => (
              <li key={`${r.line}-${r.name}`} className="border-t border-rule pt-2">
                <span className="font-semibold">
                  Line {r.line}: “{r.name}”
                </span>
                <ul className="mt-1 list-disc space-y-1 pl-5 font-sans text-sm">
                  {r.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
