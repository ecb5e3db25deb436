"use client";
// Create a share link for an account: company (or one of the rep's accounts), demo, optional role, the name
// shown in the prospect's copy, and an expiry. The API's refusals appear beside the field they are about.
import { useState } from "react";
import { CopyLinkButton } from "./CopyLinkButton";
import { FormField } from "./FormField";
import { useJsonRequest } from "./use-json-request";

type DemoOption = { slug: string; title: string; personas: { id: string; label: string }[] };
const fields = ["accountId", "company", "domain", "demo", "persona", "workspaceName", "expiresInDays"] as const;

export function ShareLinkForm({ demos, accounts }: { demos: DemoOption[]; accounts: { id: string; name: string }[] }) {
  const { send, pending, ready, errorFor, generalError } = useJsonRequest<{ path: string }>();
  const [demo, setDemo] = useState(demos[0]?.slug ?? "");
  const [created, setCreated] = useState<string | undefined>();
  const personas = demos.find((candidate) => candidate.slug === demo)?.personas ?? [];

  async function submit(form: HTMLFormElement) {
    const body = Object.fromEntries(new FormData(form).entries());
    const result = await send("POST", "/api/sales/links", body);
    if (result) {
      setCreated(result.path);
      form.reset();
      setDemo(demos[0]?.slug ?? "");
    }
  }

  return (
    <form
      method="post"
      className="card sales-form"
      aria-labelledby="new-link-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <h2 id="new-link-heading">New share link</h2>
      {accounts.length > 0 ? (
        <FormField id="link-account" label="Account" error={errorFor("accountId")} hint="Or leave this and type a new company below">
          {(aria) => (
            <select name="accountId" defaultValue="" {...aria}>
              <option value="">A new company</option>
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <FormField id="link-company" label="Company" error={errorFor("company")}>
        {(aria) => <input name="company" autoComplete="off" maxLength={200} {...aria} />}
      </FormField>
      <FormField id="link-domain" label="Domain (optional)" error={errorFor("domain")}>
        {(aria) => <input name="domain" autoComplete="off" placeholder="globex.com" {...aria} />}
      </FormField>
      <FormField id="link-demo" label="Demo" error={errorFor("demo")}>
        {(aria) => (
          <select name="demo" value={demo} onChange={(event) => setDemo(event.target.value)} {...aria}>
            {demos.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {personas.length > 0 ? (
        <FormField id="link-persona" label="Role (optional)" error={errorFor("persona")}>
          {(aria) => (
            <select name="persona" defaultValue="" {...aria}>
              <option value="">Let them choose</option>
              {personas.map((persona) => (
                <option key={persona.id} value={persona.id}>
                  {persona.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <FormField
        id="link-workspace"
        label="Name shown in their demo (optional)"
        error={errorFor("workspaceName")}
        hint="The company name their copy of the product shows; the account's name when left empty"
      >
        {(aria) => <input name="workspaceName" autoComplete="off" {...aria} />}
      </FormField>
      <FormField id="link-expiry" label="Expires after (optional)" error={errorFor("expiresInDays")}>
        {(aria) => (
          <select name="expiresInDays" defaultValue="" {...aria}>
            <option value="">Never</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
            <option value="90">90 days</option>
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
          {pending ? "Creating…" : "Create link"}
        </button>
      </p>
      {created ? (
        <p className="created-link" data-testid="created-link">
          Link ready: <code>{created}</code> <CopyLinkButton path={created} />
        </p>
      ) : null}
    </form>
  );
}
