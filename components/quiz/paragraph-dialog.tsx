"use client";
// "Show in text" without leaving the quiz: the paragraph opens in a modal <dialog> (focus is
// trapped and Escape closes it natively), highlighted, with its statement kind and its place.
// Closing hands focus back to the link that opened it. Without JavaScript the link simply goes
// to the paragraph in the lesson.
import { useId, useRef } from "react";
import type { ParagraphLink } from "@/lib/quiz/links";
import { LABEL_STYLE } from "@/components/lesson/label-styles";
import { MixedSentences } from "@/components/lesson/mixed-sentences";

export function ShowInText({ links }: { links: ParagraphLink[] }) {
  if (links.length === 0) return null;
  return (
    // A div, not a p: the dialogs sit beside their links and a <dialog> may not be inside a <p>.
    <div className="font-sans text-sm">
      Show in text:{" "}
      {links.map((link, index) => (
        <span key={link.id}>
          {index > 0 ? ", " : null}
          <ParagraphDialogLink link={link} /> <span className="text-muted">({link.lessonTitle})</span>
        </span>
      ))}
    </div>
  );
}

function ParagraphDialogLink({ link }: { link: ParagraphLink }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLAnchorElement>(null);
  const style = LABEL_STYLE[link.label];
  const titleId = useId();
  const close = () => dialog.current?.close();
  return (
    <>
      <a
        ref={opener}
        href={link.href}
        aria-haspopup="dialog"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {link.place}
      </a>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => {
          opener.current?.focus();
        }}
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its box) closes it.
          if (event.target === dialog.current) close();
        }}
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-rule bg-paper p-0 text-ink shadow-xl backdrop:bg-black/40"
      >
        <div className="space-y-4 p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-xl font-semibold">
                {link.place}
              </h2>
              <p className="font-sans text-sm text-muted">{link.lessonTitle}</p>
            </div>
            <button type="button" className="btn btn-secondary px-3 py-1 text-sm" onClick={close} autoFocus>
              Close
            </button>
          </div>
          <div className={`border-l-[3px] pl-4 ${style.rule}`}>
            <p className={`mb-1 flex items-center gap-2 font-sans text-xs tracking-wide ${style.text}`}>
              <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
              <span>
                {style.name}
                {link.speaker ? ` · ${link.speaker}` : null}
              </span>
            </p>
            {/* The highlight marks the paragraph the question rests on; the words are never changed. */}
            <p className="font-serif text-lg leading-relaxed">
              <mark className="bg-[#fff3c4] px-0.5 text-ink">
                {link.sentences ? <MixedSentences sentences={link.sentences} label={link.label} /> : link.text}
              </mark>
            </p>
          </div>
          {link.labelNote ? <p className="font-sans text-sm text-muted">Why this label: {link.labelNote}</p> : null}
          <p className="font-sans text-sm">
            <a href={link.href}>Open in the lesson</a> <span className="text-muted">(leaves the quiz; your answers are saved)</span>
          </p>
        </div>
      </dialog>
    </>
  );
}
