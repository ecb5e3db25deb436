// The one spelling of a slug: the names a marketer writes in a demo (folder, step ids, fixture keys) and the
// tracker sends back. Plain data, no zod, so the browser, the schemas and the loader all check it the same way.

/** Lower-case letters, digits and dashes, starting with a letter or digit; at most 64 characters. */
export const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What `slugPattern` accepts, for the error a marketer reads ("a step id is …"). */
export const slugRule = "lower-case letters, digits and dashes";
