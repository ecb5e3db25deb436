// A visit: events of one visitor with no gap longer than 30 minutes, as web analytics counts sessions.
export const sessionGapMs = 30 * 60 * 1000;

export type OpenSession = { id: string; startedAt: number; lastEventAt: number; eventCount: number };

/** The session an event at `at` belongs to: the open one if it is close enough, otherwise a new one. */
export function assignSession(open: OpenSession | undefined, at: number, newId: () => string): OpenSession {
  if (open && at - open.lastEventAt <= sessionGapMs && open.startedAt - at <= sessionGapMs) {
    return {
      ...open,
      startedAt: Math.min(open.startedAt, at),
      lastEventAt: Math.max(open.lastEventAt, at),
      eventCount: open.eventCount + 1,
    };
  }
  return { id: newId(), startedAt: at, lastEventAt: at, eventCount: 1 };
}
