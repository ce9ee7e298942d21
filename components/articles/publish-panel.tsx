"use client";
// Publishing from the workspace: what is published, whether the draft has changed since, what
// stops it from being published (with a way to the first unlabelled sentence), the Publish
// button, and sharing with every teacher.
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/form-state";
import { LocalTime } from "@/components/local-time";

export type PublishStatus = { published: { number: number; publishedAt: string } | null; draftChanged: boolean };

export type PublishActions = {
  publish: (input: { articleId: string }) => Promise<ActionResult<{ number: number; flagged: number; publishedAt: string }>>;
  share: (input: { articleId: string; shared: boolean }) => Promise<ActionResult<{ shared: boolean }>>;
};

type Props = {
  articleId: string;
  status: PublishStatus;
  shared: boolean;
  actions: PublishActions;
  problems: string[];
  /** Edits still on their way to the server: publishing now would leave them out. */
  unsaved: boolean;
  savedSinceLoad: boolean;
  onPublished: () => void;
  firstUnlabelled: string | null;
  onGoTo: (sentenceId: string) => void;
};

const CONNECTION = "The connection failed. Check it and try again.";

export function PublishPanel({ articleId, status, shared, actions, problems, unsaved, savedSinceLoad, onPublished, firstUnlabelled, onGoTo }: Props) {
  const [published, setPublished] = useState(status.published);
  const [changedBefore, setChangedBefore] = useState(status.draftChanged);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [isShared, setShared] = useState(shared);
  const [shareProblem, setShareProblem] = useState<string | null>(null);

  const draftChanged = changedBefore || savedSinceLoad || unsaved;
  const blocked = problems.length > 0 || unsaved;

  async function publish() {
    if (blocked || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await actions.publish({ articleId });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.message });
        return;
      }
      setPublished({ number: result.number, publishedAt: result.publishedAt });
      setChangedBefore(false);
      const flagged =
        result.flagged > 0
          ? ` ${result.flagged} question${result.flagged === 1 ? "" : "s"} rest on sentences that changed: check them before students see them again.`
          : "";
      setMessage({ tone: "success", text: `Published version ${result.number}.${flagged}` });
      onPublished();
    } catch {
      setMessage({ tone: "error", text: CONNECTION });
    } finally {
      setBusy(false);
    }
  }

  async function share(next: boolean) {
    setShareProblem(null);
    setShared(next);
    try {
      const result = await actions.share({ articleId, shared: next });
      if (!result.ok) {
        setShared(!next);
        setShareProblem(result.message);
      }
    } catch {
      setShared(!next);
      setShareProblem(CONNECTION);
    }
  }

  return (
    <section aria-labelledby="publish-heading" className="space-y-3 rounded-lg border border-rule bg-white px-4 py-3 font-sans text-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="publish-heading" className="text-base font-semibold">
            Publish
          </h2>
          <p>
            {published ? (
              <>
                Published version {published.number} on <LocalTime iso={published.publishedAt} withTime={false} />
                {draftChanged ? ", draft has unpublished changes." : "; the draft is the same."}
              </>
            ) : (
              "Not published yet: only you can see it."
            )}
          </p>
        </div>
        <button
          type="button"
          className="btn"
          aria-disabled={blocked || busy || undefined}
          aria-describedby={blocked ? "publish-problems" : undefined}
          onClick={publish}
        >
          {busy ? "Publishing…" : published ? "Publish the changes" : "Publish"}
        </button>
      </div>
      {problems.length > 0 ? (
        <div id="publish-problems" className="space-y-1">
          <p className="font-medium">Before it can be published:</p>
          <ul className="list-disc space-y-1 pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {firstUnlabelled ? (
            <button type="button" className="text-accent underline" onClick={() => onGoTo(firstUnlabelled)}>
              Go to the first sentence without a label
            </button>
          ) : null}
        </div>
      ) : unsaved ? (
        <p id="publish-problems" className="text-muted">
          Waiting for your last changes to be saved.
        </p>
      ) : null}
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-[#b42318]" : "text-quote"}>
          {message.text}
        </p>
      ) : null}
      <div className="border-t border-rule pt-2">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={isShared} onChange={(e) => void share(e.target.checked)} className="size-4 accent-accent" />
          Share with every teacher of this school’s Backchannel
        </label>
        <p className="text-xs text-muted">Once published, other teachers can read it and assign its lessons. Only you can change it.</p>
        {shareProblem ? (
          <p role="alert" className="field-error">
            {shareProblem}
          </p>
        ) : null}
      </div>
    </section>
  );
}
