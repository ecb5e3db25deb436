// Import contacts, done: the contacts the import created, as Pipeline now holds them.
import type { ContactImportView } from "@/lib/pipeline/contact-import-store";

export function ImportedContacts({ view }: { view: Extract<ContactImportView, { step: "imported" }> }) {
  return (
    <section className="card import-step import-done" aria-labelledby="imported-heading">
      <h2 id="imported-heading" data-testid="import-result">
        Imported {view.contacts.length} {view.contacts.length === 1 ? "contact" : "contacts"} from {view.fileName}
      </h2>
      <div className="table-scroll">
        <table className="import-table">
          <caption>New contacts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Email</th>
              <th scope="col">Company</th>
            </tr>
          </thead>
          <tbody>
            {view.contacts.map((contact) => (
              <tr key={contact.id}>
                <td>{contact.name}</td>
                <td>{contact.title}</td>
                <td>{contact.email}</td>
                <td>{contact.company}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
