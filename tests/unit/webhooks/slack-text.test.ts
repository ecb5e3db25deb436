// An alert carries a prospect's own words. In Slack they must read as written — never mention a channel, never
// become a link whose label hides where it goes — and in generic JSON they stay data, exactly as typed.
import { describe, expect, it } from "vitest";
import { deliveryBody } from "@/lib/webhooks/deliver";
import { escapeSlackText } from "@/lib/webhooks/slack-text";

describe("text for Slack", () => {
  it.each([
    ["a channel mention", "<!channel> please call me", "&lt;!channel&gt; please call me"],
    ["a here mention", "hello <!here|here>", "hello &lt;!here|here&gt;"],
    ["a user mention", "ask <@U024BE7LH>", "ask &lt;@U024BE7LH&gt;"],
    ["a link with a forged label", "<https://evil.example|your invoice>", "&lt;https://evil.example|your invoice&gt;"],
    ["an entity", "AT&amp;T &lt;b&gt;", "AT&amp;amp;T &amp;lt;b&amp;gt;"],
    ["a plain ampersand and comparison", "Q&A: 3 < 5 > 2", "Q&amp;A: 3 &lt; 5 &gt; 2"],
  ])("escapes %s", (_, typed, sent) => {
    expect(escapeSlackText(typed)).toBe(sent);
  });

  it("leaves everything else as it is, formatting marks and bare links included", () => {
    const text = "“Can we *talk*?” — Ünal, https://example.com/a?b=1 😀";
    expect(escapeSlackText(text)).toBe(text);
  });
});

describe("an alert's body", () => {
  const typed = "A prospect asked: “<!channel> pay <https://evil.example|here> & now”";
  const payload = { text: typed, data: { body: "<!channel> pay <https://evil.example|here> & now" }, at: "2026-12-01T00:00:00.000Z" };

  it("is escaped for a Slack webhook", () => {
    expect(JSON.parse(deliveryBody({ id: 1, kind: "conversation.started", payload }, "slack"))).toEqual({
      text: "A prospect asked: “&lt;!channel&gt; pay &lt;https://evil.example|here&gt; &amp; now”",
    });
  });

  it("keeps the words as data in generic JSON", () => {
    expect(JSON.parse(deliveryBody({ id: 1, kind: "conversation.started", payload }, "json"))).toEqual({
      id: 1,
      kind: "conversation.started",
      ...payload,
    });
  });
});
