// Import contacts, the review: which rows are ready, which have problems (by line), which companies are new.

import type { BoundFormAction } from "@/lib/pipeline/action-state";
import type { ContactImportView } from "@/lib/pipeline/contact-import-store";
import { ImportConfirm } from "./ImportConfirm";
import { ImportContactsTable } from "./ImportContactsTable";
import { ImportStepButton } from "./ImportStepButton";

type Props = {
  view: Extract<ContactImportView, { step: "review" }>;
  confirm: BoundFormAction;
  remap: BoundFormAction;
  discard: BoundFormAction;
};

const shownReady = 20;

export function ImportReview({ view, confirm, remap, discard }: Props) {
  const { ready, problems, newCompanies } = view.check;
  return (
    <section className="card import-step" aria-labelledby="review-heading">
      <h2 id="review-heading">3. Check the rows</h2>
      <p data-testid="import-summary">
        <strong>{view.fileName}</strong>: {view.rowCount} {view.rowCount === 1 ? "row" : "rows"} — {ready.length} ready to import,{" "}
        {problems.length} with {problems.length === 1 ? "a problem" : "problems"}.
      </p>
      {problems.length > 0 ? (
        <div className="import-errors" data-tour="import-errors">
          <h3>Rows that will not be imported</h3>
          <p className="muted">Fix these lines in your file and upload it again, or import the ready rows without them.</p>
          <ul data-testid="import-problems">
            {problems.map((problem) => (
              <li key={problem.line}>{problem.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {newCompanies.length > 0 ? (
        <p>
          New companies the import will create: <span data-testid="import-new-companies">{newCompanies.join(", ")}</span>
        </p>
      ) : null}
      {ready.length > 0 ? (
        <>
          <ImportContactsTable
            caption={`Ready to import${ready.length > shownReady ? ` (the first ${shownReady} of ${ready.length})` : ""}`}
            rows={ready.slice(0, shownReady).map((row) => ({ key: row.line, ...row }))}
          />
          <ImportConfirm action={confirm} upload={view.upload} count={ready.length} />
        </>
      ) : (
        <p>No row is ready to import. Fix the file and upload it again.</p>
      )}
      <div className="import-step-buttons">
        <ImportStepButton action={remap} upload={view.upload} label="Change the column mapping" />
        <ImportStepButton action={discard} label="Choose another file" />
      </div>
    </section>
  );
}
