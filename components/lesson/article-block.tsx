// One block of the article: its text exactly as published, its statement kind, a link anchor,
// and any context note that corrects or qualifies it.
import type { ReaderNote, RenderBlock } from "@/lib/articles/view";
import { LABEL_STYLE } from "./label-styles";
import { MixedSentences } from "./mixed-sentences";
import { ConfirmedChecks, ContextNoteAside } from "./context-note";

export function ArticleBlock({ block, notes }: { block: RenderBlock; notes: readonly ReaderNote[] }) {
  const style = LABEL_STYLE[block.label];
  if (block.kind === "heading") {
    return (
      <h2 id={block.id} className="scroll-mt-20 pt-6 text-2xl font-semibold">
        {block.text}
      </h2>
    );
  }
  const isCaption = block.kind === "caption";
  const isSpeech = block.kind === "speech";
  return (
    <div id={block.id} className="group relative scroll-mt-20" data-block-id={block.id} data-label={block.label}>
      <div className={`border-l-[3px] pl-4 ${style.rule} ${isCaption ? "bg-white/60 py-2" : ""}`}>
        <p className={`mb-1 flex items-center gap-2 font-sans text-xs tracking-wide ${style.text}`}>
          <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
          <span>{isCaption ? `Photo caption · ${style.name}` : style.name}</span>
          <a
            href={`#${block.id}`}
            className="ml-1 text-muted no-underline opacity-70 hover:opacity-100 focus:opacity-100"
            aria-label={`Link to this paragraph (${block.id})`}
          >
            #
          </a>
        </p>
        <p className={isCaption ? "font-sans text-[0.95rem] text-muted" : isSpeech && block.label === "imagined-dialogue" ? "font-serif-italic italic" : ""}>
          {block.sentences ? <MixedSentences sentences={block.sentences} label={block.label} /> : block.text}
        </p>
        {block.labelNote ? (
          <details className="mt-1 font-sans text-sm text-muted">
            <summary className="cursor-pointer">Why this label?</summary>
            <p className="mt-1">{block.labelNote}</p>
          </details>
        ) : null}
      </div>
      {notes
        .filter((note) => note.verdict !== "confirmed")
        .map((note) => (
          <ContextNoteAside key={note.id} note={note} />
        ))}
      <ConfirmedChecks notes={notes.filter((note) => note.verdict === "confirmed")} />
    </div>
  );
}
