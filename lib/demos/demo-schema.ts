// What a marketer writes in demos/<slug>/demo.yaml. This zod schema is the single definition:
// the parser validates against it, the tour player and pages use its inferred types.
import { z } from "zod";
import { productAnchors } from "@/lib/pipeline/anchors";
import { type PersonaId, personaIds, personaLabels, stepsForPersona } from "./personas";

/** Things a visitor can really do in the sandbox; a step may wait for one of them. */
export const sandboxActionKinds = ["deal.created", "deal.stage_changed", "deal.viewed"] as const;
export const sandboxActionKind = z.enum(sandboxActionKinds);
export type SandboxActionKind = z.infer<typeof sandboxActionKind>;

export const placements = ["top", "bottom", "left", "right", "center"] as const;

const persona = z.enum(personaIds, {
  error: (issue) => `unknown persona ${JSON.stringify(issue.input)}; personas are: ${personaIds.join(", ")}`,
});

const anchor = z.enum(productAnchors, {
  error: (issue) => `unknown anchor ${JSON.stringify(issue.input)}; the product has: ${productAnchors.join(", ")}`,
});

export const stepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "a step id is lower-case letters, digits and dashes"),
    title: z.string().min(1).max(80),
    body: z.string().min(1).max(600),
    /** The data-tour="…" element to highlight; leave out for a centered step. */
    target: anchor.optional(),
    placement: z.enum(placements).default("bottom"),
    /** Advance only when the visitor really does this in the sandbox. */
    waitFor: sandboxActionKind.optional(),
    /** Label of the primary button (defaults to Next / Finish). */
    nextLabel: z.string().min(1).max(30).optional(),
    /** Show this step only to visitors trying the demo as one of these personas (a branch of the tour). */
    personas: z.array(persona).min(1).optional(),
  })
  .strict();

export const demoSchema = z
  .object({
    title: z.string().min(1).max(80),
    persona: z.string().min(1).max(60),
    durationMinutes: z.number().int().min(1).max(60),
    summary: z.string().min(1).max(280),
    /** Fixture file beside demo.yaml that seeds each sandbox (YAML or JSON; its tables may name CSV files). */
    fixture: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*\.(ya?ml|json)$/, "fixture is a .yaml or .json file name beside demo.yaml")
      .default("fixture.yaml"),
    /** Roles the gallery offers ("Try it as a Sales leader"); steps may branch on them. */
    personas: z.array(persona).min(1).optional(),
    /** Gallery order; lower first. */
    position: z.number().int().default(100),
    steps: z.array(stepSchema).min(1).max(40),
  })
  .strict()
  .superRefine((demo, ctx) => {
    const seen = new Map<string, number>();
    demo.steps.forEach((step, index) => {
      const first = seen.get(step.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", index, "id"],
          message: `step id "${step.id}" is already used by step ${first + 1}`,
        });
      }
      seen.set(step.id, index);
      if (step.placement === "center" && step.target) {
        ctx.addIssue({ code: "custom", path: ["steps", index, "placement"], message: "a centered step has no target" });
      }
      step.personas?.forEach((stepPersona, at) => {
        if (!demo.personas?.includes(stepPersona)) {
          const offered = demo.personas
            ? `this demo's personas are ${demo.personas.join(", ")}`
            : "list it under personas: at the top first";
          ctx.addIssue({ code: "custom", path: ["steps", index, "personas", at], message: `"${stepPersona}" is not offered; ${offered}` });
        }
      });
    });
    // Everyone gets a tour: the visitor who came without a persona, and each persona offered.
    for (const who of [undefined, ...(demo.personas ?? [])]) {
      if (stepsForPersona(demo.steps, who).length === 0) {
        const name = who ? `someone trying it as ${personaLabels[who]}` : "a visitor without a persona";
        ctx.addIssue({ code: "custom", path: ["steps"], message: `${name} would see no steps` });
      }
    }
  });

export type DemoDefinition = z.infer<typeof demoSchema>;
export type DemoStep = z.infer<typeof stepSchema>;

/** What the browser needs to run a demo's tour: its title, the steps this visitor's persona sees, its slug. */
export type TourDemo = Pick<DemoDefinition, "title" | "steps"> & { slug: string; persona?: PersonaId };
