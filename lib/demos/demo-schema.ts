// What a marketer writes in demos/<slug>/demo.yaml. This zod schema is the single definition: the parser
// validates against it, the tour player and pages use its inferred types, editors use demos/demo.schema.json
// generated from it (`npm run demos:schema`), so a field's `.describe()` is the hint an editor shows.
// The checks across steps (paths, choices, `then:`, a CTA at every end) live in tour-graph.ts; they run here,
// inside the schema, so their problems get the same file:line:column as a misspelt field.
import { z } from "zod";
import { productAnchors } from "@/lib/pipeline/anchors";
import { navigableRoutes, pipelineManifest } from "@/lib/pipeline/manifest";
import { type SandboxActionKind, sandboxActionKinds } from "@/lib/signals/signal-types";
import { type LocalizedText, localePattern } from "./locale";
import { personaIds } from "./personas";
import { slugPattern, slugRule } from "./slug";
import { renderStepMarkdown } from "./step-markdown";
import { allSteps, checkTourGraph, mainPath, stepKind } from "./tour-graph";

/** A step may wait for one of the things a visitor can really do in the sandbox (listed in signal-types.ts). */
export const sandboxActionKind = z.enum(sandboxActionKinds, {
  error: (issue) => `unknown action ${JSON.stringify(issue.input)}; the product records: ${sandboxActionKinds.join(", ")}`,
});
export type { SandboxActionKind };

/** The sides of its target a popover may sit on. A step without a target is a centered dialog (kind: modal). */
export const placements = ["top", "bottom", "left", "right"] as const;
export const stepKinds = ["popover", "modal", "choice", "cta"] as const;
export type StepKind = (typeof stepKinds)[number];

const persona = z.enum(personaIds, {
  error: (issue) => `unknown persona ${JSON.stringify(issue.input)}; personas are: ${personaIds.join(", ")}`,
});

const anchor = z.enum(productAnchors, {
  error: (issue) => `unknown anchor ${JSON.stringify(issue.input)}; the product has: ${productAnchors.join(", ")}`,
});

const route = z.enum(navigableRoutes as [string, ...string[]], {
  error: (issue) => `unknown route ${JSON.stringify(issue.input)}; a tour can go to: ${navigableRoutes.join(", ")}`,
});

const localeTag = z.string().regex(localePattern, "a locale is a language tag such as en, de or pt-BR");

/** Text written once, or once per locale: `title: Welcome` or `title: { en: Welcome, de: Willkommen }`. */
function localized(text: z.ZodString | z.ZodType<string>) {
  return z.union([text, z.record(localeTag, text)]);
}

const pathName = z
  .string()
  .regex(slugPattern, `a path name is ${slugRule}`)
  .describe("The name of a path under paths: (or main, the demo's steps:).");

const markdownBody = z
  .string()
  .min(1)
  .max(600)
  .superRefine((body, ctx) => {
    for (const problem of renderStepMarkdown(body).problems) ctx.addIssue({ code: "custom", message: problem });
  });

/** An element found by what assistive technology calls it, for controls that carry no data-tour anchor. */
const roleLocator = z
  .object({
    role: z
      .string()
      .regex(/^[a-z]+$/, "an ARIA role is a lower-case word such as button, link or textbox")
      .describe("The ARIA role (button, link, textbox, heading, …)."),
    name: localized(z.string().min(1).max(80)).describe("Its accessible name, as a screen reader reads it (one per locale if it differs)."),
  })
  .strict();

/** Where a `do:` recipe acts: an anchor name, or a role + accessible name. */
const locator = z.union([anchor, roleLocator], {
  error: (issue) =>
    typeof issue.input === "string"
      ? `unknown anchor ${JSON.stringify(issue.input)}; the product has: ${productAnchors.join(", ")}`
      : "a locator is an anchor name, or { role: <ARIA role>, name: <accessible name> }",
});

