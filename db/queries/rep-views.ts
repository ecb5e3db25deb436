// What the rep's lists read: the hot list (ranked ids from the facet index, then their rows), the visitors list,
// and the demos each visitor tried.
import "server-only";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";
import { interactionTypes } from "@/lib/signals/event-schema";

export type RankFilter = {
  facet: string;
  kind: "account" | "visitor";
  handRaised: boolean;
  fromMs?: number;
  toMs?: number;
  ownerUserId?: string;
};

/**
 * The ids of the best-ranked entries of a facet: one walk of hot_list_facets' rank index, pinned to it on SQLite
 * (with statistics it would rather walk people by account and sort them, 700 ms at 1M events in bench:sales).
 */
export function rankedIds(filter: RankFilter, limit: number, s: Store = store()): Promise<{ id: string }[]> {
  const { hotListFacets, accounts } = s.t;
  const conditions: SQL[] = [sql`${hotListFacets.facet} = ${filter.facet}`, sql`${hotListFacets.kind} = ${filter.kind}`];
  // A literal, not a bound parameter: only then may the partial index of hand-raisers be used.
  if (filter.handRaised) conditions.push(sql`${hotListFacets.handRaised} = ${s.sql.literal(true)}`);
  if (filter.fromMs !== undefined) conditions.push(sql`${hotListFacets.lastAt} >= ${filter.fromMs}`);
  if (filter.toMs !== undefined) conditions.push(sql`${hotListFacets.firstAt} < ${filter.toMs}`);
  if (filter.ownerUserId !== undefined)
    conditions.push(
      sql`exists (select 1 from ${accounts} where ${accounts.id} = ${hotListFacets.entityId} and ${accounts.ownerUserId} = ${filter.ownerUserId})`,
    );
  const index = s.sql.indexedBy(filter.handRaised ? "hot_list_facets_raised_rank" : "hot_list_facets_rank");
  return s.rows(
    sql`select ${hotListFacets.entityId} as id from ${hotListFacets} ${index}
        where ${sql.join(conditions, sql` and `)} order by ${hotListFacets.rankKey} desc limit ${limit}`,
  );
}

const orNothing = (ids: string[]) => (ids.length > 0 ? ids : [""]);

export function accountActivityRows(accountIds: string[], s: Store = store()) {
  const { accountActivity, accounts } = s.t;
  return s.all(
    s.db
      .select({ activity: accountActivity, account: accounts })
      .from(accountActivity)
      .innerJoin(accounts, eq(accounts.id, accountActivity.accountId))
      .where(inArray(accountActivity.accountId, orNothing(accountIds))),
  );
}

export function visitorActivityRows(visitorIds: string[], s: Store = store()) {
  const { visitorActivity, visitors } = s.t;
  return s.all(
    s.db
      .select({ activity: visitorActivity, visitor: visitors })
      .from(visitorActivity)
      .innerJoin(visitors, eq(visitors.id, visitorActivity.visitorId))
      .where(inArray(visitorActivity.visitorId, orNothing(visitorIds))),
  );
}

/** The demos, by slug and title, in gallery order (or by position then slug); no definitions parsed. */
export function demoTitles(order: "title" | "slug" = "title", s: Store = store()): Promise<{ slug: string; title: string }[]> {
  const { demos } = s.t;
  return s.all(
    s.db
      .select({ slug: demos.slug, title: demos.title })
      .from(demos)
      .orderBy(asc(demos.position), order === "title" ? asc(demos.title) : asc(demos.slug)),
  );
}

export function demoDefinitions(s: Store = store()) {
  const { demos } = s.t;
  return s.all(s.db.select({ slug: demos.slug, definition: demos.definition }).from(demos));
}

/** These visitors' sandboxes, oldest first. */
export function sandboxesOfVisitors(visitorIds: string[], s: Store = store()) {
  const { sandboxes } = s.t;
  if (visitorIds.length === 0) return Promise.resolve([]);
  return s.all(
    s.db
      .select({ visitorId: sandboxes.visitorId, demoSlug: sandboxes.demoSlug, personalization: sandboxes.personalization })
      .from(sandboxes)
      .where(inArray(sandboxes.visitorId, visitorIds))
      .orderBy(asc(sandboxes.createdAt)),
  );
}

/**
 * Visitors, newest activity first; bots and headless clients only when asked for. Walks visitors by the
 * last-seen index and reads each one's events through correlated subqueries, so a page costs the same
 * with ten thousand visitors as with ten (npm run bench:insights).
 */
/** `embeddedOnly`: only visitors who started from a demo embedded in another site's page (source.embedded). */
export function visitorsNewestFirst(
  { limit, includeBots, embeddedOnly = false }: { limit: number; includeBots: boolean; embeddedOnly?: boolean },
  s: Store = store(),
) {
  const { visitors, events } = s.t;
  const ofVisitor = sql`${events.visitorId} = ${visitors.id}`;
  const countOf = (type: string) => sql<number>`(select count(*) from ${events} where ${ofVisitor} and ${events.type} = ${type})`;
  const interactions = sql.join(
    interactionTypes.map((type) => sql`${type}`),
    sql`, `,
  );
  // An automated browser that never interacted: it sent events, all marked automated, none a click, action or hand-raise.
  const automatedOnly = sql`(exists (select 1 from ${events} where ${ofVisitor}) and not exists (select 1 from ${events} where ${ofVisitor} and (${events.bot} = ${s.sql.literal(false)} or ${events.type} in (${interactions}))))`;
  return s.all(
    s.db
      .select({
        id: visitors.id,
        firstSeenAt: visitors.createdAt,
        lastSeenAt: visitors.lastSeenAt,
        source: visitors.source,
        browser: visitors.browser,
        os: visitors.os,
        device: visitors.device,
        bot: visitors.bot,
        stepsCompleted: sql<number>`(select count(distinct ${events.demoSlug} || ':' || ${events.stepId}) from ${events} where ${ofVisitor} and ${events.type} = 'step.completed')`,
        sandboxActions: countOf("sandbox.action"),
        handRaises: countOf("handraise"),
      })
      .from(visitors)
      .where(
        and(
          includeBots
            ? eq(visitors.doNotTrack, false)
            : and(eq(visitors.bot, false), eq(visitors.doNotTrack, false), sql`not ${automatedOnly}`),
          embeddedOnly ? sql`${s.sql.jsonText(visitors.source, "embedded")} is not null` : undefined,
        ),
      )
      .orderBy(desc(visitors.lastSeenAt))
      .limit(limit),
  );
}
