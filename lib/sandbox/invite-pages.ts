// What a person sees at an invite link (/join/<token>): the invitation with one "Join" button (opening the
// link changes nothing, so a chat app's preview or a mail scanner never takes a place in the copy), or a
// friendly page that says why they cannot join and offers a fresh copy of the demo instead.
import "server-only";
import { demoRow } from "@/db/queries/demos";
import type { JoinOutcome } from "./shared-copies";
import { maxPeoplePerCopy } from "./shared-copies";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);

// Inline, as the other pages answered before Next renders (lib/http/error-page.ts): no hashed stylesheet names.
const style = `body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111827;background:#f6f7fb;line-height:1.5}
main{max-width:40rem;margin:4rem auto;padding:0 1.5rem}.button{display:inline-block;background:#4338ca;color:#fff;padding:.6rem 1.1rem;border:0;border-radius:10px;text-decoration:none;font:inherit;cursor:pointer}
.button:focus-visible,a:focus-visible{outline:3px solid #1e1b4b;outline-offset:2px}a{color:#3730a3}.muted{color:#4b5563}`;

type Page = { status: number; heading: string; paragraphs: string[]; action: string };

function html({ heading, paragraphs, action }: Omit<Page, "status">): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(heading)} — Openhouse</title><style>${style}</style></head>
<body><main id="main"><h1>${escapeHtml(heading)}</h1>${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("")}
${action}</main></body></html>`;
}

function answer(page: Page): Response {
  return new Response(html(page), {
    status: page.status,
    // The link's token never leaves in a Referer for another site; "no-referrer" would also make the browser
    // send "Origin: null" with the Join form, and the front door refuses a write that is not from our pages.
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "same-origin" },
  });
}

async function demoTitle(slug: string): Promise<string> {
  return (await demoRow(slug))?.title ?? "the demo";
}

const link = (href: string, text: string) => `<p><a class="button" href="${escapeHtml(href)}">${escapeHtml(text)}</a></p>`;
const freshCopy = (slug: string, title: string) =>
  `${link(`/try/${encodeURIComponent(slug)}`, `Start a fresh copy of ${title}`)}<p>Or <a href="/">Choose a demo</a> from all of them.</p>`;

/** The invitation: who asks, what joining means, and the one button that joins. */
export async function invitationPage(sandboxDemo: string): Promise<Response> {
  const title = await demoTitle(sandboxDemo);
  return answer({
    status: 200,
    heading: `Join a colleague's copy of ${title}`,
    paragraphs: [
      "A colleague invited you into their own copy of the demo: you see what they built, and what you change, they see.",
      "You get your own tour. Nobody asks for your name or email.",
    ],
    action: `<form method="post"><button class="button" type="submit">Join their copy</button></form>
<p class="muted">Or <a href="/try/${encodeURIComponent(sandboxDemo)}">start a fresh copy of your own</a>.</p>`,
  });
}

/** Why the link cannot be joined, with a way on; `undefined` for an outcome that opens the copy. */
export async function refusalPage(outcome: JoinOutcome): Promise<Response | undefined> {
  switch (outcome.kind) {
    case "joined":
    case "member":
      return undefined;
    case "own":
      return answer({
        status: 409,
        heading: "This link is to your own copy",
        paragraphs: ["Send it to a colleague: whoever opens it joins this copy with you."],
        action: `${link(`/s/${outcome.sandboxId}`, "Back to your copy")}<p>Or <a href="/">Choose a demo</a> to try another.</p>`,
      });
    case "off":
      return answer({
        status: 410,
        heading: "This invite link was turned off",
        paragraphs: [
          "Whoever shared it turned the link off, so it no longer opens their copy. Ask them for a new link, or start your own.",
        ],
        action: freshCopy(outcome.demoSlug, await demoTitle(outcome.demoSlug)),
      });
    case "full":
      return answer({
        status: 409,
        heading: "This copy is full",
        paragraphs: [`A shared copy holds ${maxPeoplePerCopy} people, and this one has that many. You can start a copy of your own.`],
        action: freshCopy(outcome.demoSlug, await demoTitle(outcome.demoSlug)),
      });
    case "gone":
      return answer({
        status: 410,
        heading: "This copy is no longer here",
        paragraphs: ["Copies that nobody uses for a while are cleared. You can start a fresh one."],
        action: freshCopy(outcome.demoSlug, await demoTitle(outcome.demoSlug)),
      });
    case "unknown":
      return answer({
        status: 404,
        heading: "This invite link does not work",
        paragraphs: ["It may have been copied only in part. Ask for the link again, or choose a demo to try."],
        action: link("/", "Choose a demo"),
      });
  }
}
