// "Show, don't push": a rep suggests a page of the product or a step of the demo's tour, with a line of why, and
// the prospect decides ("Show me" / "Not now"). What can be suggested comes only from the product's manifest and
// the demo the prospect is in, so a card never points outside the product; nothing moves their screen on its own.
// The rep sees whether it was opened, and the journey records it.
import "server-only";
import { z } from "zod";
import type { StoredSuggestion } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import { conversationById, markSuggestionOpened, suggestionForVisitor } from "@/db/queries/conversations";
import { demoDefinition } from "@/db/queries/demos";
import type { ReplySent, Suggestable, SuggestionOpened } from "@/lib/contracts/conversations";
import { textIn } from "@/lib/demos/locale";
import { ApiError } from "@/lib/http/api-error";
import { jsonOk } from "@/lib/http/responses";
import { announce, storeLive } from "@/lib/live/hub";
import { navigableRoutes, type PipelineAnchor, type PipelineRoute, pipelineManifest } from "@/lib/pipeline/manifest";
import { isWellFormedId } from "@/lib/sandbox/ids";
import { recordSuggestionOpened } from "@/lib/signals/record-action";
import { postTeamMessage } from "./conversations";

/** One line of why: a sentence, not a second message. */
export const maxWhyLength = 200;

export const suggestionRequestSchema = z
  .object({
    kind: z.enum(["page", "step"], { error: "kind is “page” or “step”" }),
    target: z.string({ error: "Choose a page or a tour step" }).max(64, "Choose a page or a tour step from the list"),
    why: z
      .string({ error: "Add one line of why" })
      .max(maxWhyLength, `Keep the why to one line (at most ${maxWhyLength} characters)`)
      .refine((why) => !why.includes("\n"), "Keep the why to one line"),
  })
  .strict();
export type SuggestionRequest = z.output<typeof suggestionRequestSchema>;

const isRoute = (name: string): name is PipelineRoute => (navigableRoutes as string[]).includes(name);

/** The product path a route is at, under the copy; "" for an anchor in the header, found on every page. */
function routePath(route: string): string {
  return route !== "*" && Object.hasOwn(pipelineManifest.routes, route) ? pipelineManifest.routes[route as PipelineRoute].path : "";
}

async function demoSteps(demoSlug: string | null) {
  const definition = demoSlug ? await demoDefinition(demoSlug) : undefined;
  if (!definition) return [];
  const fallback = definition.locales?.[0] ?? "en";
  return definition.steps.map((step) => {
    // The page the step's target is on: "Show me" opens it, and the tour starts there.
    const anchorRoute = step.target ? pipelineManifest.anchors[step.target as PipelineAnchor]?.route : undefined;
    return { id: step.id, label: textIn(step.title, fallback, fallback), path: anchorRoute ? routePath(anchorRoute) : "" };
  });
}

/** What a rep may suggest in a conversation about `demoSlug`: the product's pages, then the demo's tour steps. */
export async function suggestableFor(demoSlug: string | null): Promise<Suggestable[]> {
  const pages = navigableRoutes.map((route): Suggestable => ({ kind: "page", target: route, label: pipelineManifest.routes[route].title }));
  const steps = (await demoSteps(demoSlug)).map((step): Suggestable => ({ kind: "step", target: step.id, label: step.label }));
  return [...pages, ...steps];
}

/** The card for a page or step the manifest and the demo really offer; undefined for anything else. */
export async function resolveSuggestion(
  demoSlug: string | null,
  kind: "page" | "step",
  target: string,
): Promise<StoredSuggestion | undefined> {
  if (kind === "page") {
    return isRoute(target)
      ? { kind, target, label: pipelineManifest.routes[target].title, path: pipelineManifest.routes[target].path }
      : undefined;
  }
  const step = (await demoSteps(demoSlug)).find((candidate) => candidate.id === target);
  return step ? { kind, target, label: step.label, path: step.path } : undefined;
}

/** POST /api/sales/conversations/<id>/suggestions: refused with 400 (nothing stored) for a page or step that does not exist. */
export async function postSuggestion(
  member: { user: { id: string } },
  conversationId: string,
  request: SuggestionRequest,
): Promise<Response> {
  const conversation = isWellFormedId(conversationId) ? await conversationById(conversationId) : undefined;
  if (!conversation) throw new ApiError(404, "No such conversation");
  const suggestion = await resolveSuggestion(conversation.demoSlug, request.kind, request.target);
  if (!suggestion) {
    const what = request.kind === "page" ? "page of the product" : "step of this demo's tour";
    throw new ApiError(400, `There is no ${what} called “${request.target}”: choose one from the list`, { target: "not offered" });
  }
  const result = await postTeamMessage({ conversationId, userId: member.user.id, body: request.why, suggestion });
  if (!("messageId" in result)) throw new ApiError(result.status, result.error);
  return jsonOk({ messageId: result.messageId } satisfies ReplySent, 201);
}

/**
 * The prospect chose "Show me": the first time, the rep's thread says it was opened and the journey records it.
 * Answers where to go (and the step to start the tour at), or undefined when the card is not theirs.
 */
export async function openSuggestion(visitorId: string, messageId: number, now = new Date()): Promise<SuggestionOpened | undefined> {
  const found = await suggestionForVisitor(messageId, visitorId);
  const suggestion = found?.suggestion;
  if (!found || !suggestion) return undefined;
  const first = await store().transaction(async (tx) => {
    await tx.special.takeTurn("liveEvents");
    if (!(await markSuggestionOpened(messageId, now, tx))) return false;
    await storeLive(tx, [{ topic: "team", type: "conversation.updated", payload: { conversationId: found.conversationId } }]);
    return true;
  });
  if (first) {
    await announce();
    await recordSuggestionOpened(found, suggestion, visitorId);
  }
  return { path: suggestion.path, ...(suggestion.kind === "step" ? { step: suggestion.target } : {}) };
}
