// Fixture dates are written relative to an anchor day; sandboxes see them moved to today.
// Whole UTC days, so a shift never lands on a DST gap and a date never changes its time of day.

const dayMs = 86_400_000;

export function daysBetween(fromIsoDate: string, to: Date): number {
  const from = Date.parse(`${fromIsoDate}T00:00:00Z`);
  const today = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.round((today - from) / dayMs);
}

/** Shifts a YYYY-MM-DD date or a YYYY-MM-DDTHH:MM:SSZ timestamp by whole days, keeping its form. */
export function shiftIso(text: string, days: number): string {
  const isDateOnly = text.length === 10;
  const time = Date.parse(isDateOnly ? `${text}T00:00:00Z` : text) + days * dayMs;
  const shifted = new Date(time).toISOString();
  return isDateOnly ? shifted.slice(0, 10) : `${shifted.slice(0, 19)}Z`;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
