"use client";
// An admin's controls on one member's row: rename them, change the role, or remove them. A member cannot
// rename themselves (lib/auth/served-endpoints.ts): names change here or with `npm run team -- rename`.
import { type Role, roleLabels, roles } from "@/lib/auth/roles";
import { useJsonRequest } from "./use-json-request";

export function MemberControls({ id, email, name, role }: { id: string; email: string; name: string; role: Role }) {
  const { send, pending, ready, refusal } = useJsonRequest();
  const url = `/api/sales/team/${encodeURIComponent(id)}`;
  return (
    <span className="member-controls">
      <form
        method="post"
        className="member-rename"
        onSubmit={(event) => {
          event.preventDefault();
          void send("PATCH", url, { name: new FormData(event.currentTarget).get("name") });
        }}
      >
        <label className="visually-hidden" htmlFor={`name-${id}`}>
          Name of {email}
        </label>
        <input id={`name-${id}`} name="name" defaultValue={name} autoComplete="off" disabled={pending} />
        <button type="submit" className="button secondary" disabled={!ready} aria-label={`Rename ${email}`}>
          Rename
        </button>
      </form>
      <label className="visually-hidden" htmlFor={`role-${id}`}>
        Role of {email}
      </label>
      <select
        id={`role-${id}`}
        defaultValue={role}
        disabled={pending}
        onChange={(event) => void send("PATCH", url, { role: event.target.value })}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {roleLabels[option]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Remove ${email}`}
        onClick={() => void send("DELETE", url)}
      >
        Remove
      </button>
      {refusal ? (
        <span className="error-text" role="alert">
          {refusal.error}
        </span>
      ) : null}
    </span>
  );
}
