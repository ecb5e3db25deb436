// The shape of a team member's credentials, defined once for the CLI, the library and the auth config.
import { z } from "zod";
import { roles } from "@/lib/auth/roles";
import { hasControlCharacter } from "@/lib/text/control-characters";

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

/** One line of text a person typed: trimmed, bounded, and refused (not silently cleaned) with control characters. */
export function plainText(what: string, max: number) {
  return z
    .string({ error: `Give the ${what} as text` })
    .trim()
    .max(max, { error: `The ${what} is too long: use at most ${max} characters` })
    .refine((value) => !hasControlCharacter(value), {
      error: `The ${what} holds control characters (such as a line break); type it on one line`,
    });
}

export const roleSchema = z.enum(roles, { error: `Choose a role: ${roles.join(", ")}` });

/** A member's name as the workspace, the shoulder-view log and (its first word) prospects read it. */
export const memberNameSchema = plainText("name", 100).refine((name) => name.length > 0, { error: "Type a name" });

export const newTeamMemberSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  // Shown in the sales pages; the part of the email before "@" is a fine default.
  name: plainText("name", 100).optional(),
  /** Left out: "rep" — except for the very first member, who becomes admin (someone must manage the team). */
  role: roleSchema.optional(),
});

export type NewTeamMember = z.input<typeof newTeamMemberSchema>;
