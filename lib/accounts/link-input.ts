// What a rep types to create a share link, parsed once for the form and the API alike.
import { z } from "zod";
import { plainText } from "@/lib/auth/credentials";
import { personaId } from "@/lib/demos/personas";

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, { error: "The domain is too long" })
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: "Give a domain like globex.com, without https:// or a path",
  });

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const newShareLinkSchema = z.object({
  /** The account: an existing one by id, or a company name (reused when an account of that name exists). */
  accountId: z.preprocess(blankToUndefined, z.string().max(64, { error: "That is not an account id" }).optional()),
  company: z.preprocess(blankToUndefined, plainText("company name", 80).pipe(z.string().min(1)).optional()),
  domain: z.preprocess(blankToUndefined, domain.optional()),
  demo: z.string({ error: "Choose a demo" }).trim().min(1, { error: "Choose a demo" }).max(64, { error: "Choose a demo from the list" }),
  persona: z.preprocess(blankToUndefined, personaId.optional()),
  /** The company name the prospect's copy of the product shows; the account's name when left out. */
  workspaceName: z.preprocess(blankToUndefined, plainText("name shown in the demo", 40).optional()),
  expiresInDays: z.preprocess(
    (value) => (blankToUndefined(value) === undefined ? undefined : Number(value)),
    z
      .number({ error: "Give the expiry as a number of days" })
      .int({ error: "Give the expiry as a whole number of days" })
      .min(1, { error: "An expiry is at least 1 day" })
      .max(365, { error: "An expiry is at most 365 days" })
      .optional(),
  ),
});

export type NewShareLink = z.input<typeof newShareLinkSchema>;
