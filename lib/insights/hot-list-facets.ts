// Keeps hot_list_facets (db/control/schema.ts) in step with the aggregates: an entry's rows are rewritten
// whenever the fold rewrites its aggregate, one row per filter it matches, so the hot list walks one index
// range per filter combination instead of every ranked person. Migration 0009 applies the same rules in SQL.
import "server-only";
import { deleteFacetRows, type FacetRow, insertFacetRows, type Tried } from "@/db/queries/insights";
import type { Store } from "@/db/store";

/** The facet a set of filters reads: "" for no demo or persona filter. */
export function facetFor(filters: { demo?: string; persona?: string }): string {
  if (filters.demo && filters.persona) return `demo:${filters.demo}+persona:${filters.persona}`;
  if (filters.demo) return `demo:${filters.demo}`;
  if (filters.persona) return `persona:${filters.persona}`;
  return "";
}

export type FacetEntry = { kind: "account" | "visitor"; id: string; rankKey: number; handRaised: boolean; firstAt: number; lastAt: number };

function facetsOf(tried: Pick<Tried, "demo" | "persona">[]): Set<string> {
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

function rowsOf(entry: FacetEntry, tried: Pick<Tried, "demo" | "persona">[]): FacetRow[] {
  return [...facetsOf(tried)].map((facet) => ({
    facet,
    kind: entry.kind,
    entityId: entry.id,
    rankKey: entry.rankKey,
    handRaised: entry.handRaised,
    firstAt: new Date(entry.firstAt),
    lastAt: new Date(entry.lastAt),
  }));
}

/**
 * Rewrites entries' rows: each listed entry gets one row per facet its demos and personas give (`tried`, by the
 * entry's id); every other entry of the same kind in `entries` gets none. One delete and one insert for all.
 */
export async function rewriteFacets(
  kind: FacetEntry["kind"],
  entries: { entry: FacetEntry; listed: boolean }[],
  tried: Tried[],
  tx: Store,
): Promise<void> {
  if (entries.length === 0) return;
  await deleteFacetRows(
    kind,
    entries.map(({ entry }) => entry.id),
    tx,
  );
  const byOwner = new Map<string, Tried[]>();
  for (const row of tried) byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), row]);
  const rows = entries.flatMap(({ entry, listed }) => (listed ? rowsOf(entry, byOwner.get(entry.id) ?? []) : []));
  await insertFacetRows(rows, tx);
}

/**
 * People who just became part of a group (a shared copy's committee) leave the hot list's anonymous rows at once:
 * the fold rewrites a visitor's rows only when it folds an event of theirs, and an owner who only shared the link
 * may do nothing more. The group's own row is the fold's, from the next event of any of its people.
 */
export async function unlistVisitors(visitorIds: string[], tx: Store): Promise<void> {
  await deleteFacetRows("visitor", visitorIds, tx);
}
