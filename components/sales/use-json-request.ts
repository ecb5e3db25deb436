"use client";
// Sends one JSON request to a workspace API and keeps what a form needs: pending, and the refusal's message
// with the fields it is about (the API's `{error, fields?}`), so the form shows each beside its field; and
// `ready`, for its submit button: hydrated (../use-hydrated.ts) and not already sending.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useHydrated } from "../use-hydrated";

export type Refusal = { error: string; fields?: Record<string, string> };

export function useJsonRequest<Result>() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const hydrated = useHydrated();

  async function send(method: string, url: string, body?: unknown): Promise<Result | undefined> {
    setPending(true);
    setRefusal(undefined);
    try {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
      });
      const json = (await response.json().catch(() => ({}))) as Refusal & Result;
      if (!response.ok) {
        setRefusal({ error: json.error ?? `The server answered ${response.status}; try again`, fields: json.fields });
        return undefined;
      }
      router.refresh();
      return json;
    } catch {
      setRefusal({ error: "Could not reach the server; check your connection and try again" });
      return undefined;
    } finally {
      setPending(false);
    }
  }

  /** The message for `field`, when the last refusal was about it. */
  const errorFor = (field: string) => refusal?.fields?.[field];
  /** A refusal about no field of this form. */
  const generalError = (fields: readonly string[]) =>
    refusal && !fields.some((field) => refusal.fields?.[field] !== undefined) ? refusal.error : undefined;
  return { send, pending, ready: hydrated && !pending, refusal, errorFor, generalError };
}
