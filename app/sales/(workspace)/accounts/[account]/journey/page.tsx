// An account's journey: every person who came through its share links (visitor 1, 2, 3 …), interleaved.
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountScore } from "@/components/sales/AccountScore";
import { madeForText } from "@/components/sales/format";
import { JourneyVisits } from "@/components/sales/JourneyVisits";
import { requireTeamMember } from "@/lib/auth/team-session";
import { accountJourney } from "@/lib/insights/journey";

const accountIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export default async function AccountJourneyPage({ params }: { params: Promise<{ account: string }> }) {
  const { account: accountId } = await params;
  await requireTeamMember({ next: `/sales/accounts/${encodeURIComponent(accountId)}/journey` });
  const journey = accountIdPattern.test(accountId) ? await accountJourney(accountId) : undefined;
  if (!journey) notFound();
  const { account, people, visits, truncated } = journey;
  return (
    <>
      <p>
        <Link href={`/sales/accounts/${account.id}`}>← {account.name}</Link>
      </p>
      <h1>{account.name}: journey</h1>
      <AccountScore accountId={account.id} />
      <h2>People</h2>
      {people.length === 0 ? <p className="muted">Nobody from this account has interacted with a demo yet.</p> : null}
      <ul data-testid="people">
        {people.map((person) => (
          <li key={person.visitor.id}>
            <Link href={`/sales/visitors/${person.visitor.id}`}>Visitor {person.number}</Link>
            {[
              person.client,
              person.tried.map(({ demo, persona }) => (persona ? `${demo} as ${persona}` : demo)).join(", "),
              person.source.join(" · "),
              person.madeFor.length ? madeForText(person.madeFor) : "",
              person.invitedBy ? `invited by ${person.invitedBy}` : "",
            ]
              .filter(Boolean)
              .map((part) => ` · ${part}`)
              .join("")}
          </li>
        ))}
      </ul>
      <h2>What they did</h2>
      <JourneyVisits visits={visits} truncated={truncated} />
    </>
  );
}
