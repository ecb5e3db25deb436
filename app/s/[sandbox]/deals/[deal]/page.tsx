// One deal: its company, people, stage control and activity.
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDay, formatMoment, formatMoney, stageLabels } from "@/components/pipeline/format";
import { MoveStage } from "@/components/pipeline/MoveStage";
import { dealIdParam } from "@/lib/pipeline/deal-input";
import { loadDeal } from "@/lib/pipeline/pipeline";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { moveStageAction } from "../../actions";

export default async function DealPage({ params }: { params: Promise<{ sandbox: string; deal: string }> }) {
  const { sandbox: sandboxId, deal: dealParam } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const dealId = dealIdParam.safeParse(dealParam);
  const found = dealId.success ? loadDeal(db, dealId.data) : undefined;
  if (!found) notFound();
  const { deal, company, contacts, activities } = found;
  return (
    <article className="deal-detail">
      <p>
        <Link href={`/s/${sandboxId}`}>← Deals board</Link>
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
          <h2 id="company-heading">{company.name}</h2>
          <p className="muted">
            {company.industry}
            {company.employees ? ` · ${company.employees.toLocaleString("en-US")} employees` : ""}
          </p>
          <h3>People</h3>
          {contacts.length === 0 ? <p className="muted">No contacts yet.</p> : null}
          <ul className="plain-list">
            {contacts.map((contact) => (
              <li key={contact.id}>
                <strong>{contact.name}</strong> — {contact.title}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Activity</h2>
          <ol className="activity-list">
            {activities.map(({ activity, contact }) => (
              <li key={activity.id}>
                <span className={`activity-kind kind-${activity.kind}`}>{activity.kind}</span> {activity.summary}
                {contact ? <span className="muted"> · {contact}</span> : null}
                <time className="muted" dateTime={activity.occurredAt}>
                  {formatMoment(activity.occurredAt)}
                </time>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
