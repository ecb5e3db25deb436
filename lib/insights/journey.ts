// A journey: what one visitor, or every person of an account, did, grouped into visits (sessions) and told
// as sentences, with where they came from. Reads one visitor's events by the (visitor, time) index.
import "server-only";
import type { EventRow, Visitor } from "@/db/control/schema";
import {
  accountActivityOf,
  accountRow,
  interactingPeopleOf,
  latestEventsOf,
  shareLinkAccountName,
  visitorActivityOf,
} from "@/db/queries/journeys";
import { copiesJoinedBy } from "@/db/queries/shared-copies";
import { visitorById } from "@/db/queries/visitors";
import { textIn } from "@/lib/demos/locale";
import { personaLabels } from "@/lib/demos/personas";
import { type DemoNames, describeEvent } from "./describe-event";
import { catchUpInsights } from "./fold";
import { perDemoVersion } from "./per-demo-version";
import { decayedScore, type Reason, scoreReasons } from "./score";
import { demosTried, madeForOf } from "./visitors";

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
  /** Companies personalised links made their copies for (a hint, not an identity). */
  madeFor: string[];
  /** Who invited them into a shared copy ("Visitor 1"), if they joined one. */
  invitedBy?: string;
};

/** Demo and step titles of every registered demo, made once per demo version (./per-demo-version.ts). */
async function demoNames(): Promise<DemoNames> {
  const titles = await perDemoVersion("insights.demo-names", (demos) => {
    const made = new Map<string, string>();
    for (const row of demos) {
      const fallback = row.definition.locales?.[0] ?? "en";
      made.set(row.slug, textIn(row.definition.title, fallback, fallback));
      for (const step of row.definition.steps) made.set(`${row.slug}:${step.id}`, textIn(step.title, fallback, fallback));
    }
    return made;
  });
  // A slug holds no ":" (lib/demos/slug.ts), so a demo's key never meets a step's.
  return { demo: (slug) => titles.get(slug), step: (demo, stepId) => titles.get(`${demo}:${stepId}`) };
}

/**
 * Where they came from: utm_* and the referrer's host as stored on arrival (or the page that embedded the demo),
 * and the share link that brought them.
 */
async function sourceOf(visitor: Visitor): Promise<string[]> {
  const parts = Object.entries(visitor.source ?? {}).map(([key, value]) =>
    key === "referrer" ? `referrer ${value}` : key === "embedded" ? `embedded on ${value}` : `${key}=${value}`,
  );
  if (visitor.shareLinkToken) {
    const name = await shareLinkAccountName(visitor.shareLinkToken);
    parts.push(name ? `share link for ${name}` : "a share link");
  }
  return parts;
}

type Loaded = { rows: EventRow[]; truncated: boolean };

async function latestEvents(visitorIds: string[]): Promise<Loaded> {
  if (visitorIds.length === 0) return { rows: [], truncated: false };
  const rows = await latestEventsOf(visitorIds, journeyEventLimit + 1);
  return { rows: rows.slice(0, journeyEventLimit).reverse(), truncated: rows.length > journeyEventLimit };
}

