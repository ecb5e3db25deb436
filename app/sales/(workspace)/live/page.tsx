// Live now: who is in a demo at this moment. Updates itself from the team's live stream, no polling.
import Link from "next/link";
import { formatWhen, madeForText } from "@/components/sales/format";
import { LiveRefresh } from "@/components/sales/LiveRefresh";
import { ScrollRegion } from "@/components/sales/ScrollRegion";
import { requireRole } from "@/lib/auth/team-session";
import { demoChoices } from "@/lib/insights/hot-list";
import { liveNow } from "@/lib/live/live-now";
import "@/components/conversation/conversation.css";

export const dynamic = "force-dynamic";

export default async function LiveNowPage() {
  await requireRole("sales", { next: "/sales/live" });
  const visitors = await liveNow();
  const demoTitle = new Map((await demoChoices()).map((demo) => [demo.slug, demo.title]));
  return (
    <>
      <h1>Live now</h1>
      <p className="muted">People active in a demo in the last two minutes. This page updates by itself.</p>
      <LiveRefresh on={["activity", "handraise", "conversation.message", "conversation.updated"]} />
      {visitors.length === 0 ? (
        <p className="card empty">Nobody is in a demo right now.</p>
      ) : (
        <ScrollRegion label="Visitors active now">
          <table className="visitors-table" data-testid="live-now">
            <caption className="visually-hidden">Visitors active in the last two minutes</caption>
            <thead>
              <tr>
                <th scope="col">Visitor</th>
                <th scope="col">Demo</th>
                <th scope="col">Tour step</th>
                <th scope="col">Role</th>
                <th scope="col">Locale</th>
                <th scope="col">Account or source</th>
                <th scope="col">Device</th>
                <th scope="col">Built in the sandbox</th>
                <th scope="col">Last active</th>
                <th scope="col">Conversation</th>
              </tr>
            </thead>
            <tbody>
              {visitors.map((visitor) => (
                <tr key={visitor.visitorId} data-visitor={visitor.visitorId}>
                  <td>
                    <Link href={`/sales/visitors/${visitor.visitorId}`}>{visitor.visitorId.slice(0, 8)}</Link>
                    {visitor.madeFor ? (
                      <span className="muted" data-testid="made-for">
                        {" "}
                        · {madeForText([visitor.madeFor])}
                      </span>
                    ) : null}
                    {visitor.handRaised ? <strong className="hand-raised"> · raised a hand</strong> : null}
                  </td>
                  <td>{visitor.demo ? (demoTitle.get(visitor.demo) ?? visitor.demo) : "—"}</td>
                  <td>{visitor.step ?? "—"}</td>
                  <td>{visitor.persona ?? "—"}</td>
                  <td>{visitor.locale ?? "—"}</td>
                  <td>
                    {visitor.account ? (
                      <Link href={`/sales/accounts/${visitor.account.id}`}>{visitor.account.name}</Link>
                    ) : visitor.source ? (
                      Object.entries(visitor.source)
                        .map(([key, value]) => `${key}: ${value}`)
                        .join(", ")
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{visitor.device ?? "—"}</td>
                  <td data-testid="live-built">
                    {visitor.built.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="live-built">
                        {visitor.built.map((sentence, index) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: sentences repeat; their order is their identity
                          <li key={index}>{sentence}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{formatWhen(new Date(visitor.lastAt))}</td>
                  <td>{visitor.conversationId ? <Link href={`/sales/conversations?c=${visitor.conversationId}`}>Open</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
