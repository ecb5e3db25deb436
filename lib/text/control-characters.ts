// Control characters (C0, DEL, C1): invisible, and able to recolour a terminal or change what a URL parser
// sees, so text that arrives in a link is screened for them. The one pattern every screen uses.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
const everyControlCharacter = new RegExp(controlCharacter.source, "g");

/** `text` with every control character dropped. */
export function withoutControlCharacters(text: string): string {
  return text.replace(everyControlCharacter, "");
}

/** Whether `text` holds a control character anywhere. */
export function hasControlCharacter(text: string): boolean {
  return controlCharacter.test(text);
}
