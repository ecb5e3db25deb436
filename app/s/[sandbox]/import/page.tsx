// Import contacts from a CSV file: upload → match the columns → check the rows → create them.
import type { Metadata } from "next";
import { ContactUploadForm } from "@/components/pipeline/ContactUploadForm";
import { ImportedContacts } from "@/components/pipeline/ImportedContacts";
import { ImportMapping } from "@/components/pipeline/ImportMapping";
import { ImportReview } from "@/components/pipeline/ImportReview";
import { contactFields, requiredFields } from "@/lib/pipeline/contact-import";
import { loadContactImport } from "@/lib/pipeline/contact-import-store";
import { limitsSentence, maxCellCharacters } from "@/lib/pipeline/import-limits";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import {
  discardContactImportAction,
  importContactsAction,
  mapContactColumnsAction,
  remapContactColumnsAction,
  uploadContactsAction,
} from "../actions";
import "@/components/pipeline/contact-import.css";

export const metadata: Metadata = { title: "Import contacts · Pipeline demo" };

const fieldLabels: Record<(typeof contactFields)[number], string> = { name: "Name", title: "Title", email: "Email", company: "Company" };
const fields = contactFields.map((name) => ({ name, label: fieldLabels[name], required: requiredFields.includes(name) }));

export default async function ImportPage({ params }: { params: Promise<{ sandbox: string }> }) {
  const { sandbox: sandboxId } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const view = loadContactImport(db);
  const upload = uploadContactsAction.bind(null, sandboxId);
  const discard = discardContactImportAction.bind(null, sandboxId);
  return (
    <div className="contact-import">
      <h1>Import contacts</h1>
      <details className="import-rules">
        <summary>How the import reads your file</summary>
        <ul>
          <li>
            A CSV file in UTF-8, {limitsSentence}, with the column names on its first line and no cell longer than{" "}
            {maxCellCharacters.toLocaleString("en-US")} characters.
          </li>
          <li>Every contact needs a name and a company. Title and email may be blank; an email must be an address.</li>
          <li>A company that is not in this workspace yet is created; names match without regard to case.</li>
          <li>An email already in the workspace, or twice in the file, is reported and not imported again.</li>
          <li>Cells are kept as plain text: one starting with = + - or @ is never run as a formula.</li>
          <li>Only rows without problems are created, all together: nothing is created until you confirm.</li>
        </ul>
      </details>
      {view.step === "mapping" ? (
        <ImportMapping view={view} fields={fields} map={mapContactColumnsAction.bind(null, sandboxId)} discard={discard} />
      ) : view.step === "review" ? (
        <ImportReview
          view={view}
          confirm={importContactsAction.bind(null, sandboxId)}
          remap={remapContactColumnsAction.bind(null, sandboxId)}
          discard={discard}
        />
      ) : (
        <>
          {view.step === "imported" ? <ImportedContacts view={view} /> : null}
          <section className="card import-step" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{view.step === "imported" ? "Import another file" : "1. Choose a file"}</h2>
            <p>
              No file at hand?{" "}
              <a href="/samples/contacts.csv" download data-tour="import-sample">
                Download a sample file (contacts.csv)
              </a>{" "}
              and upload it here.
            </p>
            <ContactUploadForm action={upload} label="Upload and match columns" />
          </section>
        </>
      )}
    </div>
  );
}
