// The funnel's numbers as a table: the accessible twin of FunnelChart, and what a rep copies from.

import type { FunnelStage } from "@/lib/insights/funnels";
import { ScrollRegion } from "./ScrollRegion";

export function FunnelTable({ caption, stages, testId }: { caption: string; stages: FunnelStage[]; testId?: string }) {
  return (
    <ScrollRegion label={caption}>
      <table className="visitors-table" data-testid={testId}>
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Visitors</th>
            <th scope="col">Drop-off from the stage before</th>
            <th scope="col">Of those who opened it</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage.key} data-stage={stage.key}>
              <th scope="row">{stage.label}</th>
              <td data-testid="visitors">{stage.visitors}</td>
              <td data-testid="drop-off">{stage.dropOff ?? "—"}</td>
              <td>{stage.ofViewed === null ? "—" : `${stage.ofViewed}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
