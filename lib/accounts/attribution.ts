// `/try/<demo>?via=<token>`: which account a visitor opening a share link belongs to. A link that is revoked,
// expired, unknown or malformed changes nothing — the prospect still gets the demo, just unattributed.
import "server-only";
import type { ShareLink } from "@/db/control/schema";
import { attributeVisitor, countUntrackedOpening, shareLinkByToken } from "@/db/queries/accounts";
import type { Personalization } from "@/lib/sandbox/personalization";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { shareLinkState } from "./share-links";
import { isWellFormedShareToken } from "./share-token";

/** The live link a `via` parameter names, or undefined for anything else (never an error). */
export async function liveShareLink(via: string | null, now = new Date()): Promise<ShareLink | undefined> {
  if (!isWellFormedShareToken(via)) return undefined;
  const link = await shareLinkByToken(via);
  return link && shareLinkState(link, now) === "live" ? link : undefined;
}

/** What the link sets up in a new sandbox: its persona and company name, unless the URL itself says otherwise. */
export function linkPersonalization(link: ShareLink, fromUrl: Personalization | undefined): Personalization | undefined {
  const stored = storedPersonalization({ ...link.personalization, ...(link.persona ? { persona: link.persona } : {}) });
  const merged = { ...stored, ...fromUrl };
  return merged.company || merged.persona ? merged : undefined;
}

export type Opening = { visitorId: string; doNotTrack: boolean; newSandbox: boolean };

/**
 * Ties the visitor to the link's account — the first link they open wins, so a forwarded link makes a new
 * person of the same account and a colleague's later link does not steal them. A browser asking not to be
 * tracked is never linked: a new sandbox from it only adds to the link's untracked count.
 */
export async function attributeOpening(link: ShareLink, opening: Opening): Promise<void> {
  if (opening.doNotTrack) {
    if (opening.newSandbox) await countUntrackedOpening(link.token);
    return;
  }
  await attributeVisitor(opening.visitorId, link.accountId, link.token);
}
