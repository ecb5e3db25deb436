// Who explored what: every visitor, newest activity first.
import Link from "next/link";
import { formatWhen } from "@/components/sales/format";
import { requireTeamMember } from "@/lib/auth/team-session";
import { demoChoices } from "@/lib/insights/hot-list";
import { listVisitors } from "@/lib/insights/visitors";

export default async function VisitorsPage({ searchParams }: { searchParams: Promise<{ bots?: string; embedded?: string }> }) {
  await requireTeamMember({ next: "/sales/visitors" });
  const query = await searchParams;
  const includeBots = query.bots === "1";
  // Only those who came through a demo embedded in another site's page (their source names that page).
  const embedded = query.embedded === "1";
  const visitors = await listVisitors({ includeBots, embedded });
  const demoTitle = new Map((await demoChoices()).map((demo) => [demo.slug, demo.title]));
  return (
    <>
      <h1>Visitors</h1>
      <p className="muted">
        Everything here comes from what people did in their demo — nobody filled in a form.{" "}
        {includeBots ? (
          <Link href="/sales/visitors">Hide bots and headless browsers</Link>
        ) : (
          <Link href="/sales/visitors?bots=1">Show bots and headless browsers</Link>
        )}{" "}
        ·{" "}
        {embedded ? (
          <Link href="/sales/visitors">All visitors</Link>
        ) : (
          <Link href="/sales/visitors?embedded=1">Only visitors from embedded demos</Link>
        )}
      </p>
      {visitors.length === 0 ? (
        <p className="card empty">No one has tried a demo yet. Share a “Try it” link and they will show up here.</p>
      ) : (
        <div className="table-wrap card">
          <table className="visitors-table">
            <caption className="visually-hidden">Visitors, newest activity first</caption>
            <thead>
              <tr>
                <th scope="col">Visitor</th>
                <th scope="col">Demo</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
                <th scope="col">Tour steps</th>
                <th scope="col">Sandbox actions</th>
                <th scope="col">Hand raised</th>
              </tr>
            </thead>
            <tbody>
              {visitors.map((visitor) => (
                <tr key={visitor.id} data-testid="visitor-row">
                  <td>
                    <Link href={`/sales/visitors/${visitor.id}`}>Visitor {visitor.id.slice(0, 6)}</Link>
                    {visitor.bot ? <span className="bot-badge"> bot</span> : null}
                    {visitor.source?.referrer ? <span className="muted"> via {visitor.source.referrer}</span> : null}
                    {visitor.source?.embedded ? (
                      <div className="muted" data-testid="embedded-on">
                        embedded on {visitor.source.embedded}
                      </div>
                    ) : null}
                    {visitor.client ? <div className="muted visitor-client">{visitor.client}</div> : null}
                  </td>
                  <td>
                    {visitor.demos.map((slug) => demoTitle.get(slug) ?? slug).join(", ") || "—"}
                    {visitor.personas.length > 0 ? (
                      <div className="muted visitor-persona" data-testid="persona">
                        as {visitor.personas.join(", ")}
                      </div>
                    ) : null}
                  </td>
                  <td>{formatWhen(visitor.firstSeenAt)}</td>
                  <td>{formatWhen(visitor.lastSeenAt)}</td>
                  <td data-testid="steps">
                    {visitor.stepsCompleted} of {visitor.stepsTotal}
                  </td>
                  <td data-testid="actions">{visitor.sandboxActions}</td>
                  <td data-testid="handraise">{visitor.handRaised ? <strong className="hand-raised">Yes</strong> : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
