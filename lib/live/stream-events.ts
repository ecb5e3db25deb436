// Live-stream events the browser reacts to by name, shared by the server that sends them and the pages that
// listen. Plain constants: no server code ships to the browser with them.

/** A stream's last event when a newer stream (tab) of the same person replaces it; the page stops reconnecting. */
export const supersededEvent = "superseded";
