// The hot list, the page a rep opens every morning: accounts and anonymous visitors ranked by a score that
// shows its reasons. Filters live in the URL.

import Link from "next/link";
import { formatWhen, madeForText } from "@/components/sales/format";
import { HotListFilterForm } from "@/components/sales/HotListFilterForm";
import { LiveRefresh } from "@/components/sales/LiveRefresh";
import { ScoreReasons } from "@/components/sales/ScoreReasons";
import { ScrollRegion } from "@/components/sales/ScrollRegion";
import { requireTeamMember } from "@/lib/auth/team-session";
import { demoChoices, hotList } from "@/lib/insights/hot-list";
import { filtersQuery, parseHotListFilters } from "@/lib/insights/hot-list-filters";
import { searchParamsOf } from "@/lib/insights/search-params";

export default async function HotListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireTeamMember({ next: "/sales" });
  const parsed = parseHotListFilters(searchParamsOf(await searchParams));
  // Two independent reads, together: on PostgreSQL each waits for its round trips.
  const [result, demos] = await Promise.all([parsed.ok ? hotList(parsed.filters, { userId: user.id }) : parsed, demoChoices()]);
  const demoTitle = new Map(demos.map((demo) => [demo.slug, demo.title]));
  const query = parsed.ok ? filtersQuery(parsed.filters) : "";
  return (
    <>
      <h1>Hot list</h1>
      {/* A hand-raise or a new conversation re-ranks the list within seconds, without polling. */}
      <LiveRefresh on={["handraise", "conversation.message"]} />
      <p className="muted">
        Accounts and anonymous visitors ranked by what they did in their demo — nobody filled in a form. Scores halve after a week of
        silence. <Link href="/sales/visitors">Every visitor, newest first</Link>
      </p>
      <HotListFilterForm filters={parsed.ok ? parsed.filters : {}} demos={demos} />
      {!result.ok ? (
        <div className="card notice" role="alert" data-testid="filter-error">
          <p>
            These filters could not be applied — {result.error}. <Link href="/sales">Clear the filters</Link>
          </p>
        </div>
      ) : (
        <>
          {result.list.pending > 0 ? (
            <p className="notice">{result.list.pending.toLocaleString("en")} recent events are still being counted; reload in a moment.</p>
          ) : null}
          <p>
            Download as CSV: <a href="/api/sales/export/accounts.csv">accounts</a> · <a href="/api/sales/export/visitors.csv">visitors</a>
            {" · "}
            <a href={`/api/sales/hot-list${query}`}>this list as JSON</a>
          </p>
          {result.list.entries.length === 0 ? (
            <p className="card empty">Nobody matches yet. Share a “Try it” link, or widen the filters.</p>
          ) : (
            <ScrollRegion label="Hot list">
              <table className="visitors-table hot-table">
                <caption className="visually-hidden">Accounts and visitors, highest score first</caption>
                <thead>
                  <tr>
                    <th scope="col">Who</th>
                    <th scope="col">Score and why</th>
                    <th scope="col">Last active</th>
                    <th scope="col">Hand raised</th>
                  </tr>
                </thead>
                <tbody>
                  {result.list.entries.map((entry) => (
                    <tr key={`${entry.kind}-${entry.id}`} data-testid="hot-row" data-kind={entry.kind}>
                      <td>
                        {entry.kind === "account" ? (
                          <>
                            <Link href={`/sales/accounts/${entry.id}`}>{entry.name}</Link>
                            <div className="muted visitor-client">
                              {entry.people} {entry.people === 1 ? "person" : "people"}
                              {entry.domain ? ` · ${entry.domain}` : ""} · <Link href={`/sales/accounts/${entry.id}/journey`}>journey</Link>
                            </div>
                          </>
                        ) : (
                          <>
                            <Link href={`/sales/visitors/${entry.id}`}>Visitor {entry.id.slice(0, 6)}</Link>
                            {entry.madeFor.length > 0 ? (
                              <span className="muted" data-testid="made-for">
                                {" "}
                                · {madeForText(entry.madeFor)}
                              </span>
                            ) : null}
                            {entry.source?.referrer ? <span className="muted"> via {entry.source.referrer}</span> : null}
                            <div className="muted visitor-client">
                              {[
                                entry.client,
                                entry.demos.map((slug) => demoTitle.get(slug) ?? slug).join(", "),
                                entry.personas.length ? `as ${entry.personas.join(", ")}` : "",
                              ]
                                .filter(Boolean)
                                .join(" · ")}
                            </div>
                          </>
                        )}
                      </td>
                      <td className="reasons-cell">
                        <ScoreReasons score={entry.score} reasons={entry.reasons} />
                      </td>
                      <td>{formatWhen(entry.lastAt)}</td>
                      <td data-testid="handraise">{entry.handRaised ? <strong className="hand-raised">Yes</strong> : "No"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
    </>
  );
}
