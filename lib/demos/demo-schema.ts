// What a marketer writes in demos/<slug>/demo.yaml. This zod schema is the single definition: the parser
// validates against it, the tour player and pages use its inferred types, editors use demos/demo.schema.json
// generated from it (`npm run demos:schema`), so a field's `.describe()` is the hint an editor shows.
import { z } from "zod";
import { productAnchors } from "@/lib/pipeline/anchors";
import { type SandboxActionKind, sandboxActionKinds } from "@/lib/signals/signal-types";
import { type LocalizedText, localePattern } from "./locale";
import { type PersonaId, personaIds, personaLabels, stepsForPersona } from "./personas";
import { slugPattern, slugRule } from "./slug";
import { renderStepMarkdown } from "./step-markdown";

/** A step may wait for one of the things a visitor can really do in the sandbox (listed in signal-types.ts). */
export const sandboxActionKind = z.enum(sandboxActionKinds);
export type { SandboxActionKind };

export const placements = ["top", "bottom", "left", "right", "center"] as const;

const persona = z.enum(personaIds, {
  error: (issue) => `unknown persona ${JSON.stringify(issue.input)}; personas are: ${personaIds.join(", ")}`,
});

const anchor = z.enum(productAnchors, {
  error: (issue) => `unknown anchor ${JSON.stringify(issue.input)}; the product has: ${productAnchors.join(", ")}`,
});

const localeTag = z.string().regex(localePattern, "a locale is a language tag such as en, de or pt-BR");

/** Text written once, or once per locale: `title: Welcome` or `title: { en: Welcome, de: Willkommen }`. */
function localized(text: z.ZodString | z.ZodType<string>) {
  return z.union([text, z.record(localeTag, text)]);
}

const markdownBody = z
  .string()
  .min(1)
  .max(600)
  .superRefine((body, ctx) => {
    for (const problem of renderStepMarkdown(body).problems) ctx.addIssue({ code: "custom", message: problem });
  });

export const stepSchema = z
  .object({
    id: z
      .string()
      .regex(slugPattern, `a step id is ${slugRule}`)
      .describe("Names the step in reports and signals; lower-case letters, digits and dashes, unique in this demo."),
    title: localized(z.string().min(1).max(80)).describe("The popover's heading (or one per locale: { en: …, de: … })."),
    body: localized(markdownBody).describe(
      "What the popover says. **bold**, *italics*, `code` and [links](https://…) are shown as such. One per locale if the demo has several.",
    ),
    target: anchor.optional().describe('The data-tour="…" element in the product to highlight; leave out for a centered step.'),
    placement: z
      .enum(placements)
      .default("bottom")
      .describe("Which side of its target the popover sits on; center for a step without a target."),
    waitFor: sandboxActionKind.optional().describe("Advance only when the visitor really does this in the sandbox."),
    nextLabel: localized(z.string().min(1).max(30))
      .optional()
      .describe("Label of the primary button (defaults to Next, or Finish on the last step)."),
    personas: z
      .array(persona)
      .min(1)
      .optional()
      .describe("Show this step only to visitors trying the demo as one of these personas (a branch of the tour)."),
  })
  .strict();

export const demoSchema = z
  .object({
    title: localized(z.string().min(1).max(80)).describe("The demo's name in the gallery and on its tour."),
    persona: localized(z.string().min(1).max(60)).describe('Who the demo is for, on its gallery card ("For: Sales teams").'),
    durationMinutes: z.number().int().min(1).max(60).describe('How long the tour takes, on its gallery card ("About 4 min").'),
    summary: localized(z.string().min(1).max(280)).describe("One or two sentences on the gallery card."),
    locales: z
      .array(localeTag)
      .min(1)
      .default(["en"])
      .describe("The languages the demo is written in, the first being the fallback; every text is then given for each."),
    fixture: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*\.(ya?ml|json)$/, "fixture is a .yaml or .json file name beside demo.yaml")
      .default("fixture.yaml")
      .describe("Fixture file beside demo.yaml that seeds each sandbox (YAML or JSON; its tables may name CSV files)."),
    personas: z
      .array(persona)
      .min(1)
      .optional()
      .describe('Roles the gallery offers ("Try it as a Sales leader"); steps may branch on them.'),
    position: z.number().int().default(100).describe("Gallery order; lower first."),
    steps: z.array(stepSchema).min(1).max(40).describe("The tour, in order. A step with personas is a branch only those visitors see."),
  })
  .strict()
  .superRefine((demo, ctx) => {
    const texts: [PropertyKey[], LocalizedText | undefined][] = [
      [["title"], demo.title],
      [["persona"], demo.persona],
      [["summary"], demo.summary],
      ...demo.steps.flatMap((step, index): [PropertyKey[], LocalizedText | undefined][] => [
        [["steps", index, "title"], step.title],
        [["steps", index, "body"], step.body],
        [["steps", index, "nextLabel"], step.nextLabel],
      ]),
    ];
    for (const [path, text] of texts) checkTranslations(demo.locales, path, text, ctx);
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
  })
  .meta({ title: "Openhouse demo", description: "demos/<slug>/demo.yaml: a demo's gallery card and its product tour." });

/** Every locale of the demo, and no other, for each text; one plain text is enough only for a one-locale demo. */
function checkTranslations(locales: string[], path: PropertyKey[], text: LocalizedText | undefined, ctx: z.RefinementCtx): void {
  if (text === undefined) return;
  const listed = locales.join(", ");
  if (typeof text === "string") {
    if (locales.length > 1) {
      const example = locales.map((locale) => `${locale}: …`).join(", ");
      ctx.addIssue({ code: "custom", path, message: `this demo is written in ${listed}: give this text for each, as { ${example} }` });
    }
    return;
  }
  for (const locale of Object.keys(text)) {
    if (!locales.includes(locale)) {
      ctx.addIssue({
        code: "custom",
        path: [...path, locale],
        message: `"${locale}" is not one of this demo's locales (${listed}); add it under locales: or remove it`,
      });
    }
  }
  const missing = locales.filter((locale) => !(locale in text));
  if (missing.length > 0) {
    ctx.addIssue({
      code: "custom",
      path,
      message: `missing the ${missing.map((locale) => `"${locale}"`).join(", ")} translation (locales: ${listed})`,
    });
  }
}

export type DemoDefinition = z.infer<typeof demoSchema>;
export type DemoStep = z.infer<typeof stepSchema>;

/**
 * A step as the browser gets it: its texts in the visitor's locale, its body already rendered to safe HTML on
 * the server (step-markdown.ts).
 */
export type TourStep = Omit<DemoStep, "title" | "body" | "nextLabel"> & {
  title: string;
  body: string;
  nextLabel?: string;
  bodyHtml: string;
};

/** What the browser needs to run a demo's tour: its title, the steps this visitor's persona sees, its slug, the locale. */
export type TourDemo = { title: string; steps: TourStep[]; slug: string; persona?: PersonaId; locale: string };
