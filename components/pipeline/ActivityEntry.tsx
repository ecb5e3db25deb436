// One entry in an activity history: its kind, what happened, with whom or on what, and when.
import type { ReactNode } from "react";
import type { Activity } from "@/db/sandbox/schema";
import { activityKindLabels, formatMoment } from "./format";

/** `children` says who or what the entry was with: a contact on a deal's page, a deal on a contact's. */
export function ActivityEntry({
  activity,
  children,
}: {
  activity: Pick<Activity, "kind" | "summary" | "occurredAt">;
  children?: ReactNode;
}) {
  return (
    <li>
      <span className={`activity-kind kind-${activity.kind}`}>{activityKindLabels[activity.kind]}</span> {activity.summary}
      {children ? <span className="muted"> · {children}</span> : null}
      <time className="muted" dateTime={activity.occurredAt}>
        {formatMoment(activity.occurredAt)}
      </time>
    </li>
  );
}
