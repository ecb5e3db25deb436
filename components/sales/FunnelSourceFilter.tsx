// The funnel's source filter as a plain GET form — `?source=` holds it (bookmarkable), no client state, no
// JavaScript — and what the page says about it. The choices: everyone, direct visits, embeds on any site, each embedding site.
import Link from "next/link";
import { directSource, type SourceFilter, sourceParam } from "@/lib/insights/funnel-sources";

type Props = {
  /** The page the form reloads with `?source=`. */
  action: string;
  /** Every source the demo's visitors came from ("" is direct). */
  sources: string[];
  filter: SourceFilter;
};

export function FunnelSourceFilter({ action, sources, filter }: Props) {
  const hosts = sources.filter((source) => source !== directSource);
  // A bookmarked host with no visitors yet stays chosen, so the page says what it shows.
  if (filter.kind === "host" && !hosts.includes(filter.host)) hosts.push(filter.host);
  return (
    <form method="get" action={action} className="filters card" aria-label="Filter the funnel by source" data-testid="source-filter">
      <label>
        Visitors from
        <select name="source" defaultValue={sourceParam(filter)}>
          <option value="">Everywhere</option>
          <option value="direct">Direct visits</option>
          <option value="embedded">Embeds on any site</option>
          {hosts.map((host) => (
            <option key={host} value={host}>
              Embedded on {host}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Show</button>
    </form>
  );
}

/** What the page says about the filter: a `?source=` it could not read, or a site no visitor has come from yet. */
export function FunnelSourceNotices({ error, filter, sources, clearHref }: { error?: string; clearHref: string } & Omit<Props, "action">) {
  if (error) {
    return (
      <div className="card notice" role="alert" data-testid="source-error">
        <p>
          {error} The funnel below counts all visitors. <Link href={clearHref}>Clear the filter</Link>
        </p>
      </div>
    );
  }
  if (filter.kind === "host" && !sources.includes(filter.host)) {
    return (
      <p className="notice" data-testid="source-empty">
        No visitor of this demo has come from an embed on {filter.host} yet. <Link href={clearHref}>Show all visitors</Link>
      </p>
    );
  }
  return null;
}
