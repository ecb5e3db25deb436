// Import contacts, the mapping: a look at the file's first rows, and the column each field comes from.
import type { BoundFormAction } from "@/lib/pipeline/action-state";
import type { ContactImportView } from "@/lib/pipeline/contact-import-store";
import { ContactMappingForm } from "./ContactMappingForm";
import { ImportStepButton } from "./ImportStepButton";
import { TableScroll } from "./TableScroll";

type Props = {
  view: Extract<ContactImportView, { step: "mapping" }>;
  fields: { name: string; label: string; required: boolean }[];
  map: BoundFormAction;
  discard: BoundFormAction;
};

export function ImportMapping({ view, fields, map, discard }: Props) {
  const mapped = fields.map((field) => ({ ...field, column: view.mapping[field.name as keyof typeof view.mapping] ?? null }));
  return (
    <section className="card import-step" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">2. Match the columns</h2>
      <p>
        <strong>{view.fileName}</strong> has {view.rowCount} {view.rowCount === 1 ? "row" : "rows"}. For each Pipeline field, choose the
        column that holds it; Pipeline guessed from the column names.
      </p>
      <TableScroll label="The file's first rows">
        <table className="import-table import-preview">
          <caption>The file's first rows</caption>
          <thead>
            <tr>
              {view.headers.map((header, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position; two may share a name.
                <th scope="col" key={index}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.preview.map((cells, row) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the preview's rows never move.
              <tr key={row}>
                {view.headers.map((_, column) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position.
                  <td key={column}>{cells[column] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ContactMappingForm action={map} upload={view.upload} headers={view.headers} fields={mapped} />
      <div className="import-step-buttons">
        <ImportStepButton action={discard} label="Choose another file" />
      </div>
    </section>
  );
}
