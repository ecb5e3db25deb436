// The page a person sees when a request is refused before Next can render one (a broken address, a form
// post that cannot be read): self-contained HTML in the house colours, saying what happened and where to go.

export type RefusalPage = { heading: string; explanation: string };

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

// Inline, because a refused request must not depend on the build's hashed stylesheet names.
const style = `body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111827;background:#f6f7fb;line-height:1.5}
main{max-width:40rem;margin:4rem auto;padding:0 1.5rem}a.button{display:inline-block;background:#4338ca;color:#fff;padding:.6rem 1.1rem;border-radius:10px;text-decoration:none}`;

export function errorPageHtml({ heading, explanation }: RefusalPage): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(heading)} — Openhouse</title><style>${style}</style></head>
<body><main id="main"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(explanation)}</p>
<p><a class="button" href="/">Choose a demo</a></p></main></body></html>`;
}

export function htmlError(status: number, page: RefusalPage): Response {
  return new Response(errorPageHtml(page), {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
