// Each step's target-missing rate (misses ÷ views), in the last 24 hours and the 7 days before, with the jump
// flag from lib/studio/target-missing-rule.ts.
import { ScrollRegion } from "@/components/sales/ScrollRegion";
import type { StudioStep } from "@/lib/studio/demo-list";
import { describeRate } from "@/lib/studio/target-missing-rule";

export function TargetMissingTable({ title, steps }: { title: string; steps: StudioStep[] }) {
  const caption = `${title}: target missing per step`;
  return (
    <ScrollRegion label={caption}>
      <table className="visitors-table" data-testid="target-missing">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Path</th>
            <th scope="col">Last 24 hours</th>
            <th scope="col">The 7 days before</th>
            <th scope="col">Jumped</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={`${step.path}-${step.id}`} data-step={step.id}>
              <th scope="row">
                {step.title} <span className="muted">({step.id})</span>
              </th>
              <td>{step.path}</td>
              <td data-testid="recent-rate" data-missing={step.counts.recent.missing} data-views={step.counts.recent.views}>
                {describeRate(step.counts.recent)}
              </td>
              <td data-testid="baseline-rate">{describeRate(step.counts.baseline)}</td>
              <td>{step.jumped ? <strong className="flag">Yes</strong> : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
