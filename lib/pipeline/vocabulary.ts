// The sample product's fixed words: the stages a deal moves through and the kinds of entry in its history.
// Plain constants, no drizzle or zod, so client components, input schemas and the sandbox tables share them.

export const stages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"] as const;
export type Stage = (typeof stages)[number];

/** How a stage is written for people: in the product and in a rep's journey. */
export const stageLabels: Record<Stage, string> = {
  lead: "Lead",
  qualified: "Qualified",
  proposal: "Proposal",
  negotiation: "Negotiation",
  won: "Won",
  lost: "Lost",
};

/** What a visitor may log on a deal ("Log an activity"). */
export const loggableActivityKinds = ["call", "email", "meeting"] as const;
export type LoggableActivityKind = (typeof loggableActivityKinds)[number];

/** Longest summary of a logged activity: a few sentences, as a rep writes after a call; a pasted transcript is refused. */
export const maxSummaryLength = 500;

/** What an entry in a deal's activity records; the product itself writes "note" and "stage" entries. */
export const activityKinds = [...loggableActivityKinds, "note", "stage"] as const;
export type ActivityKind = (typeof activityKinds)[number];
