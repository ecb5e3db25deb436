// A rep page folds the tail the background fold has not reached before it reads the aggregates. Usually there is
// none: then the page must not queue behind a fold chunk in progress (on PostgreSQL, its turn is an advisory lock
// held for the chunk's transaction) nor open a transaction of its own. When there is a tail, it takes its turn as
// before. On SQLite one connection serves every query, so everything waits for an open transaction; the test
// holds it to that.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { storeEventBatches } from "@/db/queries/events";
import { catchUpInsights } from "@/lib/insights/fold";
import { newId } from "@/lib/sandbox/ids";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s } from "../control-plane";
import { heldOpen, stepViewed } from "../held-transactions";

beforeAll(() => migrateControlPlane());

const person = { browser: "Firefox", os: "Linux", device: "desktop" as const, bot: false };

async function viewedBy(visitorId: string) {
  await s.transaction((tx) => storeEventBatches([stepViewed(visitorId)], tx));
}

/** A fold chunk in progress elsewhere: a transaction holding the fold's turn until `release()`. */
function foldInProgress() {
  const { written: taken, release, committed: done } = heldOpen((tx) => tx.special.takeTurn("fold"));
  return { taken, release, done };
}

const waitingForTheTurn = async () =>
  (await s.rows<{ n: number }>(sql`select count(*) as n from pg_locks where locktype = 'advisory' and not granted`))[0]?.n;

describe("a page's fold of the tail", () => {
  it("with nothing new, answers at once even while a fold chunk holds the turn; with a tail, waits for its turn", async () => {
    const visitorId = newId();
    await touchVisitor(visitorId, { client: person });
    await viewedBy(visitorId);
    await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY });

    const chunk = foldInProgress();
    if (s.dialect === "postgres") {
      await chunk.taken;
      // Before, this waited for the chunk's commit: every rep page behind every background chunk.
      await expect(catchUpInsights({})).resolves.toEqual({ folded: 0, pending: 0 });
      await viewedBy(visitorId);
      const folding = catchUpInsights({});
      await expect.poll(waitingForTheTurn).toBe(1);
      chunk.release();
      await chunk.done;
      await expect(folding).resolves.toEqual({ folded: 1, pending: 0 });
    } else {
      // One connection: the page's reads run after the chunk's transaction, and find nothing new.
      const answer = catchUpInsights({});
      chunk.release();
      await chunk.done;
      await expect(answer).resolves.toEqual({ folded: 0, pending: 0 });
    }
  });
});
