// The studio's demo list: every folder in demos/ (broken ones with their file:line problems), flagged ones first.

import { headers } from "next/headers";
import { CopyTextButton } from "@/components/studio/CopyTextButton";
import { DemoCard } from "@/components/studio/DemoCard";
import { DemosChangedRefresh } from "@/components/studio/DemosChangedRefresh";
import { requireRole } from "@/lib/auth/team-session";
import { centerSnippet, publicAppOrigin } from "@/lib/embed/snippet";
import { studioDemoList } from "@/lib/studio/demo-list";
import { demoVersion } from "@/lib/studio/demo-version";
import { targetMissingRule } from "@/lib/studio/target-missing-rule";

export const dynamic = "force-dynamic";

export default async function StudioPage() {
  await requireRole("studio", { next: "/studio" });
  const version = demoVersion();
  const list = await studioDemoList();
  const flagged = list.filter((demo) => demo.flagged);
  const center = centerSnippet(publicAppOrigin(await headers()));
  return (
    <>
      <h1>Demos</h1>
      <DemosChangedRefresh version={version.version} watching={version.watching} />
      {flagged.length > 0 ? (
        <section className="notice flagged-demos" aria-labelledby="flagged-heading" data-testid="flagged-demos">
          <h2 id="flagged-heading">Targets going missing</h2>
          <p>
            In the last {targetMissingRule.recentHours} hours these demos’ tours could not find a step’s target far more often than in the{" "}
            {targetMissingRule.baselineDays} days before: the product may have changed under them.
          </p>
          <ul>
            {flagged.map((demo) => (
              <li key={demo.slug}>
                <a href={`#demo-${demo.slug}`}>{demo.title}</a>:{" "}
                {demo.steps
                  .filter((step) => step.jumped)
                  .map((step) => `“${step.title}”`)
                  .join(", ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.length === 0 ? <p className="empty">No demos in demos/ yet: start one with npm run demos:new my-demo.</p> : null}
      {list.map((demo) => (
        <DemoCard key={demo.slug} demo={demo} />
      ))}
      <section aria-labelledby="center-embed-heading" className="embed-section">
        <h2 id="center-embed-heading">Embed the demo center</h2>
        <p>
          The gallery in your own site’s page, filterable by role and stage; each demo’s own snippet is on its page. See docs/embedding.md.
        </p>
        <label htmlFor="center-snippet">Embed snippet for the demo center</label>
        <textarea className="embed-snippet" id="center-snippet" readOnly rows={4} value={center} spellCheck={false} />
        <CopyTextButton text={center} label="Copy demo center snippet" />
      </section>
    </>
  );
}
