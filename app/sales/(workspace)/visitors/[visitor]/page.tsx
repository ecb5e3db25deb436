// One visitor's journey: where they came from, their score and why, and each visit as a timeline.
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatWhen, madeForText } from "@/components/sales/format";
import { JourneyVisits } from "@/components/sales/JourneyVisits";
import { ScoreReasons } from "@/components/sales/ScoreReasons";
import { requireTeamMember } from "@/lib/auth/team-session";
import { visitorJourney } from "@/lib/insights/journey";
import { isWellFormedId } from "@/lib/sandbox/ids";

export default async function VisitorPage({ params }: { params: Promise<{ visitor: string }> }) {
  const { visitor: visitorId } = await params;
  await requireTeamMember({ next: `/sales/visitors/${encodeURIComponent(visitorId)}` });
  const journey = isWellFormedId(visitorId) ? await visitorJourney(visitorId) : undefined;
  if (!journey) notFound();
  const { visitor, person, account, score, visits, truncated } = journey;
  return (
    <>
      <p>
        <Link href="/sales">← Hot list</Link>
      </p>
      <h1>Visitor {visitor.id.slice(0, 6)}</h1>
      <p className="muted">
        First seen {formatWhen(visitor.createdAt)} · last seen {formatWhen(visitor.lastSeenAt)}
        {visitor.source ? ` · arrived from ${Object.values(visitor.source).join(", ")}` : ""}
        {visitor.doNotTrack ? null : (
          <>
            {" · "}
            <Link href={`/sales/visitors/${encodeURIComponent(visitor.id)}/sandbox`}>See their sandbox as it is now (read-only)</Link>
          </>
        )}
      </p>
      <dl className="facts card" data-testid="visitor-facts">
        <dt>Score</dt>
        <dd>{score ? <ScoreReasons score={score.score} reasons={score.reasons} /> : "not scored yet"}</dd>
        {account ? (
          <>
            <dt>Account</dt>
            <dd>
              <Link href={`/sales/accounts/${account.id}`}>{account.name}</Link>
            </dd>
          </>
        ) : null}
        {person?.madeFor.length ? (
          <>
            <dt>Made for</dt>
            <dd data-testid="made-for">{madeForText(person.madeFor)} (a personalised link: a hint, not who they are)</dd>
          </>
        ) : null}
        {person?.invitedBy ? (
          <>
            <dt>Shared copy</dt>
            <dd data-testid="invited-by">joined a colleague's copy, invited by {person.invitedBy}</dd>
          </>
        ) : null}
        <dt>Source</dt>
        <dd>{person?.source.length ? person.source.join(" · ") : "direct (no referrer, no campaign)"}</dd>
        <dt>Device</dt>
        <dd>{person?.client || "unknown"}</dd>
        <dt>Locale</dt>
        <dd>{person?.locales.length ? person.locales.join(", ") : "not reported"}</dd>
      </dl>
      {person?.tried.length ? (
        <p data-testid="tried">Tried {person.tried.map(({ demo, persona }) => (persona ? `${demo} as ${persona}` : demo)).join(", ")}</p>
      ) : null}
      <h2>Journey</h2>
      <JourneyVisits visits={visits} truncated={truncated} />
    </>
  );
}
