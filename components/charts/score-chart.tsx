// Quiz scores over time as a small bar chart (server-rendered SVG, no JavaScript), with the same
// figures in a table for screen readers and anyone who prefers numbers.
type Point = { id: string; label: string; date: string; score: number };

export function ScoreChart({ points }: { points: Point[] }) {
  const width = 640;
  const height = 160;
  const top = 16; // room for the 100% label
  const gap = 6;
  const bar = Math.min(40, (width - gap * (points.length + 1)) / Math.max(points.length, 1));
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 ${-top} ${width} ${height + top + 4}`} className="h-auto w-full" aria-hidden="true">
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line
              x1={0}
              x2={width}
              y1={height - tick * height + 0.5}
              y2={height - tick * height + 0.5}
              stroke="#d8d4cc"
              strokeDasharray={tick === 0 ? undefined : "3 4"}
            />
            <text x={width - 2} y={height - tick * height - 4} textAnchor="end" fontSize="11" fill="#57606a">
              {tick * 100}%
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          const h = Math.max(2, point.score * height);
          return (
            <rect
              key={point.id}
              x={gap + index * (bar + gap)}
              y={height - h}
              width={bar}
              height={h}
              rx={3}
              fill={point.score >= 0.75 ? "#2f6b3a" : point.score >= 0.5 ? "#8a5a00" : "#b42318"}
            />
          );
        })}
      </svg>
      <figcaption className="sr-only">Your quiz scores, oldest first.</figcaption>
      <details className="font-sans text-sm">
        <summary className="cursor-pointer text-muted">Show the scores as a table</summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th scope="col">Quiz</th>
              <th scope="col">Finished</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.id} className="border-t border-rule">
                <td>{point.label}</td>
                <td>{point.date}</td>
                <td className="tabular-nums">{Math.round(point.score * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
