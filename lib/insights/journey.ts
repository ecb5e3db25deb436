// A journey: what one visitor, or every person of an account, did, grouped into visits (sessions) and told
// as sentences, with where they came from. Reads one visitor's events by the (visitor, time) index.
import "server-only";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { accountActivity, accounts, demos, events, shareLinks, type Visitor, visitorActivity, visitors } from "@/db/control/schema";
import { textIn } from "@/lib/demos/locale";
import { personaLabels } from "@/lib/demos/personas";
import { runtime } from "@/lib/runtime/runtime";
import { describeEvent } from "./describe-event";
import { catchUpInsights } from "./fold";
import { decayedScore, type Reason, scoreReasons } from "./score";
import { demosTried } from "./visitors";

/** A long-lived account can have thousands of events; a page shows the latest this many, and says so. */
export const journeyEventLimit = 1_000;

export type JourneyItem = { id: string; at: Date; type: string; text: string; person?: number };
export type JourneyVisit = { sessionId: string | null; startedAt: Date; endedAt: Date; items: JourneyItem[] };
export type Person = {
  number: number;
  visitor: Visitor;
  client: string;
  source: string[];
  locales: string[];
  tried: { demo: string; persona?: string }[];
};

type StepTitles = (demo: string, stepId: string) => string | undefined;

/**
 * Step titles of every registered demo. Parsing each definition on every journey cost more than the journey's
 * query, so they are kept per process and made again only when a demo's source hash changes.
 */
function stepTitles(db: ControlDb): StepTitles {
  const version = db
    .select({ slug: demos.slug, hash: demos.sourceHash })
    .from(demos)
    .all()
    .map((row) => `${row.slug}@${row.hash}`)
    .join(" ");
  const cache = runtime().shared("insights.step-titles", () => ({ version: "", titles: new Map<string, string>() }));
  if (cache.version !== version || cache.titles.size === 0) {
    const titles = new Map<string, string>();
    for (const row of db.select({ slug: demos.slug, definition: demos.definition }).from(demos).all()) {
      const fallback = row.definition.locales?.[0] ?? "en";
      for (const step of row.definition.steps) titles.set(`${row.slug}:${step.id}`, textIn(step.title, fallback, fallback));
    }
    cache.version = version;
    cache.titles = titles;
  }
  const { titles } = cache;
  return (demo, stepId) => titles.get(`${demo}:${stepId}`);
}

/** Where they came from: utm_* and the referrer's host as stored on arrival, and the share link that brought them. */
function sourceOf(visitor: Visitor, db: ControlDb): string[] {
  const parts = Object.entries(visitor.source ?? {}).map(([key, value]) => (key === "referrer" ? `referrer ${value}` : `${key}=${value}`));
  if (visitor.shareLinkToken) {
    const link = db
      .select({ name: accounts.name })
      .from(shareLinks)
      .innerJoin(accounts, eq(accounts.id, shareLinks.accountId))
      .where(eq(shareLinks.token, visitor.shareLinkToken))
      .get();
    parts.push(link ? `share link for ${link.name}` : "a share link");
  }
  return parts;
}

type Loaded = { rows: (typeof events.$inferSelect)[]; truncated: boolean };

function latestEvents(visitorIds: string[], db: ControlDb): Loaded {
  if (visitorIds.length === 0) return { rows: [], truncated: false };
  const rows = db
    .select()
    .from(events)
    .where(visitorIds.length === 1 ? eq(events.visitorId, visitorIds[0] ?? "") : inArray(events.visitorId, visitorIds))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(journeyEventLimit + 1)
    .all();
  return { rows: rows.slice(0, journeyEventLimit).reverse(), truncated: rows.length > journeyEventLimit };
}

/** Events in time order, cut into visits wherever the session changes. */
function visits(loaded: Loaded, numbers: Map<string, number>, titles: StepTitles): JourneyVisit[] {
  const grouped: JourneyVisit[] = [];
  for (const event of loaded.rows) {
    const item: JourneyItem = {
      id: event.id,
      at: event.occurredAt,
      type: event.type,
      text: describeEvent(event, titles),
      person: numbers.get(event.visitorId ?? ""),
    };
    const last = grouped.at(-1);
    if (last && last.sessionId === event.sessionId) {
      last.items.push(item);
      last.endedAt = event.occurredAt;
    } else grouped.push({ sessionId: event.sessionId, startedAt: event.occurredAt, endedAt: event.occurredAt, items: [item] });
  }
  return grouped;
}

