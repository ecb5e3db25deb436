"use client";
// An admin hands an account to another rep.
import { FormField } from "./FormField";
import { useJsonRequest } from "./use-json-request";

export function OwnerForm(props: { accountId: string; ownerUserId: string | null; owners: { id: string; name: string }[] }) {
  const { send, pending, refusal } = useJsonRequest();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const ownerUserId = new FormData(event.currentTarget).get("ownerUserId");
        void send("PATCH", `/api/sales/accounts/${props.accountId}`, { ownerUserId });
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
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? "Saving…" : "Change owner"}
      </button>
    </form>
  );
}
