// The note a visitor sees when their earlier sandbox had to be replaced, carried through /try in the URL.
import "server-only";
import { z } from "zod";
import { runtime } from "@/lib/runtime/runtime";
import type { GoneReason } from "./retire";

export const renewedReason = z.enum(["expired", "evicted", "corrupt", "node-lost"]);
export type RenewedReason = z.infer<typeof renewedReason>;

export function renewalPath(demoSlug: string, reason: GoneReason): string {
  // A reset never leaves a gone row behind; should one appear, "evicted" is the honest general note.
  const shown: RenewedReason = reason === "reset" ? "evicted" : reason;
  return `/try/${encodeURIComponent(demoSlug)}?renewed=${shown}`;
}

export function parseRenewedReason(value: string | null | undefined): RenewedReason | undefined {
  const parsed = renewedReason.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function renewedMessage(reason: RenewedReason): string {
  switch (reason) {
    case "expired":
      return `Your earlier demo copy expired after ${runtime().config.sandboxTtlDays} days idle, so here is a fresh one.`;
    case "evicted":
      return "Your earlier demo copy was cleared to make room for new visitors, so here is a fresh one.";
    case "corrupt":
      return "Your earlier demo copy could not be opened, so here is a fresh one.";
    case "node-lost":
      // True of what PostgreSQL keeps: the journey (events) and the conversation; the copy's own data was on the server.
      return "The server holding your earlier demo copy went offline, so here is a fresh one. Your conversation with our team is still here.";
  }
}
