// Keeps a recorded action's detail small: what a rep reads in one line, never a whole pasted text.

/** Longest text in an action's detail, in UTF-16 units (what JavaScript's `length` counts). */
export const maxDetailTextLength = 80;

/** `text` as it goes into an action's detail: whole if it fits, else cut at a character boundary and ended with "…". */
export function detailText(text: string): string {
  if (text.length <= maxDetailTextLength) return text;
  let cut = "";
  for (const character of text) {
    if (cut.length + character.length > maxDetailTextLength - 1) break;
    cut += character;
  }
  return `${cut.trimEnd()}…`;
}
