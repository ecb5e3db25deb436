// Who counts as one of an account's people: a tracked visitor who really did something. Mail scanners and
// chat unfurlers open links first, often with ordinary browser user agents; they count only once they
// interact — the same event types the signals pipeline uses to tell a person from an automated browser.
import "server-only";
import { sql } from "drizzle-orm";
import { events, visitors } from "@/db/control/schema";
import { interactionTypes } from "@/lib/signals/event-schema";

const interactions = sql.join(
  interactionTypes.map((type) => sql`${type}`),
  sql`, `,
);

/** SQL condition on a `visitors` row: not a bot, not untracked, and at least one interaction event. */
export const countsAsPerson = sql`(${visitors.bot} = 0 and ${visitors.doNotTrack} = 0 and exists (select 1 from ${events} where ${events.visitorId} = ${visitors.id} and ${events.type} in (${interactions})))`;
