// GET /embed/center: the demo center in another site's page — the gallery, filterable by role and by stage of
// the buyer's journey with a plain form (no script), each demo one "Start the demo" away. Like a poster, it
// provisions nothing until a demo is started.
import "server-only";
import { funnelStages } from "@/lib/demos/demo-schema";
import { listGalleryDemos } from "@/lib/demos/gallery";
import { personaIds, personaLabels } from "@/lib/demos/personas";
import { htmlError } from "@/lib/http/error-page";
import { arrivalQuery, parseEmbedArrival } from "./embed-arrival";
import { embedPageHtml, escapeHtml, htmlAnswer } from "./embed-page";
import { newTabLink } from "./poster";
import { mayEmbed } from "./who-may-embed";

const stageLabels: Record<(typeof funnelStages)[number], string> = {
  awareness: "Getting to know it",
  consideration: "Comparing options",
  decision: "Ready to decide",
};

export async function demoCenterAnswer(request: Request, nonce: string | undefined): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = parseEmbedArrival(params);
  if (!parsed.ok) return htmlError(400, { heading: "This embed's address is not right", explanation: parsed.error });
  const stage = params.get("stage") || undefined;
  if (stage && !(funnelStages as readonly string[]).includes(stage)) {
    return htmlError(400, {
      heading: "This embed's address is not right",
      explanation: `stage must be one of ${funnelStages.join(", ")}.`,
    });
  }
  const { arrival } = parsed;
  const allowed = arrival.origin === undefined || mayEmbed(arrival.origin, request);
  const demos = (await listGalleryDemos()).filter(
    (demo) =>
      (!arrival.persona || demo.personas.length === 0 || demo.personas.some((persona) => persona.id === arrival.persona)) &&
      (!stage || demo.funnelStage === stage),
  );
  const hidden = ["origin", "page", ...Object.keys(arrival.utm)]
    .map((key) => [key, key === "origin" ? arrival.origin : key === "page" ? arrival.page : arrival.utm[key]] as const)
    .filter(([, value]) => value)
    .map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value ?? "")}">`)
    .join("");
  const option = (value: string, label: string, chosen: string | undefined) =>
    `<option value="${escapeHtml(value)}"${value === chosen ? " selected" : ""}>${escapeHtml(label)}</option>`;
  const filters = `<form class="filters" method="get" action="/embed/center">${hidden}
<label>Your role<select name="persona">${option("", "Any role", arrival.persona)}${personaIds.map((id) => option(id, personaLabels[id], arrival.persona)).join("")}</select></label>
<label>Where you are<select name="stage">${option("", "Any stage", stage)}${funnelStages.map((id) => option(id, stageLabels[id], stage)).join("")}</select></label>
<button class="button secondary" type="submit">Show demos</button></form>`;
  const cards = demos
    .map((demo) => {
      const start = `/embed/demo/${encodeURIComponent(demo.slug)}/start${arrivalQuery(arrival)}`;
      const action = allowed
        ? `<form method="post" action="${escapeHtml(start)}"><button class="button" type="submit" aria-label="Start the demo: ${escapeHtml(demo.title)}">Start the demo</button></form>`
        : newTabLink(demo.slug, arrival, "Open in a new tab");
      return `<li><h2>${escapeHtml(demo.title)}</h2><p class="meta"><span class="pill">For: ${escapeHtml(demo.persona)}</span><span>About ${demo.durationMinutes} min</span></p>
<p>${escapeHtml(demo.summary)}</p><div class="actions">${action}</div></li>`;
    })
    .join("");
  const body = `<h1>Try the product yourself</h1><p class="muted">Each demo is your own live copy with sample data and a short guided tour. No signup, no form.</p>
${filters}<p role="status">${demos.length === 1 ? "1 demo" : `${demos.length} demos`}</p><ul class="cards" aria-label="Demos">${cards}</ul>`;
  return htmlAnswer(embedPageHtml({ title: "Demo center", body, nonce, hostOrigin: allowed ? arrival.origin : undefined }));
}
