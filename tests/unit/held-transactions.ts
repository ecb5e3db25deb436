// What tests of ordering and turns share: one visitor's "step viewed" event as ingest stores it, and a
// transaction that writes, then stays open until the test releases it.
import { v7 as uuidv7 } from "uuid";
import type { Store } from "@/db/store";
import { s } from "./control-plane";

/** One batch holding one "step viewed" event of `visitorId`, now. */
export function stepViewed(visitorId: string) {
  const at = Date.now();
  return {
    visitorId,
    bot: false,
    receivedAt: at,
    events: [
      {
        id: uuidv7(),
        type: "step.viewed",
        demoSlug: "pipeline-basics",
        stepId: "welcome",
        stepIndex: 0,
        action: null,
        props: null,
        occurredAt: at,
      },
    ],
  };
}

/** A transaction that runs `write`, then stays open until `release()`; `written` resolves once `write` is done. */
export function heldOpen(write: Parameters<Store["transaction"]>[0]) {
  let release = () => {};
  let wrote = () => {};
  const written = new Promise<void>((resolve) => {
    wrote = resolve;
  });
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const committed = s.transaction(async (tx) => {
    await write(tx);
    wrote();
    await held;
  });
  return { written, release, committed };
}
