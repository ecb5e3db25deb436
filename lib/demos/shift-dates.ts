// Fixture dates are written relative to an anchor day; sandboxes see them moved to today (storyShiftDays).
// Whole UTC days, so a shift never lands on a DST gap and a date never changes its time of day.

const dayMs = 86_400_000;

export function daysBetween(fromIsoDate: string, to: Date): number {
  const from = Date.parse(`${fromIsoDate}T00:00:00Z`);
  const today = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.round((today - from) / dayMs);
}

/**
 * The whole days that move a fixture's story to `now`: its anchor day becomes today — or yesterday, while
 * something the fixture says already happened on its anchor day ("today at 10:30") would still lie ahead of
 * `now`. Entries dated after the anchor day are the story's future (a meeting next week) and stay so.
 */
export function storyShiftDays(anchorDate: string, timestamps: readonly string[], now: Date): number {
  const days = daysBetween(anchorDate, now);
  const nowTimeOfDay = now.getTime() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const anchorStart = Date.parse(`${anchorDate}T00:00:00Z`);
  const aheadToday = timestamps.some((text) => {
    const offset = Date.parse(text) - anchorStart;
    return offset > nowTimeOfDay && offset < dayMs;
  });
  return aheadToday ? days - 1 : days;
}

/** Shifts a YYYY-MM-DD date or a YYYY-MM-DDTHH:MM:SSZ timestamp by whole days, keeping its form. */
export function shiftIso(text: string, days: number): string {
  const isDateOnly = text.length === 10;
  const time = Date.parse(isDateOnly ? `${text}T00:00:00Z` : text) + days * dayMs;
  const shifted = new Date(time).toISOString();
  return isDateOnly ? shifted.slice(0, 10) : `${shifted.slice(0, 19)}Z`;
}

/** The day a story shifted by `days` is set on (its anchor day moved), as YYYY-MM-DD. */
export function storyDay(anchorDate: string, days: number): string {
  return shiftIso(anchorDate, days);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
