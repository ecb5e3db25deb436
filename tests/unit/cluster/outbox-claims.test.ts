// The outbox is claimed so that app nodes on one database never send one alert twice: each claim takes rows no
// other claim holds (PostgreSQL: FOR UPDATE SKIP LOCKED, two pools at once), pushes their next attempt to a
// lease, and a row whose claimer died is due again, to anyone, once the lease has passed.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane, openControlStore } from "@/db/control-plane";
import { claimDueOutboxRows } from "@/db/queries/webhooks";
import type { ControlStore, Store } from "@/db/store";
import { installRuntime } from "@/lib/runtime/runtime";
import { s, t } from "../control-plane";

let other: ControlStore;

beforeAll(async () => {
  installRuntime();
  await migrateControlPlane();
  other = openControlStore();
  await s.run(
    s.db.insert(t.webhooks).values({ id: "hook-1", url: "http://127.0.0.1:9/x", format: "json", events: ["handraise"], secret: "s" }),
  );
});
afterAll(async () => {
  await other?.close();
});

async function enqueue(count: number, dueAt: Date): Promise<number[]> {
  const rows = await s.all(
    s.db
      .insert(t.webhookOutbox)
      .values(
        Array.from({ length: count }, () => ({ webhookId: "hook-1", kind: "handraise", payload: { text: "hi" }, nextAttemptAt: dueAt })),
      )
      .returning({ id: t.webhookOutbox.id }),
  );
  return rows.map((row) => row.id);
}

describe("claiming the outbox", () => {
  it("gives two claimers at once disjoint rows, every due row to one of them, each with its webhook", async () => {
    const now = new Date();
    const ids = await enqueue(40, new Date(now.getTime() - 1_000));
    const lease = new Date(now.getTime() + 15_000);
    const claim = (on: Store) => claimDueOutboxRows(now, 25, lease, on);
    // PostgreSQL: at once, on two pools. SQLite: one after the other, as its one writer makes them.
    const [first, second] = s.dialect === "postgres" ? await Promise.all([claim(s), claim(other)]) : [await claim(s), await claim(other)];
    const firstIds = first.map((entry) => entry.row.id);
    const secondIds = second.map((entry) => entry.row.id);
    expect(firstIds.filter((id) => secondIds.includes(id))).toEqual([]);
    expect([...firstIds, ...secondIds].sort((a, b) => a - b)).toEqual(ids);
    expect(
      [...first, ...second].every((entry) => entry.hook.id === "hook-1" && entry.row.nextAttemptAt.getTime() === lease.getTime()),
    ).toBe(true);
    // Claimed rows are nobody's until the lease ends…
    expect(await claimDueOutboxRows(new Date(lease.getTime() - 1), 100, new Date(lease.getTime() + 15_000), other)).toEqual([]);
    // …then due again for whoever claims next, as the same rows (the same delivery ids).
    const retaken = await claimDueOutboxRows(lease, 100, new Date(lease.getTime() + 15_000), other);
    expect(retaken.map((entry) => entry.row.id).sort((a, b) => a - b)).toEqual(ids);
    await s.run(s.db.delete(t.webhookOutbox));
  });

  it("never claims a row that is delivered, failed or not yet due", async () => {
    const now = new Date();
    const [delivered, failed, later, due] = await enqueue(4, new Date(now.getTime() - 1_000));
    const { webhookOutbox } = t;
    await s.run(
      s.db
        .update(webhookOutbox)
        .set({ status: "delivered" })
        .where(eq(webhookOutbox.id, delivered ?? 0)),
    );
    await s.run(
      s.db
        .update(webhookOutbox)
        .set({ status: "failed" })
        .where(eq(webhookOutbox.id, failed ?? 0)),
    );
    await s.run(
      s.db
        .update(webhookOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + 60_000) })
        .where(eq(webhookOutbox.id, later ?? 0)),
    );
    const claimed = await claimDueOutboxRows(now, 10, new Date(now.getTime() + 15_000));
    expect(claimed.map((entry) => entry.row.id)).toEqual([due]);
  });
});
