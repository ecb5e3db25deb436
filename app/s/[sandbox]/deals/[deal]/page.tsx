// One deal: its company, people, stage control and activity.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityEntry } from "@/components/pipeline/ActivityEntry";
import { formatDay, formatMoney, stageLabels } from "@/components/pipeline/format";
import { LogActivityForm } from "@/components/pipeline/LogActivityForm";
import { MoveStage } from "@/components/pipeline/MoveStage";
import { recordIdFrom } from "@/lib/pipeline/address-input";
import { loadDeal } from "@/lib/pipeline/pipeline";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { logActivityAction, moveStageAction } from "../../actions";

export default async function DealPage({ params }: { params: Promise<{ sandbox: string; deal: string }> }) {
  const { sandbox: sandboxId, deal: dealParam } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const dealId = recordIdFrom(dealParam);
  const found = dealId === undefined ? undefined : loadDeal(db, dealId);
  if (!found) notFound();
  const { deal, company, contacts, activities, upcoming } = found;
  const base = `/s/${sandboxId}`;
  return (
    <article className="deal-detail">
      <p>
        <Link href={base}>← Deals board</Link>
      </p>
      <h1>{deal.title}</h1>
      <dl className="deal-summary card">
        <div>
          <dt>Amount</dt>
          <dd>{formatMoney(deal.amount)}</dd>
        </div>
        <div>
          <dt>Stage</dt>
          <dd data-testid="deal-stage">{stageLabels[deal.stage]}</dd>
        </div>
        <div>
          <dt>Closes</dt>
          <dd>{formatDay(deal.closeDate)}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{deal.owner}</dd>
        </div>
      </dl>
      <MoveStage dealId={deal.id} current={deal.stage} action={moveStageAction.bind(null, sandboxId)} />
      <div className="deal-columns">
        <section className="card" aria-labelledby="company-heading">
          <h2 id="company-heading">
            <Link href={`${base}/companies/${company.id}`}>{company.name}</Link>
          </h2>
          <p className="muted">
            {company.industry}
            {company.employees ? ` · ${company.employees.toLocaleString("en-US")} employees` : ""}
          </p>
          <h3>People</h3>
          {contacts.length === 0 ? <p className="muted">No contacts yet.</p> : null}
          <ul className="plain-list">
            {contacts.map((contact) => (
              <li key={contact.id}>
                <Link href={`${base}/contacts/${contact.id}`}>{contact.name}</Link> — {contact.title}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="activity-heading" data-tour="deal-activity">
          <h2 id="activity-heading">Activity</h2>
          <LogActivityForm
            dealId={deal.id}
            contacts={contacts.map(({ id, name }) => ({ id, name }))}
            action={logActivityAction.bind(null, sandboxId)}
          />
          {upcoming.length > 0 ? (
            <>
              <h3 id="upcoming-heading">Coming up</h3>
              <ol className="activity-list" aria-labelledby="upcoming-heading">
                {upcoming.map(({ activity, contact }) => (
                  <ActivityEntry key={activity.id} activity={activity}>
                    {contact}
                  </ActivityEntry>
                ))}
              </ol>
            </>
          ) : null}
          <h3 id="history-heading">History</h3>
          <ol className="activity-list" aria-labelledby="history-heading" data-testid="deal-history">
            {activities.map(({ activity, contact }) => (
              <ActivityEntry key={activity.id} activity={activity}>
                {contact}
              </ActivityEntry>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
