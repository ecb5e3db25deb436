// What the sample product accepts from a visitor's "Log an activity" form on a deal.
import { z } from "zod";
import { recordId } from "./address-input";
import { loggableActivityKinds, maxSummaryLength } from "./vocabulary";

export const logActivityInput = z.object({
  dealId: recordId("That deal no longer exists; go back to the board and open it again"),
  kind: z.enum(loggableActivityKinds, { message: "Choose call, email or meeting" }),
  /** Optional: empty means no one in particular. */
  contactId: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(recordId("Choose someone from the list, or no one").optional()),
  summary: z
    .string({ message: "Say in a few words what happened" })
    .trim()
    .min(1, "Say in a few words what happened")
    .max(maxSummaryLength, `Keep the summary under ${maxSummaryLength} characters`),
});

export type LogActivityInput = z.output<typeof logActivityInput>;
