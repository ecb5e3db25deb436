// "Look over their shoulder": a prospect's sandbox as it is now, read-only, in a team member's session. No
// prospect cookie is involved, every opening is logged (who, which visitor, when), and a visitor who sent
// GPC or Do-Not-Track is never viewable — nor is a shared copy one of whose people did: what they typed is in it.
import "server-only";
import { membersOf } from "@/db/queries/shared-copies";
import { insertShoulderView, latestLiveSandboxOf, shoulderViewsOf } from "@/db/queries/shoulder-views";
import { visitorById } from "@/db/queries/visitors";
import type { TeamSession } from "@/lib/auth/team-session";
import { searchCompanies } from "@/lib/pipeline/companies";
import { searchContacts } from "@/lib/pipeline/contacts";
import { loadBoard } from "@/lib/pipeline/pipeline";
import { isWellFormedId, newId } from "@/lib/sandbox/ids";
import { workspaceFor } from "@/lib/sandbox/personalization";
import { openReadOnlySandbox } from "./read-only-sandbox";

export type ShoulderViewLog = { viewerName: string; openedAt: Date }[];

export type ShoulderView =
  | { kind: "not-found" }
  | { kind: "private" }
  | { kind: "no-sandbox"; log: ShoulderViewLog }
  /** Their copy is shared with someone who sent GPC or Do-Not-Track. */
  | { kind: "shared-private"; log: ShoulderViewLog }
  | {
      kind: "open";
      sandboxId: string;
      demoSlug: string;
      workspace: string;
      board: ReturnType<typeof loadBoard>;
      companies: ReturnType<typeof searchCompanies>;
      contacts: ReturnType<typeof searchContacts>;
      log: ShoulderViewLog;
    };

export function shoulderViewLog(visitorId: string): Promise<ShoulderViewLog> {
  return shoulderViewsOf(visitorId, 50);
}

/** Opens (and logs) the view of the visitor's most recently used live sandbox. */
export async function openShoulderView(visitorId: string, viewer: TeamSession["user"]): Promise<ShoulderView> {
  if (!isWellFormedId(visitorId)) return { kind: "not-found" };
  const visitor = await visitorById(visitorId);
  if (!visitor) return { kind: "not-found" };
  if (visitor.doNotTrack) return { kind: "private" };
  const sandbox = await latestLiveSandboxOf(visitorId);
  if (sandbox && (await membersOf(sandbox.id)).some((member) => member.doNotTrack))
    return { kind: "shared-private", log: await shoulderViewLog(visitorId) };
  const opened = sandbox ? openReadOnlySandbox(sandbox.id) : undefined;
  if (!sandbox || !opened) return { kind: "no-sandbox", log: await shoulderViewLog(visitorId) };
  try {
    const view = {
      kind: "open" as const,
      sandboxId: sandbox.id,
      demoSlug: sandbox.demoSlug,
      workspace: workspaceFor(sandbox, opened.db),
      board: loadBoard(opened.db),
      companies: searchCompanies(opened.db, ""),
      contacts: searchContacts(opened.db, ""),
    };
    await insertShoulderView({ id: newId(), visitorId, sandboxId: sandbox.id, viewerUserId: viewer.id, viewerName: viewer.name });
    return { ...view, log: await shoulderViewLog(visitorId) };
  } finally {
    opened.close();
  }
}
