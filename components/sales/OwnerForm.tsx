"use client";
// An admin hands an account to another rep.
import { useState } from "react";
import { FormField } from "./FormField";
import { useJsonRequest } from "./use-json-request";

export function OwnerForm(props: { accountId: string; ownerUserId: string | null; owners: { id: string; name: string }[] }) {
  const { send, pending, ready, refusal } = useJsonRequest();
  // Said once the server took it: the select alone would look the same before and after.
  const [saved, setSaved] = useState<string | undefined>();
  return (
    <form
      method="post"
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const ownerUserId = new FormData(event.currentTarget).get("ownerUserId");
        setSaved(undefined);
        void send("PATCH", `/api/sales/accounts/${props.accountId}`, { ownerUserId }).then((result) => {
          if (result) setSaved(props.owners.find((owner) => owner.id === ownerUserId)?.name);
        });
      }}
    >
      <FormField id="account-owner" label="Owner" error={refusal?.error}>
        {(aria) => (
          <select name="ownerUserId" defaultValue={props.ownerUserId ?? ""} {...aria}>
            {props.ownerUserId ? null : <option value="">Nobody</option>}
            {props.owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" className="button secondary" disabled={!ready}>
        {pending ? "Saving…" : "Change owner"}
      </button>
      <span role="status" className="muted">
        {saved ? `Saved: ${saved} owns this account now.` : ""}
      </span>
    </form>
  );
}
