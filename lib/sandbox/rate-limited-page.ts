// The page a person sees when one address starts too many demos in a minute: plain HTML, never JSON.
import "server-only";

export function rateLimitedPage(retryAfterSeconds: number): Response {
  const wait = Math.max(1, retryAfterSeconds);
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>One moment, please — Openhouse</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#111827}a{color:#3730a3}</style>
</head>
<body>
<main id="main">
<h1>One moment, please</h1>
<p>Many new demo copies were started from your network in the last minute. Please wait about a minute, then try again.</p>
<p>If you already have a demo open in this browser, it is still there and keeps working.</p>
<p><a href="/">Back to the demos</a></p>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(wait), "cache-control": "no-store" },
  });
}
