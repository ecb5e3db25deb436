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
