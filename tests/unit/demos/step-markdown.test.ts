import { describe, expect, it } from "vitest";
import { renderStepMarkdown } from "@/lib/demos/step-markdown";

const html = (source: string) => renderStepMarkdown(source).html;

describe("a step body's Markdown", () => {
  it("renders bold, italics, inline code and links", () => {
    expect(html("Try **New deal**, then *move* it _forward_ with `Move`.")).toBe(
      "Try <strong>New deal</strong>, then <em>move</em> it <em>forward</em> with <code>Move</code>.",
    );
    expect(html("Read [our guide](https://example.com/guide?a=1&b=2).")).toBe(
      'Read <a href="https://example.com/guide?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">our guide</a>.',
    );
    expect(html("See [the board](/s/x) or [write](mailto:sales@example.com)")).toContain('<a href="/s/x">the board</a>');
    expect(html("**bold with *italics* inside**")).toBe("<strong>bold with <em>italics</em> inside</strong>");
  });

  it("never lets a script, an event attribute or raw HTML through", () => {
    expect(html("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html('<img src=x onerror="alert(1)">')).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html('[x](https://e.com/"onmouseover="alert(1))')).not.toMatch(/"onmouseover/);
    expect(html("`<b>not bold</b>`")).toBe("<code>&lt;b&gt;not bold&lt;/b&gt;</code>");
  });

  it("refuses javascript:, data: and protocol-relative links, keeping their text, and says why", () => {
    for (const url of ["javascript:steal", "JavaScript:steal", "data:text/html,hi", "//evil.example", "vbscript:x"]) {
      const rendered = renderStepMarkdown(`[click](${url})`);
      expect(rendered.html, url).toBe("click");
      expect(rendered.problems[0], url).toMatch(/is not allowed/);
    }
  });

  it("leaves unclosed markers as they are, and joins lines", () => {
    expect(html("5 * 3 and a lone ` and **open")).toBe("5 * 3 and a lone ` and **open");
    expect(html("first line\n  second line")).toBe("first line second line");
  });
});
