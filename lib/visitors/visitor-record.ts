// The visitor row: created on a visitor's first arrival (the cookie may predate a wiped database), marked seen
// on each one, with the coarse client facts and the privacy choice of the latest arrival.
import "server-only";
import { upsertVisitorArrival } from "@/db/queries/visitors";
import type { ArrivalSource } from "./arrival-source";
import type { ClientClass } from "./client-class";

/** Coarse client facts kept about a visitor (never the user agent itself), and whether they asked not to be tracked. */
export type VisitorClient = ClientClass & { doNotTrack?: boolean };

export type Arrival = { source?: ArrivalSource; client?: VisitorClient };

export function touchVisitor(visitorId: string, arrival: Arrival = {}): Promise<void> {
  const { source, client } = arrival;
  // The latest arrival's privacy signal wins: a visitor may turn Global Privacy Control on or off.
  return upsertVisitorArrival(
    visitorId,
    new Date(),
    { source: source && Object.keys(source).length > 0 ? source : null, ...client },
    client !== undefined,
  );
}
