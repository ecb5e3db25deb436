// One visitor's journey, as a timeline of what they did.
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatExact, formatWhen } from "@/components/sales/format";
import { requireTeamMember } from "@/lib/auth/team-session";
import { describeEvent } from "@/lib/insights/describe-event";
import { visitorJourney } from "@/lib/insights/visitors";
import { isWellFormedId } from "@/lib/sandbox/ids";

export default async function VisitorPage({ params }: { params: Promise<{ visitor: string }> }) {
  const { visitor: visitorId } = await params;
  await requireTeamMember({ next: `/sales/visitors/${encodeURIComponent(visitorId)}` });
  const journey = isWellFormedId(visitorId) ? visitorJourney(visitorId) : undefined;
  if (!journey) notFound();
  const { visitor, timeline, tried } = journey;
  return (
    <>
      <p>
        <Link href="/sales">← All visitors</Link>
      </p>
      <h1>Visitor {visitor.id.slice(0, 6)}</h1>
      <p className="muted">
        First seen {formatWhen(visitor.createdAt)} · last seen {formatWhen(visitor.lastSeenAt)}
        {visitor.source ? ` · arrived from ${Object.values(visitor.source).join(", ")}` : ""}
      </p>
      {tried.length > 0 ? (
        <p data-testid="tried">Tried {tried.map(({ demo, persona }) => (persona ? `${demo} as ${persona}` : demo)).join(", ")}</p>
      ) : null}
      <h2>Journey</h2>
      {timeline.length === 0 ? <p className="muted">No activity recorded yet.</p> : null}
      <ol className="timeline" aria-label="Journey">
        {timeline.map((event) => (
          <li
            key={event.id}
            className={`timeline-item type-${event.type.replace(".", "-")}`}
            data-testid="journey-event"
            data-type={event.type}
          >
            <time dateTime={event.occurredAt.toISOString()}>{formatExact(event.occurredAt)}</time>
            <span>{describeEvent(event)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
