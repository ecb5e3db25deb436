// A demo's funnel as horizontal bars, drawn on the server as inline SVG (no chart library, no client JS).
// The table beside it holds the same numbers and is the accessible source; the chart's text alternative says so.
import type { FunnelStage } from "@/lib/insights/funnels";

const rowHeight = 30;
const labelWidth = 300;
const barWidth = 420;

export function FunnelChart({ title, stages }: { title: string; stages: FunnelStage[] }) {
  const max = Math.max(1, ...stages.map((stage) => stage.visitors));
  const height = stages.length * rowHeight + 8;
  return (
    <figure className="funnel-chart">
      <svg
        viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`}
        role="img"
        aria-label={`${title}: the table below lists the same numbers`}
      >
        {stages.map((stage, index) => {
          const y = index * rowHeight + 4;
          const width = Math.round((stage.visitors / max) * barWidth);
          return (
            <g key={stage.key}>
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#1f2937">
                {stage.label.length > 36 ? `${stage.label.slice(0, 35)}…` : stage.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={Math.max(width, 1)} height={rowHeight - 10} fill="#1e3a8a" className="funnel-bar" />
              <text x={labelWidth + Math.max(width, 1) + 6} y={y + 18} fontSize="13" fill="#1f2937">
                {stage.visitors}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
