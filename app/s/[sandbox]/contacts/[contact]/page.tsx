// One contact: who they are, where they work, and every call, email and meeting they were part of.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityEntry } from "@/components/pipeline/ActivityEntry";
import { recordIdFrom } from "@/lib/pipeline/address-input";
import { loadContact } from "@/lib/pipeline/contacts";
import { requireOwnSandbox } from "@/lib/sandbox/request";

export default async function ContactPage({ params }: { params: Promise<{ sandbox: string; contact: string }> }) {
  const { sandbox: sandboxId, contact: contactParam } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const contactId = recordIdFrom(contactParam);
  const found = contactId === undefined ? undefined : loadContact(db, contactId);
  if (!found) notFound();
  const { contact, company, activities } = found;
  const base = `/s/${sandboxId}`;
  return (
    <article className="record-detail">
      <p>
        <Link href={`${base}/contacts`}>← Contacts</Link>
      </p>
      <h1>{contact.name}</h1>
      <dl className="deal-summary card">
        <div>
          <dt>Title</dt>
          <dd>{contact.title}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{contact.email ?? "—"}</dd>
        </div>
        <div>
          <dt>Company</dt>
          <dd>
            <Link href={`${base}/companies/${company.id}`}>{company.name}</Link>
          </dd>
        </div>
      </dl>
      <section className="card record-section" aria-labelledby="contact-activity-heading">
        <h2 id="contact-activity-heading">Activity</h2>
        {activities.length === 0 ? <p className="muted">Nothing logged with {contact.name} yet.</p> : null}
        <ol className="activity-list">
          {activities.map(({ activity, dealId, deal }) => (
            <ActivityEntry key={activity.id} activity={activity}>
              <Link href={`${base}/deals/${dealId}`}>{deal}</Link>
            </ActivityEntry>
          ))}
        </ol>
      </section>
    </article>
  );
}
