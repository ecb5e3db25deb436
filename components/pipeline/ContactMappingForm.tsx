"use client";
// Import contacts, step 2: for each Pipeline field, the CSV column that fills it (guessed from the header).
import { useActionState } from "react";
import type { BoundFormAction } from "@/lib/pipeline/action-state";
import { ActionError } from "./ActionError";

type Props = {
  action: BoundFormAction;
  upload: string;
  headers: string[];
  fields: { name: string; label: string; required: boolean; column: number | null }[];
};

export function ContactMappingForm({ action, upload, headers, fields }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  return (
    <form action={submit} className="import-mapping" data-tour="import-mapping">
      <input type="hidden" name="upload" value={upload} />
      <ActionError error={state.error} />
      <div className="mapping-fields">
        {fields.map((field) => (
          <div key={field.name} className="mapping-field">
            <label htmlFor={`map-${field.name}`}>
              {field.label}
              {field.required ? <span className="muted"> (required)</span> : null}
            </label>
            <select
              id={`map-${field.name}`}
              name={field.name}
              defaultValue={state.values?.[field.name] ?? (field.column === null ? "" : String(field.column))}
              key={`${field.name}-${state.values?.[field.name] ?? ""}`}
            >
              <option value="">— Not imported —</option>
              {headers.map((header, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position; two may share a name.
                <option key={index} value={index}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Checking…" : "Check the rows"}
      </button>
    </form>
  );
}
