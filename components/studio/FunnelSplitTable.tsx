// A demo's funnel for all visitors, each persona path, each locale and each source: opened → started → each step →
// finished → call to action / hand-raise, one row per split.
import { ScrollRegion } from "@/components/sales/ScrollRegion";
import type { FunnelSplitRow } from "@/lib/studio/funnel-splits";

export function FunnelSplitTable({
  title,
  rows,
  steps,
}: {
  title: string;
  rows: FunnelSplitRow[];
  steps: { key: string; label: string }[];
}) {
  const caption = `${title}: funnel by persona path, locale and source`;
  return (
    <ScrollRegion label={caption}>
      <table className="visitors-table" data-testid="funnel-splits">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Visitors</th>
            <th scope="col">Opened</th>
            <th scope="col">Started</th>
            {steps.map((step, index) => (
              <th scope="col" key={step.key} title={step.label}>
                <span aria-hidden="true">Step {index + 1}</span>
                <span className="visually-hidden">{step.label}</span>
              </th>
            ))}
            <th scope="col">Finished</th>
            <th scope="col">Call to action</th>
            <th scope="col">Hand-raise</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.kind}-${row.label}`} data-split={row.kind}>
              <th scope="row">{row.kind === "locale" ? `Locale ${row.label}` : row.label}</th>
              <td>{row.opened}</td>
              <td>{row.started}</td>
              {row.steps.map((visitors, index) => (
                <td key={steps[index]?.key}>{visitors}</td>
              ))}
              <td>{row.finished}</td>
              <td>{row.cta}</td>
              <td>{row.handraise}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
