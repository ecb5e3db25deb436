// One company: who works there and every deal with it.
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDay, formatMoney, stageLabels } from "@/components/pipeline/format";
import { recordIdFrom } from "@/lib/pipeline/address-input";
import { loadCompany } from "@/lib/pipeline/companies";
import { requireOwnSandbox } from "@/lib/sandbox/request";

export default async function CompanyPage({ params }: { params: Promise<{ sandbox: string; company: string }> }) {
  const { sandbox: sandboxId, company: companyParam } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const companyId = recordIdFrom(companyParam);
  const found = companyId === undefined ? undefined : loadCompany(db, companyId);
  if (!found) notFound();
  const { company, contacts, deals } = found;
  const base = `/s/${sandboxId}`;
  return (
    <article className="record-detail">
      <p>
        <Link href={`${base}/companies`}>← Companies</Link>
      </p>
      <h1>{company.name}</h1>
      <dl className="deal-summary card">
        <div>
          <dt>Industry</dt>
          <dd>{company.industry}</dd>
        </div>
        <div>
          <dt>Employees</dt>
          <dd>{company.employees?.toLocaleString("en-US") ?? "—"}</dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd>{company.website ?? "—"}</dd>
        </div>
      </dl>
      <div className="deal-columns">
        <section className="card" aria-labelledby="people-heading">
          <h2 id="people-heading">People</h2>
          {contacts.length === 0 ? <p className="muted">No contacts yet.</p> : null}
          <ul className="plain-list">
            {contacts.map((contact) => (
              <li key={contact.id}>
                <Link href={`${base}/contacts/${contact.id}`}>{contact.name}</Link> <span className="muted">— {contact.title}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="deals-heading">
          <h2 id="deals-heading">Deals</h2>
          {deals.length === 0 ? <p className="muted">No deals with {company.name} yet.</p> : null}
          <ul className="plain-list company-deals">
            {deals.map((deal) => (
              <li key={deal.id}>
                <Link href={`${base}/deals/${deal.id}`}>{deal.title}</Link>
                <span className="deal-facts">
                  <span className={`stage-pill stage-${deal.stage}`}>{stageLabels[deal.stage]}</span>{" "}
                  <strong>{formatMoney(deal.amount)}</strong> · closes {formatDay(deal.closeDate)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
