// The shape of a team member's credentials, defined once for the CLI, the library and the auth config.
import { z } from "zod";

export const passwordLength = { min: 10, max: 128 } as const;

export const emailSchema = z
  .string({ error: "Give an email address with --email" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "That is not an email address; use the form name@company.com" }));

export const passwordSchema = z
  .string({ error: "Give a password with --password" })
  .min(passwordLength.min, { error: `The password is too short: use at least ${passwordLength.min} characters` })
  .max(passwordLength.max, { error: `The password is too long: use at most ${passwordLength.max} characters` });

export const newTeamMemberSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  // Shown in the sales pages; the part of the email before "@" is a fine default.
  name: z.string().trim().max(100, { error: "The name is too long: use at most 100 characters" }).optional(),
});

export type NewTeamMember = z.input<typeof newTeamMemberSchema>;
