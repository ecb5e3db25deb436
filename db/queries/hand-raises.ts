// Claims on a hand-raise's window (lib/signals/hand-raise.ts): one row per raiser, moved forward only when the
// last claim is out of its window.
import "server-only";
import { lt, lte } from "drizzle-orm";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

/**
 * Claims the window for `raiser` at `now`; false when a claim since `windowStart` holds it. One statement, so two
 * claimants racing (on PostgreSQL, a row lock) can never both win.
 */
export async function claimHandRaiseWindow(raiser: string, now: Date, windowStart: Date, tx: Store): Promise<boolean> {
  const { handRaises } = tx.t;
  const claimed = await tx.all(
    tx.db
      .insert(handRaises)
      .values({ raiser, raisedAt: now })
      .onConflictDoUpdate({ target: handRaises.raiser, set: { raisedAt: now }, setWhere: lte(handRaises.raisedAt, windowStart) })
      .returning({ raiser: handRaises.raiser }),
  );
  return claimed.length === 1;
}

/** Deletes claims made before `cutoff`; returns how many. */
export function deleteHandRaiseClaimsBefore(cutoff: Date, s: Store = store()): Promise<number> {
  const { handRaises } = s.t;
  return s.run(s.db.delete(handRaises).where(lt(handRaises.raisedAt, cutoff)));
}
