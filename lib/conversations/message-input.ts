// What a message may be, from either side: plain text by the one rule (lib/text/plain-text.ts), at most
// maxMessageLength characters. Shown escaped (React text), links shown as text and never fetched.
import { z } from "zod";
import { plainTextSchema } from "@/lib/text/plain-text";

export const maxMessageLength = 2000;

export const messageBodySchema = plainTextSchema(
  maxMessageLength,
  `Keep a message under ${maxMessageLength} characters; send the rest in another`,
);

export const postMessageSchema = z.object({ body: messageBodySchema }).strict();
export type PostMessage = z.infer<typeof postMessageSchema>;
