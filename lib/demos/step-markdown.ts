// The Markdown a marketer may write in a step's body: **bold**, *italics* (or _italics_), `inline code` and
// [links](https://…). Rendered to HTML on the server, where everything is escaped and only those four elements
// are ever written, so no Markdown parser ships to the browser and nothing a demo file says can become a
// script, an event attribute or a javascript: link. Pure: demo-schema.ts checks links with it too.

export type RenderedMarkdown = { html: string; problems: string[] };

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

/** https://, http://, mailto: or a path on this site; never javascript:, data: or a protocol-relative //host. */
export function isAllowedLink(url: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url) || (/^\/[^\s]*$/.test(url) && !url.startsWith("//"));
}

const linkPattern = /^\[([^\]\n]+)\]\(([^)\s]+)\)/;

function renderInline(source: string, problems: string[]): string {
  let html = "";
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const character = source[index] ?? "";
    if (character === "`") {
      const end = source.indexOf("`", index + 1);
      if (end > index + 1) {
        html += `<code>${escapeHtml(source.slice(index + 1, end))}</code>`;
        index = end + 1;
        continue;
      }
    } else if (rest.startsWith("**")) {
      const end = source.indexOf("**", index + 2);
      if (end > index + 2) {
        html += `<strong>${renderInline(source.slice(index + 2, end), problems)}</strong>`;
        index = end + 2;
        continue;
      }
    } else if ((character === "*" || character === "_") && /\S/.test(source[index + 1] ?? " ")) {
      const end = source.indexOf(character, index + 1);
      if (end > index + 1 && /\S/.test(source[end - 1] ?? " ")) {
        html += `<em>${renderInline(source.slice(index + 1, end), problems)}</em>`;
        index = end + 1;
        continue;
      }
    } else if (character === "[") {
      const link = linkPattern.exec(rest);
      if (link) {
        const [whole, text = "", url = ""] = link;
        const label = renderInline(text, problems);
        if (isAllowedLink(url)) {
          const external = !url.startsWith("/");
          const opens = external ? ' target="_blank" rel="noopener noreferrer"' : "";
          html += `<a href="${escapeHtml(url)}"${opens}>${label}</a>`;
        } else {
          problems.push(`the link "${url}" is not allowed: links go to https://…, mailto:… or a path on this site (/…)`);
          html += label;
        }
        index += whole.length;
        continue;
      }
    }
    html += escapeHtml(character);
    index++;
  }
  return html;
}

/** The body as safe HTML (line breaks become spaces), and what is wrong with it for demos:check. */
export function renderStepMarkdown(source: string): RenderedMarkdown {
  const problems: string[] = [];
  const html = renderInline(source.replace(/\s*\n\s*/g, " ").trim(), problems);
  return { html, problems };
}
