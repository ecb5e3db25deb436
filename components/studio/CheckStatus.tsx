// A demo's last `npm run demos:check` browser walk: when, against what, and each failure with where to fix it.
import { formatWhen } from "@/components/sales/format";
import type { RecordedCheckRun } from "@/lib/demos/check-runs";

export function CheckStatus({ check }: { check: RecordedCheckRun | undefined }) {
  if (!check)
    return (
      <p className="check-status" data-testid="check-status">
        Not checked in a browser yet: run <code>npm run demos:check</code>.
      </p>
    );
  const failedPaths = check.paths.filter((path) => !path.ok);
  return (
    <div className="check-status" data-testid="check-status">
      <p>
        {check.ok ? "✓ Passed" : "✗ Failed"} the browser check on {formatWhen(check.checkedAt)} against {check.baseUrl}:{" "}
        {check.paths.length - failedPaths.length} of {check.paths.length} path walks passed.
      </p>
      {check.failures.length > 0 ? (
        <ul className="check-failures">
          {check.failures.map((failure) => (
            <li key={`${failure.path}-${failure.viewport}-${failure.stepId}-${failure.location}`}>
              <strong>
                {failure.path} at {failure.viewport} width, step “{failure.stepId}”
              </strong>{" "}
              — <code>{failure.location}</code>
              <br />
              Expected: {failure.expected}
              <br />
              Found: {failure.found}
              {failure.screenshot ? (
                <>
                  <br />
                  Screenshot: <code>{failure.screenshot}</code>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
