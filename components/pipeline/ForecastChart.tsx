// The forecast as a small bar chart, drawn on the server as inline SVG: no chart library, no client JavaScript.
// Bars sit apart on white, each ≥ 3:1 against it, and differ by fill pattern as well as colour; the table
// beside the chart is the accessible source, and the chart's text alternative says so.
import type { ForecastCategory, ForecastRow } from "@/lib/pipeline/forecast";
import { categoryLabels } from "./forecast-words";
import { formatMoney } from "./format";

type Props = {
  /** Unique on the page: the fill patterns' ids start with it. */
  id: string;
  /** What the chart shows, read out as its text alternative. */
  title: string;
  rows: ForecastRow[];
  total: ForecastRow;
  /** The label under a group of bars, as one or two lines. */
  labelOf: (row: ForecastRow) => [string, string?];
};

const categories: ForecastCategory[] = ["commit", "bestCase", "pipeline", "won"];
const colours: Record<ForecastCategory, string> = { commit: "#1e3a8a", bestCase: "#1e3a8a", pipeline: "#64748b", won: "#047857" };
const height = 222;
const plotTop = 16;
const baseline = 178;

/** A round step for the value axis: about four gridlines. */
function axisStep(max: number): number {
  const raw = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
}

const compact = new Intl.NumberFormat("en-US", {
  notation: "compact",
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

function fillOf(id: string, category: ForecastCategory): string {
  return category === "bestCase" || category === "won" ? `url(#${id}-${category})` : colours[category];
}

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-bestCase`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <rect width="3" height="6" fill={colours.bestCase} />
      </pattern>
      <pattern id={`${id}-won`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill="#ffffff" />
        <circle cx="2.5" cy="2.5" r="1.6" fill={colours.won} />
      </pattern>
    </defs>
  );
}

export function ForecastChart({ id, title, rows, total, labelOf }: Props) {
  const max = Math.max(1, ...rows.flatMap((row) => categories.map((category) => row[category])));
  const step = axisStep(max);
  const top = step * Math.ceil(max / step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  const y = (value: number) => baseline - (value / top) * (baseline - plotTop);
  const group = 100 / Math.max(rows.length, 1);
  const slot = (group * 0.76) / categories.length;
  const summary = categories.map((category) => `${categoryLabels[category].toLowerCase()} ${formatMoney(total[category])}`).join(", ");
  return (
    <figure className="forecast-figure">
      {/* The key sits outside the picture, so it wraps on a small screen; its swatches use the chart's patterns. */}
      <ul className="chart-key">
        {categories.map((category) => (
          <li key={category}>
            <svg width="14" height="14" aria-hidden="true">
              <rect x="0.75" y="0.75" width="12.5" height="12.5" fill={fillOf(id, category)} stroke={colours[category]} strokeWidth="1.5" />
            </svg>
            {categoryLabels[category]}
          </li>
        ))}
      </ul>
      <svg
        className="forecast-chart"
        width="100%"
        height={height}
        role="img"
        aria-label={`${title}. Bar chart; in total ${summary}. The table below gives every number.`}
      >
        <Patterns id={id} />
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1="0" x2="100%" y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x="0" y={y(tick) - 4} className="chart-tick">
              {compact.format(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, rowIndex) => {
          const [first, second] = labelOf(row);
          const centre = (rowIndex + 0.5) * group;
          return (
            <g key={row.key}>
              {categories.map((category, index) =>
                row[category] > 0 ? (
                  <rect
                    key={category}
                    className="chart-bar"
                    x={`${rowIndex * group + group * 0.12 + index * slot + slot * 0.1}%`}
                    y={y(row[category])}
                    width={`${slot * 0.8}%`}
                    height={baseline - y(row[category])}
                    fill={fillOf(id, category)}
                    stroke={colours[category]}
                    strokeWidth="1.5"
                  />
                ) : null,
              )}
              <text x={`${centre}%`} y={baseline + 18} textAnchor="middle" className="chart-label">
                {first}
              </text>
              {second ? (
                <text x={`${centre}%`} y={baseline + 34} textAnchor="middle" className="chart-label">
                  {second}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
