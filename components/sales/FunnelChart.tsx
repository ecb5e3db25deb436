// A demo's funnel as horizontal bars, drawn on the server as HTML and CSS (no chart library, no client JS): the
// rows reflow on a phone (each label above its bar) and their text keeps the page's size, which an SVG scaled to
// a phone's width did not (13 px labels became 5 px). The table beside it holds the same numbers and is the
// accessible source; the chart's text alternative says so.
import type { FunnelStage } from "@/lib/insights/funnels";

export function FunnelChart({ title, stages }: { title: string; stages: FunnelStage[] }) {
  const max = Math.max(1, ...stages.map((stage) => stage.visitors));
  return (
    <figure className="funnel-chart">
      <div role="img" aria-label={`${title}: the table below lists the same numbers`}>
        {stages.map((stage) => (
          <div className="funnel-chart-row" key={stage.key}>
            <span className="funnel-chart-label">{stage.label}</span>
            <span className="funnel-chart-track">
              {/* At least a sliver, so a stage nobody reached still shows where its bar starts. */}
              <span className="funnel-bar" style={{ width: `max(1px, calc((100% - 4rem) * ${stage.visitors / max}))` }} />
              <span className="funnel-chart-count">{stage.visitors}</span>
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
