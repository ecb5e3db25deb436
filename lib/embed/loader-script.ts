// The loader a host page includes (GET /embed.js): plain JavaScript, no framework, under 2 kB gzip. It finds
// each <div data-openhouse-demo="slug"> (and <div data-openhouse-center>), and replaces the link inside it
// with a frame of the poster, or — on a site not allowed to embed — makes that link open the demo in a new tab.
// It sizes each frame to its content from the frame's messages — up to the height of the visitor's window, so
// the tour's popover and bottom sheet (fixed to the frame's viewport) are never below the fold of a tall frame —
// brings the frame fully into view when the visitor's click in it loads another page (the poster's "Start the
// demo"), and re-emits the frame's events as a `window` "openhouse" event. It adds nothing else to the page: no
// style, no global, one message and one resize listener.
import "server-only";
import { runtime } from "@/lib/runtime/runtime";

export function loaderAnswer(): Response {
  return new Response(loaderScript(runtime().config.embedOrigins), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      // Short: a site added to EMBED_ORIGINS should not wait long for its visitors' copies to learn it.
      "cache-control": "public, max-age=300",
    },
  });
}

/** The loader, knowing which sites may embed (EMBED_ORIGINS; this app itself always may). */
export function loaderScript(embedOrigins: readonly string[]): string {
  return `/* Openhouse embed loader: docs/embedding.md */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var app = new URL(script.src).origin;
  var allowed = ${JSON.stringify(embedOrigins)};
  var here = location.origin;
  var frames = [];

  function embed(element) {
    if (element.hasAttribute("data-openhouse-state")) return;
    var slug = element.getAttribute("data-openhouse-demo");
    var center = !slug && element.hasAttribute("data-openhouse-center");
    if (!slug && !center) return;
    var query = new URLSearchParams();
    var persona = element.getAttribute("data-persona");
    if (persona) query.set("persona", persona);
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (/^utm_(source|medium|campaign|term|content)$/.test(key)) query.set(key, value);
    });
    var link = element.querySelector("a");
    if (here !== app && allowed.indexOf(here) < 0) {
      element.setAttribute("data-openhouse-state", "new-tab");
      if (!link) return;
      link.href = app + (center ? "/" : "/try/" + encodeURIComponent(slug) + "?" + query);
      link.target = "_blank";
      link.rel = "noopener";
      link.appendChild(document.createTextNode(" (opens in a new tab)"));
      console.warn("Openhouse: " + here + " is not in EMBED_ORIGINS, so the demo opens in a new tab.");
      return;
    }
    query.set("origin", here);
    query.set("page", here + location.pathname);
    var frame = document.createElement("iframe");
    frame.src = app + (center ? "/embed/center?" : "/embed/demo/" + encodeURIComponent(slug) + "?") + query;
    frame.title = element.getAttribute("data-title") || (link && link.textContent.trim()) || "Interactive demo";
    frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = "display:block;width:100%;border:0;height:" + (parseInt(element.getAttribute("data-height"), 10) || 420) + "px";
    element.setAttribute("data-openhouse-state", "framed");
    element.replaceChildren(frame);
    frames.push(frame);
    // The first load is the poster (or, on a reload, the visitor's copy): the host page stays where it is. A
    // later one follows a click in the frame: the demo the visitor asked for comes fully into view, now and
    // once more when its new page has told its height (whichever comes first).
    var loads = 0;
    frame.addEventListener("load", function () {
      if (!loads++) return;
      frame.reveal = true;
      frame.scrollIntoView({ block: "nearest" });
    });
  }

  function fit(frame, reveal) {
    if (frame.contentHeight) frame.style.height = Math.min(Math.max(frame.contentHeight, 120), innerHeight, 20000) + "px";
    if (reveal && frame.reveal) {
      frame.reveal = false;
      frame.scrollIntoView({ block: "nearest" });
    }
  }

  addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== app || !data || data.source !== "openhouse" || data.version !== 1) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      if (data.type === "resize") {
        frames[i].contentHeight = Number(data.height) || 0;
        fit(frames[i], true);
      } else dispatchEvent(new CustomEvent("openhouse", { detail: data }));
    }
  });
  addEventListener("resize", function () {
    frames.forEach(function (frame) {
      fit(frame);
    });
  });

  function start() {
    document.querySelectorAll("[data-openhouse-demo],[data-openhouse-center]").forEach(embed);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
`;
}
