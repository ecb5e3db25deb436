// "Did you mean …?" for a name a marketer mistyped: the closest allowed name, if it is close enough to be the
// one they meant (a typo, a swapped pair, a missing dash), and nothing when every allowed name is far off.

/** Edits to turn `a` into `b`: insert, delete, substitute, or swap two neighbours (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  // One flat row-major table; cell(row, column) is the distance between a's first `row` and b's first `column`.
  const table = new Array<number>((a.length + 1) * width).fill(0);
  const cell = (row: number, column: number) => table[row * width + column] ?? 0;
  for (let row = 0; row <= a.length; row++) {
    for (let column = 0; column <= b.length; column++) {
      if (row === 0 || column === 0) {
        table[row * width + column] = row + column;
        continue;
      }
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(cell(row - 1, column) + 1, cell(row, column - 1) + 1, cell(row - 1, column - 1) + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1])
        best = Math.min(best, cell(row - 2, column - 2) + 1);
      table[row * width + column] = best;
    }
  }
  return cell(a.length, b.length);
}

/**
 * The allowed name `input` most likely meant, or undefined. Case and separators are ignored first
 * ("Pipeline_Total" → "pipeline-total"); otherwise a name within a third of its length in edits (at least one),
 * the nearest winning and the first listed breaking a tie.
 */
export function didYouMean(input: unknown, allowed: readonly unknown[]): string | undefined {
  if (typeof input !== "string" || input === "") return undefined;
  const names = allowed.filter((name): name is string => typeof name === "string" && name !== input);
  const folded = (name: string) => name.toLowerCase().replace(/[\s_.-]+/g, "");
  const same = names.find((name) => folded(name) === folded(input));
  if (same) return same;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(input.toLowerCase(), name.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(input.length, name.length) / 3));
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
