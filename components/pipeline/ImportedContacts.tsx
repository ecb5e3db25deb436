// Import contacts, done: the contacts the import created, as Pipeline now holds them.
import type { ContactImportView } from "@/lib/pipeline/contact-import-store";
import { ImportContactsTable } from "./ImportContactsTable";

export function ImportedContacts({ view }: { view: Extract<ContactImportView, { step: "imported" }> }) {
  return (
    <section className="card import-step import-done" aria-labelledby="imported-heading">
      <h2 id="imported-heading" data-testid="import-result">
        Imported {view.contacts.length} {view.contacts.length === 1 ? "contact" : "contacts"} from {view.fileName}
      </h2>
      <ImportContactsTable caption="New contacts" rows={view.contacts.map((contact) => ({ key: contact.id, ...contact }))} />
    </section>
  );
}