/** Events in time order, cut into visits wherever the session changes. */
function visits(loaded: Loaded, numbers: Map<string, number>, names: DemoNames): JourneyVisit[] {
  const grouped: JourneyVisit[] = [];
  for (const event of loaded.rows) {
    const item: JourneyItem = {
      id: event.id,
      at: event.occurredAt,
      type: event.type,
      text: describeEvent(event, names),
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

/**
 * Who invited each of `list` into a shared copy, as the rep reads them: "Visitor 2" when the inviter is one of
 * the people shown, else their short id; "a colleague" for an inviter who asked not to be tracked.
 */
async function inviters(list: Visitor[]): Promise<Map<string, string>> {
  const numbers = new Map(list.map((visitor, index) => [visitor.id, index + 1]));
  const found = new Map<string, string>();
  for (const joined of await copiesJoinedBy(list.map((visitor) => visitor.id))) {
    const inviter = joined.invitedByVisitorId;
    if (!inviter || found.has(joined.visitorId)) continue;
    const number = numbers.get(inviter);
    const tracked = number !== undefined || (await visitorById(inviter))?.doNotTrack === false;
    found.set(joined.visitorId, !tracked ? "a colleague" : number !== undefined ? `Visitor ${number}` : `Visitor ${inviter.slice(0, 6)}`);
  }
  return found;
}

async function people(list: Visitor[], loaded: Loaded, names: DemoNames): Promise<Person[]> {
  const tried = await demosTried(list.map((visitor) => visitor.id));
  const invited = await inviters(list);
  const locales = new Map<string, Set<string>>();
  for (const event of loaded.rows) {
    const locale = event.props?.locale;
    if (typeof locale === "string" && event.visitorId)
      locales.set(event.visitorId, (locales.get(event.visitorId) ?? new Set()).add(locale));
  }
  const sources = await Promise.all(list.map(sourceOf));
  return list.map((visitor, index) => ({
    number: index + 1,
    visitor,
    client: [visitor.browser, visitor.os, visitor.device].filter(Boolean).join(" · "),
    source: sources[index] ?? [],
    locales: [...(locales.get(visitor.id) ?? [])],
    tried: [...(tried.get(visitor.id)?.entries() ?? [])].map(([demo, { persona }]) => ({
      demo: names.demo(demo) ?? demo,
      persona: persona ? personaLabels[persona] : undefined,
    })),
    madeFor: madeForOf(tried.get(visitor.id)),
    invitedBy: invited.get(visitor.id),
  }));
}

export type Score = { score: number; reasons: Reason[] };

export async function visitorScore(visitorId: string, now = Date.now()): Promise<Score | undefined> {
  const row = await visitorActivityOf(visitorId);
  return row ? { score: decayedScore(row.rawScore, row.lastAt.getTime(), now), reasons: scoreReasons(row) } : undefined;
}

/** One visitor's journey; undefined for an unknown visitor and for one who asked not to be tracked (no oracle). */
export async function visitorJourney(visitorId: string) {
  const visitor = await visitorById(visitorId);
  if (!visitor || visitor.doNotTrack) return undefined;
  await catchUpInsights({});
  const loaded = await latestEvents([visitorId]);
  const names = await demoNames();
  const [person] = await people([visitor], loaded, names);
  const account = visitor.accountId ? await accountRow(visitor.accountId) : undefined;
  return {
    visitor,
    person,
    account,
    score: await visitorScore(visitorId),
    visits: visits(loaded, new Map(), names),
    truncated: loaded.truncated,
  };
}

/** Every person of an account, numbered as they appeared (visitor 1, 2, 3 …), their events interleaved. */
export async function accountJourney(accountId: string) {
  const account = await accountRow(accountId);
  if (!account) return undefined;
  await catchUpInsights({});
  // Only people who interacted: a mail scanner's opening is not one of the buying committee.
  const list = await interactingPeopleOf(accountId);
  const loaded = await latestEvents(list.map((visitor) => visitor.id));
  const names = await demoNames();
  const found = await people(list, loaded, names);
  return {
    account,
    people: found,
    visits: visits(loaded, new Map(found.map((person) => [person.visitor.id, person.number])), names),
    truncated: loaded.truncated,
  };
}

/** An account's score and reasons (the account page mounts components/sales/AccountScore.tsx on this). */
export async function accountScore(accountId: string, now = Date.now()): Promise<(Score & { people: number }) | undefined> {
  await catchUpInsights({});
  const row = await accountActivityOf(accountId);
  if (!row || row.people === 0) return undefined;
  return {
    score: decayedScore(row.rawScore, row.lastAt.getTime(), now),
    reasons: scoreReasons({ ...row, colleagues: row.people - 1 }),
    people: row.people,
  };
}
