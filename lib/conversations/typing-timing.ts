// How "is typing…" travels, one rule for both sides and the server. Plain constants: the prospect's panel and
// the team's workspace import them as the server does.

/** A typing person's page says so at most this often. */
export const typingSentEveryMs = 3_000;
/** How long "is typing…" stays up without news: a little over one interval, so it does not flicker. */
export const typingShownMs = 4_000;
/**
 * The server passes on at most one typing event per sender and conversation in this long: under the pages' own
 * interval, so an honest page's jitter is never dropped, while a script posting in a loop reaches nobody more.
 */
export const typingCoalesceMs = 2_000;
