// "Score threshold crossed": the fold calls this for each aggregate it rewrites. A crossing is judged from the
// stored aggregate before and after (both persisted), so nothing else needs remembering: a score that stays
// above alerts once, and alerts again only after decaying below the threshold and rising back over it.
import "server-only";
import { accountNameOf } from "@/db/queries/insights";
import type { Store } from "@/db/store";
import { runtime } from "@/lib/runtime/runtime";
import { enqueueAlert } from "@/lib/webhooks/enqueue";
import { decayedScore, formatReasons, type ScoreInput, scoreReasons } from "./score";
import { alertThreshold } from "./score-weights";

/** What a crossing is judged from: the stored undecayed points and the last activity they decay from. */
export type ScoreState = { rawScore: number; lastAt: number };

/** True when the score a rep would see now went from below the threshold (or nothing) to at least it. */
export function crossedThreshold(before: ScoreState | undefined, after: ScoreState, now: number): boolean {
  const was = before ? decayedScore(before.rawScore, before.lastAt, now) : 0;
  return was < alertThreshold && decayedScore(after.rawScore, after.lastAt, now) >= alertThreshold;
}

type Crossing = { kind: "visitor" | "account"; id: string; counters: ScoreInput & { lastAt: number }; colleagues: number };

/** The journey a rep opens from the alert: absolute when a public origin is configured, else a path. */
function journeyLink(crossing: Crossing): string {
  const path = crossing.kind === "account" ? `/sales/accounts/${crossing.id}/journey` : `/sales/visitors/${crossing.id}`;
  const origin = runtime().config.publicOrigins[0];
  return origin ? new URL(path, origin).toString() : path;
}

/** Puts one "score.crossed" alert in the outbox, inside the fold's transaction (lib/webhooks/enqueue.ts). */
export async function enqueueScoreCrossed(tx: Store, crossing: Crossing, now: number): Promise<number> {
  const reasons = scoreReasons({ ...crossing.counters, colleagues: crossing.colleagues });
  const score = decayedScore(
    reasons.reduce((sum, reason) => sum + reason.points, 0),
    crossing.counters.lastAt,
    now,
  );
  const name = crossing.kind === "account" ? ((await accountNameOf(crossing.id, tx)) ?? null) : null;
  const who = name ?? (crossing.kind === "account" ? "An account" : `Visitor ${crossing.id.slice(0, 6)}`);
  const journey = journeyLink(crossing);
  return enqueueAlert(
    tx,
    {
      kind: "score.crossed",
      text: `${who} crossed a score of ${alertThreshold}: ${score} (${formatReasons(reasons)}) ${journey}`,
      data: {
        who: crossing.kind,
        id: crossing.id,
        name,
        score,
        threshold: alertThreshold,
        reasons: reasons.map(({ text, points }) => ({ text, points })),
        journey,
      },
    },
    new Date(now),
  );
}
