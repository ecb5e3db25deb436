// How the sample product writes money, dates and stages.
import type { ActivityKind } from "@/lib/pipeline/vocabulary";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const moment = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC" });

export const formatMoney = (amount: number) => money.format(amount);
export const formatDay = (isoDate: string) => day.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
export const formatMoment = (isoTime: string) => `${moment.format(new Date(isoTime))} UTC`;

export { stageLabels } from "@/lib/pipeline/vocabulary";

export const activityKindLabels: Record<ActivityKind, string> = {
  call: "Call",
  email: "Email",
  meeting: "Meeting",
  note: "Note",
  stage: "Stage",
};
