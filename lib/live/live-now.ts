// Who is in a demo at this moment: visitors with a signal in the last two minutes, with where they are (demo,
// step, role, the tour's locale), who they are to us (account, else where they came from), their device class,
// what they built in the sandbox lately, and an open conversation if any.
// Reads a two-minute slice of the events_time index, so its cost follows current traffic, not history.
import "server-only";
import { visitorsActiveSince } from "@/db/queries/live";
import { builtInSandbox, tourLocale } from "@/lib/conversations/context";
import { storedPersonalization } from "@/lib/sandbox/personalization";

export const liveWindowMs = 2 * 60_000;
/** Sandbox actions shown per visitor: the latest few say what they are doing; the conversation shows more. */
const builtShown = 3;

export type LiveVisitor = {
  visitorId: string;
  demo: string | null;
  step: string | null;
  persona?: string;
  /** The company a personalised link made their copy for (`?company=Globex`): a hint, not an identity. */
  madeFor?: string;
  locale?: string;
  account?: { id: string; name: string };
  source?: Record<string, string>;
  device: string | null;
  /** Their latest sandbox actions, newest first, as sentences ("created deal ‘Globex renewal’ $40k"). */
  built: string[];
  lastAt: number;
  conversationId?: string;
  handRaised: boolean;
};

export async function liveNow(now: Date = new Date(), limit = 200): Promise<LiveVisitor[]> {
  const rows = await visitorsActiveSince(now.getTime() - liveWindowMs, limit);
  return Promise.all(
    rows.map(async (row) => {
      const { persona, company } = storedPersonalization(row.personalization) ?? {};
      const locale = await tourLocale(row.visitorId);
      return {
        visitorId: row.visitorId,
        demo: row.demoSlug,
        step: row.stepId,
        ...(persona ? { persona } : {}),
        ...(company ? { madeFor: company } : {}),
        ...(locale ? { locale } : {}),
        ...(row.accountId && row.accountName ? { account: { id: row.accountId, name: row.accountName } } : {}),
        ...(row.source && Object.keys(row.source).length > 0 ? { source: row.source } : {}),
        device: row.device,
        built: await builtInSandbox(row.visitorId, builtShown),
        lastAt: row.lastAt,
        ...(row.conversationId ? { conversationId: row.conversationId } : {}),
        handRaised: row.handRaised,
      };
    }),
  );
}
