// Where a funnel's visitors came from (issue #21): straight to this app, or through a demo embedded in another
// site's page. funnel_counts keeps it per row as "" (direct) or the host of the embedding page, read off the
// visitor's stored source.embedded (that page's origin and path, lib/embed/embed-arrival.ts) — a host, not the
// page, so a site's pages add up and the table stays a few rows per demo. The funnel pages' `?source=` filter
// is parsed here too.
import { hasControlCharacter } from "@/lib/text/control-characters";

/** A direct visit: the source column's value when the visitor did not start from an embed. */
export const directSource = "";

/** The funnel source of a visitor whose stored source.embedded is `embeddedPage` (absent: a direct visit). */
export function funnelSourceOf(embeddedPage: string | null | undefined): string {
  if (!embeddedPage) return directSource;
  // The embed stores only addresses it parsed as http(s) URLs; anything else is kept as it is, not guessed at.
  return URL.canParse(embeddedPage) ? new URL(embeddedPage).host : embeddedPage;
}

export const sourceLabel = (source: string) => (source === directSource ? "Direct" : `Embedded on ${source}`);

export type SourceFilter = { kind: "all" } | { kind: "direct" } | { kind: "embedded" } | { kind: "host"; host: string };

export const allSources: SourceFilter = { kind: "all" };

export function matchesSource(filter: SourceFilter, source: string): boolean {
  switch (filter.kind) {
    case "all":
      return true;
    case "direct":
      return source === directSource;
    case "embedded":
      return source !== directSource;
    case "host":
      return source === filter.host;
  }
}

/** The `source` query value for a filter ("" for all visitors: no parameter). */
export function sourceParam(filter: SourceFilter): string {
  return filter.kind === "host" ? filter.host : filter.kind === "all" ? "" : filter.kind;
}

/** What the filter shows, for headings and captions: "all visitors", "direct visitors", … */
export function describeSource(filter: SourceFilter): string {
  switch (filter.kind) {
    case "all":
      return "all visitors";
    case "direct":
      return "direct visitors";
    case "embedded":
      return "visitors from embeds on any site";
    case "host":
      return `visitors from embeds on ${filter.host}`;
  }
}

const maxHostLength = 300;

/**
 * `?source=` as a link or a bookmark carries it: absent or empty is everyone, `direct`, `embedded` (any site),
 * or a host as the funnel shows it (`www.example.com`, with its port when not the default). Anything else is
 * refused with the sentence the page shows, and the page falls back to everyone. The first of repeated
 * values wins, as URLSearchParams.get does.
 */
export function parseSourceFilter(value: string | string[] | undefined): { filter: SourceFilter; error?: string } {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === "") return { filter: allSources };
  if (raw === "direct" || raw === "embedded") return { filter: { kind: raw } };
  const refused = {
    filter: allSources,
    error: "The source to filter by must be direct, embedded, or the host of a site that embeds the demo, like www.example.com.",
  };
  if (raw.length > maxHostLength || hasControlCharacter(raw) || !URL.canParse(`http://${raw}/`)) return refused;
  // Only a bare host (and port) reads back as itself: a path, a user or a query does not.
  const host = new URL(`http://${raw}/`).host;
  return host === raw.toLowerCase() ? { filter: { kind: "host", host } } : refused;
}