/** "https://…", or the word contact: the deployment's CONTACT_URL (the same place as "Talk to a human"). */
const ctaUrl = z
  .string()
  .refine(
    (url) => url === "contact" || /^https:\/\/[^\s/]+/.test(url),
    'a CTA url is an https:// address, or the word "contact" for CONTACT_URL',
  );

export const ctaSchema = z
  .object({
    label: localized(z.string().min(1).max(40)).describe('The button\'s words ("Book a demo").'),
    url: ctaUrl.describe('Where it leads: an https:// address, or "contact" for the configured CONTACT_URL.'),
  })
  .strict();

const detailValue = z.union([z.string().min(1).max(120), z.number()]);

export const waitForSchema = z.union([
  sandboxActionKind,
  z
    .object({
      action: sandboxActionKind,
      where: z
        .record(z.string(), detailValue)
        .optional()
        .describe("Fields the recorded action's detail must hold, e.g. { to: negotiation }."),
    })
    .strict(),
]);

const recipeFile = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "an upload file is a file name beside demo.yaml (no folders)")
  .describe("A file beside demo.yaml.");

const recipeVerbs = { click: undefined, fill: "with", select: "option", upload: "file" } as const;
type RecipeVerb = keyof typeof recipeVerbs;

/**
 * One thing a checker does to perform a waitFor step (issue #10): `click: <locator>`, `fill: <locator>` with
 * `with:`, `select: <locator>` with `option:`, `upload: <locator>` with `file:`. One object rather than a union
 * of four, so a wrong anchor is reported at its own field instead of as "matches none of four shapes".
 */
export const recipeStepSchema = z
  .object({
    click: locator.optional(),
    fill: locator.optional(),
    with: z.string().max(200).optional().describe("The text to type, with fill:."),
    select: locator.optional(),
    option: z.string().min(1).max(80).optional().describe("The option's label, with select:."),
    upload: locator.optional(),
    file: recipeFile.optional(),
  })
  .strict()
  .superRefine((recipe, ctx) => {
    const verbs = (Object.keys(recipeVerbs) as RecipeVerb[]).filter((verb) => recipe[verb] !== undefined);
    if (verbs.length !== 1) {
      ctx.addIssue({ code: "custom", message: "each do: item is one of click:, fill: … with:, select: … option:, upload: … file:" });
      return;
    }
    const verb = verbs[0] as RecipeVerb;
    for (const [other, companion] of Object.entries(recipeVerbs)) {
      if (companion === undefined) continue;
      const present = recipe[companion] !== undefined;
      if (other === verb && !present) ctx.addIssue({ code: "custom", message: `${verb}: needs ${companion}: beside it` });
      if (other !== verb && present)
        ctx.addIssue({ code: "custom", path: [companion], message: `${companion}: goes with ${other}:, not ${verb}:` });
    }
  });

