// What the prospect's panel reads the wire with, loaded when the conversation is first used (use-conversation.ts):
// the contracts' parsers bring zod/mini (~7 kB gzip), which stays off the product page's first load.
export { openLiveStream } from "@/components/live/open-live-stream";
export { visitorConversationSchema } from "@/lib/contracts/conversations";
export { readAnswer } from "@/lib/contracts/read-answer";
