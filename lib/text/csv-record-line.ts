// Where a CSV record starts. csv-parse reports the line a record ends on, and a quoted cell may span lines.

/** The line a record starts on, from csv-parse's `info.lines` (where it ends) and its `raw` text. */
export function recordStartLine(endLine: number, raw: string): number {
  const body = raw.replace(/\r?\n$/, "").replace(/^(\r?\n)+/, "");
  return endLine - (body.match(/\n/g)?.length ?? 0);
}
