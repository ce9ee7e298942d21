// A paragraph that mixes kinds: the sentences whose kind differs from the paragraph's are marked,
// visibly and for screen readers, so an opinion inside a reported fact never reads as fact. Used by
// the lesson page and by "Show in text" in the quiz; no hooks, so it renders on either side.
import type { Label } from "@/lib/content/schema";
import { LABEL_STYLE } from "./label-styles";

export function MixedSentences({ sentences, label }: { sentences: readonly { text: string; label: Label }[]; label: Label }) {
  return (
    <>
      {sentences.map((sentence, index) => {
        const differs = sentence.label !== label;
        const style = LABEL_STYLE[sentence.label];
        return (
          <span key={index}>
            {index > 0 ? " " : null}
            {differs ? (
              <span className={`underline decoration-dotted decoration-2 underline-offset-4 ${style.rule.replace("border-", "decoration-")}`}>
                <span className="sr-only">({style.name}:) </span>
                {sentence.text}
                <span className={`ml-1 whitespace-nowrap align-super font-sans text-[0.65rem] ${style.text}`} aria-hidden="true">
                  {style.name}
                </span>
              </span>
            ) : (
              sentence.text
            )}
          </span>
        );
      })}
    </>
  );
}