export const stepSchema = z
  .object({
    id: z
      .string()
      .regex(slugPattern, `a step id is ${slugRule}`)
      .describe("Names the step in reports and signals; lower-case letters, digits and dashes, unique in this demo."),
    kind: z
      .enum(stepKinds)
      .optional()
      .describe(
        "popover (beside a target; the default when target or locate is given), modal (centered; the default otherwise), choice (a question that branches), cta (the call to action).",
      ),
    title: localized(z.string().min(1).max(80)).describe("The step's heading (or one per locale: { en: …, de: … })."),
    body: localized(markdownBody).describe(
      "What the step says. **bold**, *italics*, `code` and [links](https://…) are shown as such. One per locale if the demo has several.",
    ),
    target: anchor.optional().describe('The data-tour="…" element in the product to highlight.'),
    locate: roleLocator.optional().describe("Highlight an element by its ARIA role and accessible name instead of an anchor."),
    placement: z
      .enum(placements, {
        error: (issue) =>
          issue.input === "center"
            ? "placement: center is now kind: modal (a step without a target is centered)"
            : `placement cannot be ${JSON.stringify(issue.input)} — use one of: ${placements.join(", ")}`,
      })
      .default("bottom")
      .describe("Which side of its target the popover sits on."),
    targetWaitSeconds: z
      .number({ error: "targetWaitSeconds is a whole number of seconds, like 60" })
      .int("targetWaitSeconds is a whole number of seconds, like 60")
      .min(1, "targetWaitSeconds is at least 1")
      .max(600, "targetWaitSeconds is at most 600 (ten minutes)")
      .optional()
      .describe(
        "How long the tour looks for the target before offering to skip ahead and reporting it missing (default 6). Give more when the target appears only after the visitor's own work, such as an upload.",
      ),
    navigate: route.optional().describe("Take the visitor to this product page; the step completes when they are there."),
    waitFor: waitForSchema
      .optional()
      .describe("Advance only when the visitor really does this in the sandbox: an action, or { action, where: { field: value } }."),
    do: z
      .array(recipeStepSchema)
      .min(1)
      .max(12)
      .optional()
      .describe(
        "What the visitor does at this step before it moves on, as demos:check performs it (a waitFor step's action): click, fill … with, select … option, upload … file.",
      ),
    options: z
      .array(z.object({ label: localized(z.string().min(1).max(60)), path: pathName }).strict())
      .min(2)
      .max(4)
      .optional()
      .describe("A choice step's answers (2–4): each continues on the named path."),
    cta: ctaSchema.optional().describe("A cta step's own call to action, instead of the demo's."),
    // biome-ignore lint/suspicious/noThenProperty: `then:` is the agreed demo-file word; this object is never awaited.
    then: pathName.optional().describe("After this step, the last of its path, continue on this path."),
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

export const funnelStages = ["awareness", "consideration", "decision"] as const;

export const demoSchema = z
  .object({
    title: localized(z.string().min(1).max(80)).describe("The demo's name in the gallery and on its tour."),
    persona: localized(z.string().min(1).max(60)).describe('Who the demo is for, on its gallery card ("For: Sales teams").'),
    durationMinutes: z.number().int().min(1).max(60).describe('How long the tour takes, on its gallery card ("About 4 min").'),
    summary: localized(z.string().min(1).max(280)).describe("One or two sentences on the gallery card."),
    funnelStage: z.enum(funnelStages).describe("Where in the buyer's journey this demo is for: awareness, consideration or decision."),
    cta: ctaSchema.describe("The demo's call to action, shown by its cta steps."),
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
    steps: z
      .array(stepSchema)
      .min(1)
      .max(40)
      .describe(`The main path (named ${mainPath}), in order. A step with personas is a branch only those visitors see.`),
    paths: z
      .record(pathName, z.array(stepSchema).min(1).max(40))
      .optional()
      .describe("More named paths, reached by a choice step's options or a step's then:."),
  })
  .strict()
  .superRefine((demo, ctx) => {
    const texts: [PropertyKey[], LocalizedText | undefined][] = [
      [["title"], demo.title],
      [["persona"], demo.persona],
      [["summary"], demo.summary],
      [["cta", "label"], demo.cta.label],
    ];
    for (const { step, at } of allSteps(demo)) {
      texts.push([[...at, "title"], step.title], [[...at, "body"], step.body], [[...at, "nextLabel"], step.nextLabel]);
      // A plain accessible name is the product's own, the same in every locale; per-locale names are checked.
      if (step.locate && typeof step.locate.name !== "string") texts.push([[...at, "locate", "name"], step.locate.name]);
      if (step.cta) texts.push([[...at, "cta", "label"], step.cta.label]);
      step.options?.forEach((option, index) => {
        texts.push([[...at, "options", index, "label"], option.label]);
      });
      checkStepFields(step, at, demo.personas, ctx);
    }
    for (const [path, text] of texts) checkTranslations(demo.locales, path, text, ctx);
    for (const problem of checkTourGraph(demo)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  })
  .meta({ title: "Openhouse demo", description: "demos/<slug>/demo.yaml: a demo's gallery card and its product tour." });

export type DemoDefinition = z.infer<typeof demoSchema>;
export type DemoStep = z.infer<typeof stepSchema>;
export type DemoCta = z.infer<typeof ctaSchema>;
export type WaitFor = z.infer<typeof waitForSchema>;
export type RecipeStep = z.infer<typeof recipeStepSchema>;

/** The rules between one step's own fields: what each kind needs and what it cannot have. */
function checkStepFields(step: DemoStep, at: PropertyKey[], offered: DemoDefinition["personas"], ctx: z.RefinementCtx): void {
  const issue = (field: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path: [...at, ...field], message });
  const kind = stepKind(step);
  if (step.target && step.locate) issue(["locate"], "give target or locate, not both");
  if (kind === "popover" && !step.target && !step.locate)
    issue(["kind"], "a popover needs a target: (an anchor) or locate: { role, name }");
  if (kind === "modal" && (step.target || step.locate))
    issue(["kind"], "a modal is centered and has no target; use kind: popover or remove the target");
  if (kind === "choice" && !step.options) issue(["kind"], "a choice step needs options: [ { label, path }, … ] (2 to 4)");
  if (kind !== "choice" && step.options) issue(["options"], "only a kind: choice step has options");
  if (kind !== "cta" && step.cta) issue(["cta"], "only a kind: cta step has its own cta:");
  if (kind === "choice" || kind === "cta") {
    for (const field of ["waitFor", "navigate", "then"] as const) {
      if (step[field] !== undefined) issue([field], `a ${kind} step cannot have ${field}:; put it on a step of its own`);
    }
  }
  if (step.navigate && step.waitFor) issue(["waitFor"], "a step either navigates or waits for an action; split it in two");
  // do: is what the visitor does at a step before it moves on (on a waitFor step, the action it waits for); a
  // choice, cta or navigate step moves on by the tour's own buttons, so there is nothing for a recipe to do.
  if (step.do && (kind === "choice" || kind === "cta" || step.navigate))
    issue(
      ["do"],
      `do: is what the visitor does at a step before it moves on; a ${step.navigate ? "navigate" : kind} step moves on by its own button, so remove do:`,
    );
  if (step.waitFor) checkWhere(step.waitFor, [...at, "waitFor"], ctx);
  step.personas?.forEach((stepPersona, index) => {
    if (!offered?.includes(stepPersona)) {
      const hint = offered ? `this demo's personas are ${offered.join(", ")}` : "list it under personas: at the top first";
      issue(["personas", index], `"${stepPersona}" is not offered; ${hint}`);
    }
  });
}

/** `where:` names fields the manifest says the action's detail has, with values that field can hold. */
function checkWhere(waitFor: WaitFor, at: PropertyKey[], ctx: z.RefinementCtx): void {
  if (typeof waitFor === "string" || !waitFor.where) return;
  const detail: Record<string, unknown> = pipelineManifest.actions[waitFor.action].detail;
  const fields = Object.keys(detail);
  for (const [field, value] of Object.entries(waitFor.where)) {
    const path = [...at, "where", field];
    const shape = detail[field];
    if (shape === undefined) {
      const has = fields.length > 0 ? `its fields are ${fields.join(", ")}` : "it has no fields to match";
      ctx.addIssue({ code: "custom", path, message: `${waitFor.action} has no field "${field}"; ${has}` });
    } else if (shape === "number" && typeof value !== "number") {
      ctx.addIssue({ code: "custom", path, message: `${field} is a number; write it without quotes` });
    } else if (shape === "text" && typeof value !== "string") {
      ctx.addIssue({ code: "custom", path, message: `${field} is text; write it in quotes` });
    } else if (Array.isArray(shape) && !shape.includes(value)) {
      ctx.addIssue({ code: "custom", path, message: `${field} is one of ${shape.join(", ")}, not ${JSON.stringify(value)}` });
    }
  }
}

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

export type { TourDemo, TourStep } from "./tour-graph";
export { allSteps, stepKind, waitForParts } from "./tour-graph";
