// How the workspace writes times: absolute, in UTC, so two reps in two places read the same thing.
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export const formatWhen = (date: Date) => `${when.format(date)} UTC`;
