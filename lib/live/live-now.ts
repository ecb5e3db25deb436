// Who is in a demo at this moment: visitors with a signal in the last two minutes, with where they are (demo,
// step, role, the tour's locale), who they are to us (account, else where they came from), their device class,
// what they built in the sandbox lately, and an open conversation if any.
// Reads a two-minute slice of the events_time index, so its cost follows current traffic, not history.
import "server-only";
import { controlDb } from "@/db/client";
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

type Row = {
  visitor_id: string;
  demo_slug: string | null;
  step_id: string | null;
  last_at: number;
  hand_raised: number;
  device: string | null;
  source: string | null;
  account_id: string | null;
  account_name: string | null;
  personalization: string | null;
  conversation_id: string | null;
};

export function liveNow(now: Date = new Date(), limit = 200): LiveVisitor[] {
  const since = now.getTime() - liveWindowMs;
  const rows = controlDb()
    .$client.prepare(
      `with recent as (
         select visitor_id, max(occurred_at) as last_at, max(type = 'handraise') as hand_raised
         from events where occurred_at > ? and visitor_id is not null and bot = 0
         group by visitor_id
       )
       select recent.visitor_id, recent.last_at, recent.hand_raised,
         (select demo_slug from events e where e.visitor_id = recent.visitor_id and e.occurred_at > ? order by e.occurred_at desc limit 1) as demo_slug,
         (select step_id from events e where e.visitor_id = recent.visitor_id and e.occurred_at > ? and e.type = 'step.viewed' order by e.occurred_at desc limit 1) as step_id,
         v.device, v.source, v.account_id, a.name as account_name,
         (select personalization from sandboxes s where s.visitor_id = recent.visitor_id and s.status = 'live' order by s.last_active_at desc limit 1) as personalization,
         (select id from conversations c where c.visitor_id = recent.visitor_id and c.status = 'open' limit 1) as conversation_id
       from recent
       join visitors v on v.id = recent.visitor_id and v.bot = 0
       left join accounts a on a.id = v.account_id
       order by recent.last_at desc
       limit ?`,
    )
    .all(since, since, since, limit) as Row[];
  return rows.map((row) => {
    const persona = row.personalization ? storedPersonalization(JSON.parse(row.personalization))?.persona : undefined;
    const locale = tourLocale(row.visitor_id);
    const source = row.source ? (JSON.parse(row.source) as Record<string, string>) : undefined;
    return {
      visitorId: row.visitor_id,
      demo: row.demo_slug,
      step: row.step_id,
      ...(persona ? { persona } : {}),
      ...(locale ? { locale } : {}),
      ...(row.account_id && row.account_name ? { account: { id: row.account_id, name: row.account_name } } : {}),
      ...(source && Object.keys(source).length > 0 ? { source } : {}),
      device: row.device,
      built: builtInSandbox(row.visitor_id, builtShown),
      lastAt: row.last_at,
      ...(row.conversation_id ? { conversationId: row.conversation_id } : {}),
      handRaised: row.hand_raised === 1,
    };
  });
}
