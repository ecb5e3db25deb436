// What a marketer writes in demos/<slug>/demo.yaml. This zod schema is the single definition:
// the parser validates against it, the tour player and pages use its inferred types.
import { z } from "zod";
import { productAnchors } from "@/lib/product/anchors";

/** Things a visitor can really do in the sandbox; a step may wait for one of them. */
export const sandboxActionKinds = ["deal.created", "deal.stage_changed", "deal.viewed"] as const;
export const sandboxActionKind = z.enum(sandboxActionKinds);
export type SandboxActionKind = z.infer<typeof sandboxActionKind>;

export const placements = ["top", "bottom", "left", "right", "center"] as const;

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
    });
  });

export type DemoDefinition = z.infer<typeof demoSchema>;
export type DemoStep = z.infer<typeof stepSchema>;

/** What the browser needs to run a demo's tour: the definition plus its slug. */
export type TourDemo = Pick<DemoDefinition, "title" | "steps"> & { slug: string };
