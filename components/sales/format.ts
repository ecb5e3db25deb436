// How the workspace writes times: absolute, in UTC, so two reps in two places read the same thing.
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const exact = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export const formatWhen = (date: Date) => `${when.format(date)} UTC`;
/** To the second, for a journey's timeline where order within a minute matters. */
export const formatExact = (date: Date) => `${exact.format(date)} UTC`;

/** A personalised link's company, said as the hint it is: the copy was made for Globex, not "this is Globex". */
export const madeForText = (companies: string[]) => `copy made for ${companies.join(", ")}`;
