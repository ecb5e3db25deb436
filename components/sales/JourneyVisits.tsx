// A journey as visits (sessions), each a timeline of what happened; on an account's journey each line names
// the person ("Visitor 2").
import type { JourneyVisit } from "@/lib/insights/journey";
import { formatExact, formatWhen } from "./format";

export function JourneyVisits({ visits, truncated }: { visits: JourneyVisit[]; truncated: boolean }) {
  if (visits.length === 0) return <p className="muted">No activity recorded yet.</p>;
  return (
    <>
      {truncated ? <p className="muted">Showing the latest 1,000 events; older ones are in the CSV export's totals.</p> : null}
      {visits.map((visit, index) => (
        <section key={`${visit.sessionId ?? "none"}-${visit.startedAt.getTime()}`} className="visit" aria-labelledby={`visit-${index}`}>
          <h3 id={`visit-${index}`} className="visit-heading">
            Visit {index + 1} · {formatWhen(visit.startedAt)}
          </h3>
          <ol className="timeline" aria-label={`Visit ${index + 1}`}>
            {visit.items.map((item) => (
              <li
                key={item.id}
                className={`timeline-item type-${item.type.replace(".", "-")}`}
                data-testid="journey-event"
                data-type={item.type}
              >
                <time dateTime={item.at.toISOString()}>{formatExact(item.at)}</time>
                <span>
                  {item.person !== undefined ? <strong className="person">Visitor {item.person}: </strong> : null}
                  {item.text}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
