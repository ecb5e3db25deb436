// How much one contact import may hold. Plain constants, nothing of the server, so the upload form can say
// "too large" before sending a file the Server Action limit would refuse.

/** Under the 1 MB a Server Action accepts (lib/next-workarounds/action-request-checks.ts), with room for the form. */
export const maxContactsFileBytes = 1_000_000;
/** Rows one import may hold: enough for a trial, small enough to check and show at once. */
export const maxContactRows = 1_000;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

export const tooLargeMessage = (bytes: number) =>
  `That file is ${megabytes(bytes)}; Pipeline imports files up to 1 MB (about ${maxContactRows.toLocaleString("en-US")} contacts). Split it and import each part.`;
