"use client";
// "Log an activity" on a deal: a call, email or meeting, optionally with one of the company's people.
import { useActionState } from "react";
import type { BoundFormAction } from "@/lib/pipeline/action-state";
import { type LoggableActivityKind, loggableActivityKinds, maxSummaryLength } from "@/lib/pipeline/vocabulary";
import { ActionError } from "./ActionError";
import { fieldErrorsOf } from "./field-errors";
import { activityKindLabels } from "./format";
import { useAnnouncedAction } from "./use-announced-action";

type Props = {
  dealId: number;
  /** The deal's company's people: the only ones an activity on it may name. */
  contacts: { id: number; name: string }[];
  action: BoundFormAction;
};

export function LogActivityForm({ dealId, contacts, action }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const { errorLink, fieldError } = fieldErrorsOf(state);
  const kind = (state.values?.kind ?? "call") as LoggableActivityKind;

  useAnnouncedAction(state);

  return (
    <form action={submit} className="activity-form" data-tour="log-activity-form" aria-labelledby="log-activity-heading" noValidate>
      <h3 id="log-activity-heading">Log an activity</h3>
      <ActionError error={state.error} />
      <input type="hidden" name="dealId" value={dealId} />
      <fieldset
        className="activity-kinds"
        aria-describedby={errorLink("kind")["aria-describedby"]}
        key={`kind-${state.done ?? ""}-${kind}`}
      >
        <legend>Kind</legend>
        {loggableActivityKinds.map((option) => (
          <label key={option}>
            <input type="radio" name="kind" value={option} defaultChecked={option === kind} /> {activityKindLabels[option]}
          </label>
        ))}
      </fieldset>
      {fieldError("kind")}
      <label htmlFor="activity-contact">With</label>
      <select
        id="activity-contact"
        name="contactId"
        defaultValue={state.values?.contactId ?? ""}
        key={`contact-${state.done ?? ""}-${state.values?.contactId ?? ""}`}
        {...errorLink("contactId")}
      >
        <option value="">No one in particular</option>
        {contacts.map((contact) => (
          <option key={contact.id} value={contact.id}>
            {contact.name}
          </option>
        ))}
      </select>
      {fieldError("contactId")}
      <label htmlFor="activity-summary">What happened</label>
      <textarea
        id="activity-summary"
        name="summary"
        rows={3}
        maxLength={maxSummaryLength}
        required
        defaultValue={state.values?.summary ?? ""}
        key={`summary-${state.done ?? ""}-${state.values?.summary ?? ""}`}
        {...errorLink("summary")}
      />
      {fieldError("summary")}
      <div className="activity-form-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Logging…" : "Log activity"}
        </button>
        <p role="status" className="muted">
          {state.done && state.action ? "Logged. It is at the top of the history." : ""}
        </p>
      </div>
    </form>
  );
}
