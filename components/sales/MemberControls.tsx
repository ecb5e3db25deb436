"use client";
// An admin's controls on one member's row: change the role, or remove them.
import { type Role, roleLabels, roles } from "@/lib/auth/roles";
import { useJsonRequest } from "./use-json-request";

export function MemberControls({ id, email, role }: { id: string; email: string; role: Role }) {
  const { send, pending, refusal } = useJsonRequest();
  const url = `/api/sales/team/${encodeURIComponent(id)}`;
  return (
    <span className="member-controls">
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
