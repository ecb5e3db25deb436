// How the forecast names its categories and months, shared by its chart and its table.
import type { ForecastCategory } from "@/lib/pipeline/forecast";

export const categoryLabels: Record<ForecastCategory, string> = {
  commit: "Commit",
  bestCase: "Best case",
  pipeline: "Pipeline",
  won: "Won",
};

const month = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "2026-02" as "Feb 2026". */
export const formatMonth = (yearMonth: string) => month.format(new Date(`${yearMonth}-01T00:00:00Z`));

/** An owner's name under their bars as two lines ("Jordan" over "Lee"): on one line, four names overlap at 360 px. */
export function ownerLines(name: string): [string, string?] {
  const space = name.indexOf(" ");
  return space === -1 ? [name] : [name.slice(0, space), name.slice(space + 1)];
}
