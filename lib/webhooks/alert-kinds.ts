// What the team can be alerted about, outside Openhouse. Plain constants: the admin UI, the outbox and the
// input schema share them.
export const alertKinds = ["handraise", "conversation.started", "message.unanswered", "score.crossed"] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertLabels: Record<AlertKind, string> = {
  handraise: "A prospect raised a hand",
  "conversation.started": "A prospect started a conversation",
  "message.unanswered": "A message arrived while nobody was online",
  "score.crossed": "A visitor or account crossed the score threshold",
};
