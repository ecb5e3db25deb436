// Contacts: everyone at the sandbox's companies, searchable by name, title or company.
import Link from "next/link";
import { SearchFields } from "@/components/pipeline/SearchFields";
import { searchQuery } from "@/lib/pipeline/address-input";
import { searchContacts } from "@/lib/pipeline/contacts";
import { requireOwnSandbox } from "@/lib/sandbox/request";

type Props = { params: Promise<{ sandbox: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ContactsPage({ params, searchParams }: Props) {
  const { sandbox: sandboxId } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const query = searchQuery((await searchParams).q);
  const contacts = searchContacts(db, query);
  const base = `/s/${sandboxId}`;
  return (
    <div className="list-page">
      <h1>Contacts</h1>
      <search>
        <form method="get" action={`${base}/contacts`} className="search-form" data-tour="contact-search">
          <SearchFields label="Search contacts" query={query} placeholder="Name, title or company" clearHref={`${base}/contacts`} />
        </form>
      </search>
      <p className="muted" aria-live="polite">
        {query ? `${contacts.length} of the contacts match “${query}”` : `${contacts.length} contacts`}
      </p>
      {contacts.length === 0 ? (
        <p>
          No one matches. Try part of a name, a title such as “CFO”, or <Link href={`${base}/contacts`}>see everyone</Link>.
        </p>
      ) : (
        <div className="table-scroll card" data-tour="contacts-list">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Company</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">
                    <Link href={`${base}/contacts/${contact.id}`}>{contact.name}</Link>
                  </th>
                  <td>{contact.title}</td>
                  <td>
                    <Link href={`${base}/companies/${contact.companyId}`}>{contact.company}</Link>
                  </td>
                  <td>{contact.email ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
