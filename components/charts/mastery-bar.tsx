import { MASTERY_LEVEL_IDS, MASTERY_LEVELS, type Mastery } from "@/lib/quiz/mastery";

/** A mastery level as five steps, filled up to the level reached, with the level in words. */
export function MasteryBar({ mastery, label }: { mastery: Mastery; label: string }) {
  const reached = MASTERY_LEVEL_IDS.indexOf(mastery.level);
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-3">
        <span className="font-medium">{label}</span>
        <span className="font-sans text-sm text-muted">{MASTERY_LEVELS[mastery.level].label}</span>
      </div>
      <div role="meter" aria-label={`${label}: mastery`} aria-valuemin={0} aria-valuemax={MASTERY_LEVEL_IDS.length - 1} aria-valuenow={reached} aria-valuetext={MASTERY_LEVELS[mastery.level].label} className="grid grid-cols-4 gap-1">
        {MASTERY_LEVEL_IDS.slice(1).map((level, index) => {
          const filled = index + 1 <= reached;
          const partial = index + 1 === reached + 1 ? mastery.progress : 0;
          return (
            <div key={level} className="h-2.5 overflow-hidden rounded-full bg-[#e7e3da]" title={MASTERY_LEVELS[level].label}>
              <div className="h-full rounded-full bg-quote" style={{ width: `${filled ? 100 : Math.round(partial * 100)}%` }} />
            </div>
          );
        })}
      </div>
      <p className="font-sans text-xs text-muted">{mastery.answered} answered · {Math.round(mastery.correctShare * 100)}% right</p>
    </div>
  );
}
