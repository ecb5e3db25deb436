"use client";
// An admin adds a team member: email, name, a first password and a role.
import { useRef } from "react";
import { roleLabels, roles } from "@/lib/auth/roles";
import { FormField } from "./FormField";
import { useJsonRequest } from "./use-json-request";

const fields = ["email", "name", "password", "role"] as const;

export function AddMemberForm() {
  const { send, pending, ready, errorFor, generalError } = useJsonRequest<{ member: { email: string } }>();
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      method="post"
      ref={form}
      className="card sales-form"
      aria-labelledby="add-member-heading"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const added = await send("POST", "/api/sales/team", Object.fromEntries(new FormData(event.currentTarget).entries()));
        if (added) form.current?.reset();
      }}
    >
      <h2 id="add-member-heading">Add a member</h2>
      <FormField id="member-email" label="Email" error={errorFor("email")}>
        {(aria) => <input name="email" type="email" autoComplete="off" {...aria} />}
      </FormField>
      <FormField id="member-name" label="Name" error={errorFor("name")}>
        {(aria) => <input name="name" autoComplete="off" {...aria} />}
      </FormField>
      <FormField
        id="member-password"
        label="First password"
        error={errorFor("password")}
        hint="At least 10 characters; they can be given a new one later"
      >
        {(aria) => <input name="password" type="password" autoComplete="new-password" {...aria} />}
      </FormField>
      <FormField id="member-role" label="Role" error={errorFor("role")}>
        {(aria) => (
          <select name="role" defaultValue="rep" {...aria}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {generalError(fields) ? (
        <p className="error-text" role="alert">
          {generalError(fields)}
        </p>
      ) : null}
      <p>
        <button type="submit" className="button" disabled={!ready}>
          {pending ? "Adding…" : "Add member"}
        </button>
      </p>
    </form>
  );
}
