// Keeps hot_list_facets (db/control/schema.ts) in step with the aggregates: an entry's rows are rewritten
// whenever the fold rewrites its aggregate, one row per filter it matches, so the hot list walks one index
// range per filter combination instead of every ranked person. Migration 0009 applies the same rules in SQL.
import "server-only";
import type Database from "better-sqlite3";
import { runtime } from "@/lib/runtime/runtime";

/** The facet a set of filters reads: "" for no demo or persona filter. */
export function facetFor(filters: { demo?: string; persona?: string }): string {
  if (filters.demo && filters.persona) return `demo:${filters.demo}+persona:${filters.persona}`;
  if (filters.demo) return `demo:${filters.demo}`;
  if (filters.persona) return `persona:${filters.persona}`;
  return "";
}

type Tried = { demo: string; persona: string | null };
export type FacetEntry = { kind: "account" | "visitor"; id: string; rankKey: number; handRaised: boolean; firstAt: number; lastAt: number };

function prepare(sqlite: Database.Database) {
  return {
    clear: sqlite.prepare<[string, string]>("delete from hot_list_facets where kind = ? and entity_id = ?"),
    insert: sqlite.prepare<[string, string, string, number, number, number, number]>(
      `insert or ignore into hot_list_facets (facet, kind, entity_id, rank_key, hand_raised, first_at, last_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    // The same persona the hot list's filter meant before: what the sandbox's personalization says.
    visitorTried: sqlite.prepare<[string], Tried>(
      `select distinct demo_slug as demo, json_extract(personalization, '$.persona') as persona from sandboxes where visitor_id = ?`,
    ),
    accountTried: sqlite.prepare<[string], Tried>(
      `select distinct s.demo_slug as demo, json_extract(s.personalization, '$.persona') as persona
       from visitors v join sandboxes s on s.visitor_id = v.id where v.account_id = ?`,
    ),
    // Who the list shows among anonymous visitors: not in an account, not automated, not asking to be left out.
    visitorListable: sqlite.prepare<[string], { listable: number }>(
      "select account_id is null and bot = 0 and do_not_track = 0 as listable from visitors where id = ?",
    ),
  };
}

type Statements = ReturnType<typeof prepare>;

function statementsFor(sqlite: Database.Database): Statements {
  const cache = runtime().shared("insights.facets", () => new WeakMap<Database.Database, Statements>());
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    cache.set(sqlite, statements);
  }
  return statements;
}

function facetsOf(tried: Tried[]): Set<string> {
  const facets = new Set([""]);
  for (const { demo, persona } of tried) {
    facets.add(facetFor({ demo }));
    if (persona) {
      facets.add(facetFor({ persona }));
      facets.add(facetFor({ demo, persona }));
    }
  }
  return facets;
}

function write(statements: Statements, entry: FacetEntry, tried: Tried[]): void {
  for (const facet of facetsOf(tried))
    statements.insert.run(facet, entry.kind, entry.id, entry.rankKey, entry.handRaised ? 1 : 0, entry.firstAt, entry.lastAt);
}

/**
 * Rewrites a visitor's rows: none unless the list shows them (`isPerson`: they did something a person does).
 * Returns whether it does.
 */
export function refreshVisitorFacets(sqlite: Database.Database, entry: Omit<FacetEntry, "kind">, isPerson: boolean): boolean {
  const statements = statementsFor(sqlite);
  statements.clear.run("visitor", entry.id);
  if (!isPerson || statements.visitorListable.get(entry.id)?.listable !== 1) return false;
  write(statements, { ...entry, kind: "visitor" }, statements.visitorTried.all(entry.id));
  return true;
}

/** Rewrites an account's rows: none while it has no people; its facets are every demo and persona its visitors tried. */
export function refreshAccountFacets(sqlite: Database.Database, entry: Omit<FacetEntry, "kind">, people: number): void {
  const statements = statementsFor(sqlite);
  statements.clear.run("account", entry.id);
  if (people <= 0) return;
  write(statements, { ...entry, kind: "account" }, statements.accountTried.all(entry.id));
}
