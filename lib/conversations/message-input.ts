// What a message may be, from either side: plain text, trimmed, length-limited, no control characters
// except line breaks and tabs. Shown escaped (React text), links shown as text and never fetched.
import { z } from "zod";

export const maxMessageLength = 2000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const forbiddenControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const messageBodySchema = z
  .string({ error: "Type a message first" })
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Type a message first")
      .max(maxMessageLength, `Keep a message under ${maxMessageLength} characters; send the rest in another`)
      .refine((text) => !forbiddenControl.test(text), "The message holds invisible control characters; type it again without them"),
  );

export const postMessageSchema = z.object({ body: messageBodySchema }).strict();
export type PostMessage = z.infer<typeof postMessageSchema>;
