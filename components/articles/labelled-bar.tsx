// How much of an article is labelled, as a thin bar with the count in words beside it.
export function LabelledBar({ labelled, total, label, compact = false }: { labelled: number; total: number; label: string; compact?: boolean }) {
  const percent = total === 0 ? 0 : Math.round((labelled / total) * 100);
  const words = `${labelled} of ${total} sentences labelled`;
  return (
    <div className={compact ? "space-y-0.5" : "space-y-1"}>
      <p className={`font-sans text-muted ${compact ? "text-xs" : "text-sm"}`} aria-hidden="true">
        {words}
      </p>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={labelled}
        aria-valuetext={words}
        className={`overflow-hidden rounded-full bg-[#e7e3da] ${compact ? "h-1.5" : "h-2.5"}`}
      >
        <div className="h-full rounded-full bg-quote transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
