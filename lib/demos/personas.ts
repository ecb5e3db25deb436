// The roles a visitor can try a demo as (`/try/<demo>?persona=leader`). One list for campaign links, demo
// files (which steps each role sees) and reps' views (which role a visitor chose — a click, never a form).
import { z } from "zod";

export const personaIds = ["leader", "manager", "rep", "ops"] as const;
export const personaId = z.enum(personaIds);
export type PersonaId = z.infer<typeof personaId>;

export const personaLabels: Record<PersonaId, string> = {
  leader: "Sales leader",
  manager: "Sales manager",
  rep: "Account executive",
  ops: "Revenue operations",
};

/** A step for some personas is shown only to them; a step for none is everyone's. */
export function stepsForPersona<Step extends { personas?: readonly PersonaId[] }>(
  steps: readonly Step[],
  persona: PersonaId | undefined,
): Step[] {
  return steps.filter((step) => !step.personas || (persona !== undefined && step.personas.includes(persona)));
}
