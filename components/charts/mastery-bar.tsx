import { describeNextStep, MASTERY_LEVEL_IDS, MASTERY_LEVELS, type Mastery } from "@/lib/quiz/mastery";

/**
 * A mastery level as four steps, filled up to the level reached, with the level and the next step
 * in words. No percentage: a share of right answers next to a level invites reading one number
 * against the other ("Proficient 38 %" beside "Familiar 83 %"), and the words say it better.
 */
export function MasteryBar({ mastery, label, headingLevel }: { mastery: Mastery; label: string; headingLevel?: "h3" }) {
  const reached = MASTERY_LEVEL_IDS.indexOf(mastery.level);
  const Title = headingLevel ?? "span";
  const next = mastery.nextStep ? describeNextStep(mastery.nextStep) : "The highest level: well done.";
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-3">
        <Title className="font-medium">{label}</Title>
        <span className="whitespace-nowrap font-sans text-sm font-semibold">{MASTERY_LEVELS[mastery.level].label}</span>
      </div>
      <div
        role="meter"
        aria-label={`${label}: mastery level`}
        aria-valuemin={0}
        aria-valuemax={MASTERY_LEVEL_IDS.length - 1}
        aria-valuenow={reached}
        aria-valuetext={`${MASTERY_LEVELS[mastery.level].label}, level ${reached} of ${MASTERY_LEVEL_IDS.length - 1}`}
        className="grid grid-cols-4 gap-1"
      >
        {MASTERY_LEVEL_IDS.slice(1).map((level, index) => (
          <div key={level} className={`h-2.5 rounded-full ${index + 1 <= reached ? "bg-quote" : "bg-[#e7e3da]"}`} title={MASTERY_LEVELS[level].label} />
        ))}
      </div>
      <p className="font-sans text-xs text-muted">
        {next}.
        {mastery.answered > 0 ? (
          <>
            {" "}
            <span className="whitespace-nowrap">
              {mastery.correct} of {mastery.answered} answered right.
            </span>
          </>
        ) : null}
      </p>
    </div>
  );
}
