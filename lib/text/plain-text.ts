// The one rule for plain text a person types for another person to read (a conversation message, either way):
// normalised to NFC with one kind of line break and no blank or invisible edges; refused when it holds a broken
// character (a lone UTF-16 surrogate, which would be stored and read back as "�"), a control character other than
// a line break or tab, or a bidirectional override, embedding or isolate (which would reorder what the reader
// sees: "Trojan Source"); and empty when nothing in it is visible (zero-width characters only).
import { z } from "zod";
import { hasControlCharacter } from "./control-characters";

/** Half of a surrogate pair with no other half. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. The marks LRM and RLM stay: they reorder nothing around them. */
const directionControl = /[\u202a-\u202e\u2066-\u2069]/;
/** Nothing to see: format characters (zero-width space and joiners, direction marks, BOM, soft hyphen) and blank fillers. */
const visible = /[^\s\p{Cf}\u115f\u1160\u2800\u3164\uffa0]/u;
/** What is trimmed from the edges: those, except the direction marks that may set how a right-to-left line reads. */
const invisibleAtEdge = /[\s\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\u115f\u1160\u2800\u3164\uffa0]/;

export const plainTextMessages = {
  empty: "Type a message first",
  broken: "The message holds a broken character (half of an emoji?); type it again",
  control: "The message holds invisible control characters; type it again without them",
  direction: "The message holds invisible characters that reverse the text's direction; type it again without them",
} as const;

/** NFC, "\n" for every line break, nothing invisible at either end. */
export function normalizePlainText(text: string): string {
  const normal = text.normalize("NFC").replace(/\r\n?/g, "\n");
  // A loop, not a /^…+|…+$/ regex: on a long run of invisible characters that one backtracks quadratically.
  let start = 0;
  let end = normal.length;
  while (start < end && invisibleAtEdge.test(normal.charAt(start))) start++;
  while (end > start && invisibleAtEdge.test(normal.charAt(end - 1))) end--;
  return normal.slice(start, end);
}

/** What is wrong with normalised text by the rule, or undefined when it may be stored and shown. */
export function plainTextProblem(text: string): string | undefined {
  if (loneSurrogate.test(text)) return plainTextMessages.broken;
  if (hasControlCharacter(text.replace(/[\n\t]/g, ""))) return plainTextMessages.control;
  if (directionControl.test(text)) return plainTextMessages.direction;
  if (!visible.test(text)) return plainTextMessages.empty;
  return undefined;
}

/** A zod schema for such text, at most `maxLength` UTF-16 units once normalised. */
export function plainTextSchema(maxLength: number, tooLong: string) {
  return z
    .string({ error: plainTextMessages.empty })
    .transform(normalizePlainText)
    .pipe(
      z
        .string()
        .superRefine((text, context) => {
          const problem = plainTextProblem(text);
          if (problem) context.addIssue({ code: "custom", message: problem });
        })
        .pipe(z.string().max(maxLength, tooLong)),
    );
}
