// One demo in the studio's list: its problems, last check, funnel by persona path and locale, where most
// visitors leave, and the steps whose target went missing. The per-step tables are on the demo's own page.
import Link from "next/link";
import { mainPath } from "@/lib/demos/tour-graph";
import type { StudioDemo } from "@/lib/studio/demo-list";
import { describeRate } from "@/lib/studio/target-missing-rule";
import { CheckStatus } from "./CheckStatus";
import { DemoProblems } from "./DemoProblems";
import { FunnelSplitTable } from "./FunnelSplitTable";

export function DemoCard({ demo }: { demo: StudioDemo }) {
  const missed = demo.steps.filter((step) => step.counts.recent.missing + step.counts.baseline.missing > 0);
  const columns = demo.steps.map((step, index) => ({
    key: `${step.path}:${step.id}`,
    label: `Step ${index + 1}: ${step.title}${step.path === mainPath ? "" : ` (path ${step.path})`}`,
  }));
  const slug = encodeURIComponent(demo.slug);
  return (
    <section className="card studio-demo" aria-labelledby={`demo-${demo.slug}`} data-testid="studio-demo" data-slug={demo.slug}>
      <h2 id={`demo-${demo.slug}`}>
        {demo.title} <span className="muted">({demo.slug})</span>
        {demo.flagged ? <span className="badge flag-badge"> Target-missing jump</span> : null}
      </h2>
      <p className="studio-links">
        <Link href={`/studio/demos/${slug}`}>Details: {demo.title}</Link> ·{" "}
        {demo.registered ? (
          <Link href={`/studio/preview/${slug}`}>Preview: {demo.title}</Link>
        ) : (
          <span className="muted">No preview until it loads</span>
        )}
      </p>
      <DemoProblems problems={demo.problems} registered={demo.registered} />
      <CheckStatus check={demo.check} />
      {demo.splits.length > 0 ? <FunnelSplitTable title={demo.title} rows={demo.splits} steps={columns} /> : null}
      {demo.registered ? (
        <>
          <p data-testid="biggest-drop-off">
            {demo.biggestDropOff
              ? `Most visitors leave before “${demo.biggestDropOff.label}”: ${demo.biggestDropOff.dropOff} did not get there from the stage before.`
              : "No drop-off yet: nobody has left part way."}
          </p>
          {missed.length > 0 ? (
            <>
              <h3>Target missing</h3>
              <ul data-testid="missed-steps">
                {missed.map((step) => (
                  <li key={`${step.path}-${step.id}`} data-step={step.id}>
                    {step.jumped ? <strong className="flag">Jumped: </strong> : null}“{step.title}” ({step.id}):{" "}
                    {describeRate(step.counts.recent)} in the last 24 hours; {describeRate(step.counts.baseline)} in the 7 days before.
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">No step’s target has gone missing in the last 8 days.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
