import { LABEL_VALUES, type Label } from "@/lib/content/vocabulary";
import { LABEL_DESCRIPTIONS } from "@/lib/content/labels";
import { LABEL_STYLE } from "./label-styles";

/** `descriptions`: an imported article's (labelDescriptionsFor its author); the built-in article's by default. */
export function LabelLegend({ descriptions = LABEL_DESCRIPTIONS }: { descriptions?: Readonly<Record<Label, string>> }) {
  return (
    <details className="rounded-lg border border-rule bg-white p-4 font-sans text-sm">
      <summary className="cursor-pointer font-semibold">What the labels mean</summary>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        {LABEL_VALUES.map((label) => (
          <div key={label} className={`border-l-[3px] pl-3 ${LABEL_STYLE[label].rule}`}>
            <dt className={`font-semibold ${LABEL_STYLE[label].text}`}>{LABEL_STYLE[label].name}</dt>
            <dd className="text-muted">{descriptions[label]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-muted">
        Labels are Backchannel’s editorial judgement, explained under “Why this label?” where a case is borderline. The article’s text is shown exactly as
        published.
      </p>
    </details>
  );
}
