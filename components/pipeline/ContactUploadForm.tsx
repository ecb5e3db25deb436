"use client";
// Import contacts, step 1: choose a CSV file. A file over the limit is refused here, before it is sent: the
// server would only refuse it with a bare 413.
import { useActionState, useState } from "react";
import type { BoundFormAction } from "@/lib/pipeline/action-state";
import { limitsSentence, maxContactsFileBytes, tooLargeMessage } from "@/lib/pipeline/import-limits";
import { ActionError } from "./ActionError";

type Props = { action: BoundFormAction; label: string };

export function ContactUploadForm({ action, label }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const [tooLarge, setTooLarge] = useState<string>();
  const error = tooLarge ?? state.error;

  const checkSize = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setTooLarge(file && file.size > maxContactsFileBytes ? tooLargeMessage(file.size) : undefined);
  };

  return (
    <form
      action={submit}
      className="import-upload"
      data-tour="import-upload"
      onSubmit={(event) => {
        if (tooLarge) event.preventDefault();
      }}
    >
      <label htmlFor="contacts-file">CSV file</label>
      <input
        id="contacts-file"
        type="file"
        name="file"
        accept=".csv,text/csv"
        aria-describedby={error ? "contacts-file-error contacts-file-hint" : "contacts-file-hint"}
        aria-invalid={Boolean(error)}
        onChange={(event) => checkSize(event.currentTarget)}
      />
      <p id="contacts-file-hint" className="muted">
        UTF-8 text with a header line, {limitsSentence}.
      </p>
      <ActionError id="contacts-file-error" error={error} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Reading the file…" : label}
      </button>
    </form>
  );
}
