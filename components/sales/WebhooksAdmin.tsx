"use client";
// Admins add alert targets (checked when saved), see the secret once, turn them on or off, and read the
// delivery log: every attempt's outcome, retries pending.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { alertKinds, alertLabels } from "@/lib/webhooks/alert-kinds";
import { useHydrated } from "../use-hydrated";
import { FormField } from "./FormField";

export function AddWebhookForm() {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const hydrated = useHydrated();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    setSecret(undefined);
    const response = await fetch("/api/sales/webhooks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: form.get("url"), format: form.get("format"), events: form.getAll("events") }),
    });
    setSaving(false);
    const body = (await response.json()) as { secret?: string; error?: string; fields?: Record<string, string> };
    if (!response.ok) {
      setFieldErrors(body.fields ?? { form: body.error ?? "Not saved" });
      return;
    }
    setFieldErrors({});
    setSecret(body.secret);
    router.refresh();
  };

  return (
    <form method="post" onSubmit={submit} className="card sales-form webhook-form" noValidate>
      <h2>Add a webhook</h2>
      <FormField
        id="webhook-url"
        label="Address"
        error={fieldErrors.url}
        hint="Where the alerts are posted: a Slack incoming webhook or your own HTTPS endpoint."
      >
        {(aria) => <input {...aria} name="url" type="url" placeholder="https://hooks.slack.com/services/…" />}
      </FormField>
      <fieldset className="choice-group">
        <legend>Format</legend>
        <label>
          <input type="radio" name="format" value="slack" defaultChecked /> Slack-compatible
        </label>
        <label>
          <input type="radio" name="format" value="json" /> Generic JSON
        </label>
      </fieldset>
      <fieldset className="choice-group" aria-describedby="webhook-events-error">
        <legend>Alerts</legend>
        {alertKinds.map((kind) => (
          <label key={kind}>
            <input type="checkbox" name="events" value={kind} defaultChecked={kind !== "score.crossed"} /> {alertLabels[kind]}
          </label>
        ))}
      </fieldset>
      <p id="webhook-events-error" className="error-text" role={fieldErrors.events ? "alert" : undefined}>
        {fieldErrors.events ?? fieldErrors.form}
      </p>
      <button type="submit" className="button webhook-submit" disabled={!hydrated || saving}>
        {saving ? "Checking the address…" : "Add webhook"}
      </button>
      {secret ? (
        <p className="card" role="status" data-testid="webhook-secret">
          Saved. Its signing secret, shown only now: <code>{secret}</code>. Receivers check the <code>Openhouse-Signature</code> header (
          <code>t=…,v1=HMAC-SHA256(secret, t + "." + body)</code>) and refuse a <code>t</code> older than five minutes.
        </p>
      ) : null}
    </form>
  );
}

export function WebhookToggle({ id, enabled }: { id: string; enabled: boolean }) {
  const router = useRouter();
  const call = async (init: RequestInit) => {
    await fetch(`/api/sales/webhooks/${encodeURIComponent(id)}`, init);
    router.refresh();
  };
  return (
    <span className="talk-actions">
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          call({ method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ enabled: !enabled }) })
        }
      >
        {enabled ? "Turn off" : "Turn on"}
      </button>
      <button type="button" className="button secondary" onClick={() => call({ method: "DELETE" })}>
        Remove
      </button>
    </span>
  );
}