function people(list: Visitor[], loaded: Loaded, db: ControlDb): Person[] {
  const tried = demosTried(
    list.map((visitor) => visitor.id),
    db,
  );
  const locales = new Map<string, Set<string>>();
  for (const event of loaded.rows) {
    const locale = event.props?.locale;
    if (typeof locale === "string" && event.visitorId)
      locales.set(event.visitorId, (locales.get(event.visitorId) ?? new Set()).add(locale));
  }
  return list.map((visitor, index) => ({
    number: index + 1,
    visitor,
    client: [visitor.browser, visitor.os, visitor.device].filter(Boolean).join(" · "),
    source: sourceOf(visitor, db),
    locales: [...(locales.get(visitor.id) ?? [])],
    tried: [...(tried.get(visitor.id)?.entries() ?? [])].map(([demo, { persona }]) => ({
      demo,
      persona: persona ? personaLabels[persona] : undefined,
    })),
  }));
}

export type Score = { score: number; reasons: Reason[] };

export function visitorScore(visitorId: string, db: ControlDb = controlDb(), now = Date.now()): Score | undefined {
  const row = db.select().from(visitorActivity).where(eq(visitorActivity.visitorId, visitorId)).get();
  return row ? { score: decayedScore(row.rawScore, row.lastAt.getTime(), now), reasons: scoreReasons(row) } : undefined;
}

/** One visitor's journey; undefined for an unknown visitor and for one who asked not to be tracked (no oracle). */
export function visitorJourney(visitorId: string, db: ControlDb = controlDb()) {
  const visitor = db.select().from(visitors).where(eq(visitors.id, visitorId)).get();
  if (!visitor || visitor.doNotTrack) return undefined;
  catchUpInsights({}, db);
  const loaded = latestEvents([visitorId], db);
  const [person] = people([visitor], loaded, db);
  const account = visitor.accountId ? db.select().from(accounts).where(eq(accounts.id, visitor.accountId)).get() : undefined;
  return {
    visitor,
    person,
    account,
    score: visitorScore(visitorId, db),
    visits: visits(loaded, new Map(), stepTitles(db)),
    truncated: loaded.truncated,
  };
}

/** Every person of an account, numbered as they appeared (visitor 1, 2, 3 …), their events interleaved. */
export function accountJourney(accountId: string, db: ControlDb = controlDb()) {
  const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!account) return undefined;
  catchUpInsights({}, db);
  // Only people who interacted: a mail scanner's opening is not one of the buying committee.
  const list = db
    .select({ visitor: visitors })
    .from(visitors)
    .innerJoin(visitorActivity, eq(visitorActivity.visitorId, visitors.id))
    .where(
      and(eq(visitors.accountId, accountId), eq(visitors.doNotTrack, false), eq(visitors.bot, false), gt(visitorActivity.interactions, 0)),
    )
    .orderBy(asc(visitors.createdAt))
    .all()
    .map((row) => row.visitor);
  const loaded = latestEvents(
    list.map((visitor) => visitor.id),
    db,
  );
  const found = people(list, loaded, db);
  return {
    account,
    people: found,
    visits: visits(loaded, new Map(found.map((person) => [person.visitor.id, person.number])), stepTitles(db)),
    truncated: loaded.truncated,
  };
}

/** An account's score and reasons (the account page mounts components/sales/AccountScore.tsx on this). */
export function accountScore(accountId: string, db: ControlDb = controlDb(), now = Date.now()): (Score & { people: number }) | undefined {
  catchUpInsights({}, db);
  const row = db.select().from(accountActivity).where(eq(accountActivity.accountId, accountId)).get();
  if (!row || row.people === 0) return undefined;
  return {
    score: decayedScore(row.rawScore, row.lastAt.getTime(), now),
    reasons: scoreReasons({ ...row, colleagues: row.people - 1 }),
    people: row.people,
  };
}
