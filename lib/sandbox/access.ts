// The only way from a sandbox id in a URL to a sandbox handle: the id must belong to the caller's visitor
// cookie, or be a shared copy they joined (lib/sandbox/shared-copies.ts). Anything else — guessed, swapped,
// forged, path-like — is "not found", never "forbidden".
import "server-only";
import type { NodeRow, PreviewSandbox, Sandbox } from "@/db/control/schema";
import { touchSandbox } from "@/db/queries/sandboxes";
import { sandboxOpenTo } from "@/db/queries/shared-copies";
import { sandboxWhereabouts } from "@/lib/cluster/whereabouts";
import { openSandbox, type SandboxDb, SandboxUnreadableError } from "./handles";
import { isWellFormedId } from "./ids";
import { type GoneReason, retireSandbox } from "./retire";

/**
 * A sandbox the caller may use: a visitor's own, or a team member's studio preview (lib/studio/preview), which
 * has no visitor and records nothing. The product renders both alike; what it records depends on the kind.
 */
export type OwnedSandbox =
  /** `visitorId`: who is asking, and so whose every write is — the owner, or a colleague who joined the copy. */
  { kind: "visitor"; sandbox: Sandbox; db: SandboxDb; visitorId: string } | { kind: "preview"; sandbox: PreviewSandbox; db: SandboxDb };

/** A visitor's sandbox as lookupOwnedSandbox finds it. */
export type VisitorSandbox = Extract<OwnedSandbox, { kind: "visitor" }>;

/**
 * What the owner of an id finds: their live sandbox, a note that it is gone and why, or that it is live on
 * another node (lib/cluster/forward.ts hands such requests to it before they get here).
 */
export type OwnedLookup =
  | { state: "live"; owned: VisitorSandbox }
  | { state: "gone"; demoSlug: string; reason: GoneReason }
  | { state: "elsewhere"; sandbox: Sandbox; node: NodeRow };

/** Using a sandbox keeps it alive (the idle TTL counts from here); at most one write per interval per sandbox. */
const activityWriteIntervalMs = 10 * 60_000;

async function markActive(sandbox: Sandbox, now = new Date()): Promise<Sandbox> {
  if (now.getTime() - sandbox.lastActiveAt.getTime() < activityWriteIntervalMs) return sandbox;
  await touchSandbox(sandbox.id, now);
  return { ...sandbox, lastActiveAt: now };
}

/**
 * Looks the id up for this visitor only, so a stranger learns nothing (undefined, same as a made-up id).
 * A live row whose file is missing or damaged here is, by where its row says the file is: on another live node,
 * left alone (never retired: this node just does not have it); on a node that stopped beating, retired as
 * node-lost; on this node, retired as corrupt. Gone ones are reported as gone.
 */
export async function lookupOwnedSandbox(sandboxId: unknown, visitorId: string | undefined): Promise<OwnedLookup | undefined> {
  if (!visitorId || !isWellFormedId(sandboxId)) return undefined;
  const sandbox = await sandboxOpenTo(sandboxId, visitorId);
  if (!sandbox) return undefined;
  if (sandbox.status === "gone") return { state: "gone", demoSlug: sandbox.demoSlug, reason: sandbox.goneReason ?? "expired" };
  try {
    const db = openSandbox(sandbox.id);
    const owned: VisitorSandbox = { kind: "visitor", sandbox: await markActive(sandbox), db, visitorId };
    return { state: "live", owned };
  } catch (error) {
    if (!(error instanceof SandboxUnreadableError)) throw error;
    const where = await sandboxWhereabouts(sandbox);
    if (where.state === "elsewhere") return { state: "elsewhere", sandbox, node: where.node };
    const reason = where.state === "lost" ? "node-lost" : "corrupt";
    await retireSandbox(sandbox.id, reason);
    return { state: "gone", demoSlug: sandbox.demoSlug, reason };
  }
}

/** The caller's live sandbox, or undefined. */
export async function findOwnedSandbox(sandboxId: unknown, visitorId: string | undefined): Promise<VisitorSandbox | undefined> {
  const found = await lookupOwnedSandbox(sandboxId, visitorId);
  return found?.state === "live" ? found.owned : undefined;
}
