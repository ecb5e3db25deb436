// The frame of every embed page (the poster, the demo center, "open in a new tab"): plain HTML with its style
// inline and one small script, so a poster costs a few kilobytes and loads none of the app's JavaScript. The
// script tells the embedding page the frame's height, so the host shows no second scroll bar.
import "server-only";
import { escapeHtml } from "@/lib/http/error-page";

export { escapeHtml };

export type EmbedPage = {
  title: string;
  body: string;
  /** This response's script nonce (the front door's policy). */
  nonce: string | undefined;
  /** The embedding page's origin when it is one that may embed: where the frame's messages go. */
  hostOrigin?: string;
  /** Extra tags for <head> (the oEmbed discovery link). */
  head?: string;
};

const style = `*{box-sizing:border-box}html{color-scheme:light}body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111827;background:#fff;line-height:1.5}
main{padding:1.25rem;max-width:56rem;margin:0 auto}h1,h2{line-height:1.25;margin:0 0 .5rem}h1{font-size:1.5rem}h2{font-size:1.15rem}p{margin:.5rem 0}
.meta{display:flex;flex-wrap:wrap;gap:.5rem;color:#374151;font-size:.9rem}.pill{background:#eef2ff;color:#3730a3;border-radius:999px;padding:0 .6rem}
.button{display:inline-block;font:inherit;font-weight:600;border:0;cursor:pointer;background:#4338ca;color:#fff;padding:.65rem 1.2rem;border-radius:10px;text-decoration:none;min-height:44px}
.button:hover{background:#3730a3}.button:focus-visible,a:focus-visible,select:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.secondary{background:#fff;color:#3730a3;border:1px solid #c7d2fe}.secondary:hover{background:#eef2ff}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1rem}.actions form{margin:0}a{color:#3730a3}
.poster{display:grid;gap:1.25rem;grid-template-columns:minmax(0,1fr)}@media(min-width:40rem){.poster{grid-template-columns:3fr 2fr;align-items:center}}
.preview{border:1px solid #e5e7eb;border-radius:12px;background:#f6f7fb;padding:.75rem;display:grid;grid-template-columns:repeat(3,1fr);gap:.5rem;min-height:9rem}
.preview span{display:block;background:#fff;border:1px solid #e5e7eb;border-radius:6px;height:1.6rem}.preview span:first-child{background:#e0e7ff}
.welcome{border-left:3px solid #c7d2fe;padding-left:.75rem;color:#374151}.note{background:#fffbeb;border:1px solid #fcd34d;border-radius:10px;padding:.75rem}
.cards{list-style:none;padding:0;margin:1rem 0 0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.cards li{border:1px solid #e5e7eb;border-radius:12px;padding:1rem}.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}
label{display:grid;gap:.25rem;font-size:.9rem}select{font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:8px;min-height:44px;background:#fff}
.muted{color:#4b5563}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

// Runs in the frame: tells the embedding page the frame's height. postMessage to that origin only: were the
// frame ever elsewhere, the browser would drop the message.
function bridgeScript(hostOrigin: string | undefined): string {
  // "<" is escaped so that no value can close the script element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  return `(function(){var o=${json(hostOrigin ?? null)};if(!o||window.parent===window)return;var last=0;function tell(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);if(h!==last){last=h;parent.postMessage({source:"openhouse",version:1,type:"resize",height:h},o)}}
new ResizeObserver(tell).observe(document.documentElement);tell()})();`;
}

export function embedPageHtml({ title, body, nonce, hostOrigin, head = "" }: EmbedPage): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${head}<style>${style}</style></head>
<body><main id="main">${body}</main><script${nonce ? ` nonce="${escapeHtml(nonce)}"` : ""}>${bridgeScript(hostOrigin)}</script></body></html>`;
}

export function htmlAnswer(html: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers } });
}
