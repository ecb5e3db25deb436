// A NUL character in input (a URL, a cookie, a signal's props) never fails a query: PostgreSQL text cannot hold
// one, so db/dialects/postgres/text.ts replaces it on the way in; SQLite stores it as it is. Either way a lookup
// by such a value finds nothing and a write is kept.

import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { storeEventBatches } from "@/db/queries/events";
import { visitorById } from "@/db/queries/visitors";
import { newId } from "@/lib/sandbox/ids";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s, t } from "../control-plane";

beforeAll(() => migrateControlPlane());

describe("a NUL character in what the control plane is given", () => {
  it("finds nothing when it is looked up by", async () => {
    expect(await visitorById("abc\u0000def")).toBeUndefined();
  });

  it("does not fail ingest's group: the event and its props are stored", async () => {
    const visitorId = newId();
    await touchVisitor(visitorId);
    const id = uuidv7();
    const at = Date.now();
    const [written] = await storeEventBatches([
      {
        visitorId,
        bot: false,
        receivedAt: at,
        events: [
          {
            id,
            type: "sandbox.action",
            demoSlug: "pipeline-basics",
            stepId: null,
            stepIndex: null,
            action: "deal.created",
            props: JSON.stringify({ name: "Ac\u0000me" }),
            occurredAt: at,
          },
        ],
      },
    ]);
    expect(written).toEqual({ stored: 1 });
    const stored = await s.one(s.db.select({ props: t.events.props }).from(t.events).where(eq(t.events.id, id)));
    expect(stored?.props).toEqual({ name: s.dialect === "postgres" ? "Ac\uFFFDme" : "Ac\u0000me" });
  });
});
