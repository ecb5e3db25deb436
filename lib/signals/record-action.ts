// What a visitor really did in their sandbox, recorded by the server when the write has committed — never
// from a report the browser sends — so what a rep reads is what happened. It goes into the event store
// through the same group commit as the browser's signals, and the caller waits for its commit.
import "server-only";
import { v7 as uuidv7 } from "uuid";
import type { Sandbox, StoredSuggestion } from "@/db/control/schema";
import type { RecordedAction } from "@/lib/pipeline/action-state";
import { signalsCommitter } from "./handle-signals";
import { lookUpBatch, prepareBatch } from "./ingest";

/** A detail is a few short facts ("deal", "amount", "stage"), never a copy of what the visitor typed at length. */
const maxDetailKeys = 6;
const maxDetailText = 80;
const detailKey = /^[a-zA-Z][a-zA-Z0-9_]{0,31}$/;

export function boundedDetail(detail: RecordedAction["detail"]): Record<string, string | number> {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (Object.keys(kept).length >= maxDetailKeys) break;
    if (!detailKey.test(key)) continue;
    if (typeof value === "number") {
      if (Number.isFinite(value)) kept[key] = value;
    } else kept[key] = Array.from(String(value)).slice(0, maxDetailText).join("");
  }
  return kept;
}

/**
 * Stores the action as a `sandbox.action` event of the visitor who made it (`actorVisitorId`: the owner, or a
 * colleague in a shared copy). A visitor who asked not to be tracked (GPC / Do-Not-Track) is counted but not
 * linked, as their other events are. Resolves once committed.
 */
export async function recordSandboxAction(
  sandbox: Pick<Sandbox, "id" | "demoSlug">,
  action: RecordedAction,
  actorVisitorId: string,
): Promise<void> {
  const now = new Date();
  const context = { visitorId: actorVisitorId, linkIdentity: true, now };
  const batch = {
    sandbox: sandbox.id,
    events: [
      {
        id: uuidv7(),
        type: "sandbox.action" as const,
        at: now.getTime(),
        demo: sandbox.demoSlug,
        action: action.kind,
        props: boundedDetail(action.detail),
      },
    ],
  };
  await signalsCommitter().submit(prepareBatch(batch, context, await lookUpBatch(batch, context)));
}

/**
 * The prospect opened a rep's suggestion ("Show me"), for their journey: recorded by the server, in the copy
 * they asked from, and like every event of theirs unlinked when they asked not to be tracked.
 */
export async function recordSuggestionOpened(
  where: { sandboxId: string | null; demoSlug: string | null },
  suggestion: StoredSuggestion,
  visitorId: string,
): Promise<void> {
  const now = new Date();
  const context = { visitorId, linkIdentity: true, now };
  const batch = {
    ...(where.sandboxId ? { sandbox: where.sandboxId } : {}),
    events: [
      {
        id: uuidv7(),
        type: "suggestion.opened" as const,
        at: now.getTime(),
        ...(where.demoSlug ? { demo: where.demoSlug } : {}),
        props: boundedDetail({ kind: suggestion.kind, target: suggestion.target, label: suggestion.label }),
      },
    ],
  };
  await signalsCommitter().submit(prepareBatch(batch, context, await lookUpBatch(batch, context)));
}
