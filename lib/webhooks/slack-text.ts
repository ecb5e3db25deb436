// Text for Slack's incoming webhooks. Slack reads `<…>` as a control sequence — a mention (`<!channel>`,
// `<@U123>`), a link with a label of the sender's choosing (`<https://evil|your invoice>`) — and `&` as the
// start of an entity, so words a prospect typed are escaped before they reach a channel
// (https://api.slack.com/reference/surfaces/formatting#escaping): they read there as they were written.

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** `text` with Slack's three control characters escaped, and nothing else changed. */
export function escapeSlackText(text: string): string {
  return text.replace(/[&<>]/g, (character) => entities[character] ?? character);
}
