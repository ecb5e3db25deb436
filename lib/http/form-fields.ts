// A server action's form argument as the client sent it. The browser always sends FormData, but anyone can
// post any argument list to an action id, so the form is parsed here instead of trusted by its type.

/** The text fields of a FormData (files and Next's `$ACTION…` fields left out), or undefined for anything else. */
export function formFields(form: unknown): Record<string, string> | undefined {
  if (!(form instanceof FormData)) return undefined;
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$")) fields[key] = value;
  return fields;
}

export const notAFormMessage = "That request did not carry the form; reload the page and try again";
