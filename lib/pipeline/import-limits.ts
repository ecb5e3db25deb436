// How much one contact import may hold. Plain constants, nothing of the server, so the upload form can say
// "too large" before sending a file the Server Action limit would refuse. Each bound is what a person can
// map and check by eye; past it a file is refused with what to do, never read or shown in full.

/** Under the 1 MB a Server Action accepts (lib/next-workarounds/action-request-checks.ts), with room for the form. */
export const maxContactsFileBytes = 1_000_000;
/** Rows one import may hold: enough for a trial, small enough to check and show at once. */
export const maxContactRows = 1_000;
/**
 * Columns a file may have. Four fields are mapped from them, each picked from a list of every column: 100 is a
 * wide CRM export, and a list a person can still read. (A 40,000-column file once cost seconds per page view.)
 */
export const maxContactColumns = 100;
/** Characters one cell may hold: the longest field Pipeline keeps is an email (254); a longer cell is a note or a stray quote. */
export const maxCellCharacters = 1_000;
/** The file's first rows shown beside the mapping, and how much of each cell (and column name) they show. */
export const previewRows = 3;
export const previewCharacters = 80;

const count = (value: number) => value.toLocaleString("en-US");
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** What the upload form and the page say the limits are, in one sentence. */
export const limitsSentence = `up to 1 MB, ${count(maxContactRows)} contacts and ${count(maxContactColumns)} columns`;

export const tooLargeMessage = (bytes: number) =>
  `That file is ${megabytes(bytes)}; Pipeline imports files up to 1 MB (about ${count(maxContactRows)} contacts). Split it and import each part.`;

export const tooManyRowsMessage = `That file has more than ${count(maxContactRows)} contacts; Pipeline imports up to ${count(maxContactRows)} at a time. Split it and import each part.`;

export const tooManyColumnsMessage = (columns: number) =>
  `That file has ${count(columns)} columns; Pipeline reads up to ${count(maxContactColumns)}. Keep the columns with each contact's name, title, email and company (delete the others in your spreadsheet) and upload it again.`;

export const tooManyCellsMessage = (line: number, cells: number) =>
  `line ${line} has ${count(cells)} cells; Pipeline reads up to ${count(maxContactColumns)} columns. Check that line's commas and quotes and upload the file again.`;

export const cellTooLongMessage = (line: number, column: number, characters: number) =>
  `line ${line}, column ${column}: a cell of ${count(characters)} characters; Pipeline reads cells up to ${count(maxCellCharacters)}. Shorten it, or delete that column if it is not a name, title, email or company, and upload the file again.`;

/** A cell or column name as the mapping step shows it: at most `previewCharacters`, cut with an ellipsis. */
export function previewOf(text: string): string {
  if (text.length <= previewCharacters) return text;
  // Cut by code point: half an emoji would show as a replacement character.
  const points = Array.from(text);
  return points.length > previewCharacters ? `${points.slice(0, previewCharacters - 1).join("")}…` : text;
}
