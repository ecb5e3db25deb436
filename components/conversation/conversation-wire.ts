// What the prospect's panel reads answers with, loaded when the conversation is first used (use-conversation.ts):
// the contract's schema brings zod/mini (17 kB gzip in Next's build), which stays off the product page's first load.
export { suggestionOpenedSchema, visitorConversationSchema } from "@/lib/contracts/conversations";
export { readAnswer } from "@/lib/contracts/read-answer";
