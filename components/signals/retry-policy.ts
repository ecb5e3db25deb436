// When the server has a batch for good, and how long to wait before offering it again.

export const maxBackoffMs = 60_000;

/** Stored (2xx), or refused for good: a 4xx other than 429, since a malformed event does not get better by retrying. */
export function isAcknowledged(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429);
}

/** Retry-After (seconds or an HTTP date) as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const at = Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential from 1 s, jittered ±20% and capped at 60 s, so a fleet of tabs does not come back in one wave;
 * never sooner than the server's Retry-After, which is jittered upwards only.
 */
export function retryDelayMs(failures: number, retryAfter: number | undefined, random: number): number {
  const exponential = Math.min(maxBackoffMs, 1000 * 2 ** (failures - 1) * (0.8 + 0.4 * random));
  return Math.max(exponential, (retryAfter ?? 0) * (1 + 0.2 * random));
}
