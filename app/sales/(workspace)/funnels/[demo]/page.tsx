// One demo's funnel: a chart and a table with the same numbers, then the same split by role, by locale and by
// source, all of it narrowed to one source by `?source=`.
import Link from "next/link";
import { notFound } from "next/navigation";
import { FunnelChart } from "@/components/sales/FunnelChart";
import { FunnelSourceFilter, FunnelSourceNotices } from "@/components/sales/FunnelSourceFilter";
import { FunnelTable } from "@/components/sales/FunnelTable";
import { requireTeamMember } from "@/lib/auth/team-session";
import { slugPattern } from "@/lib/demos/slug";
import { describeSource, parseSourceFilter } from "@/lib/insights/funnel-sources";
import { demoFunnel } from "@/lib/insights/funnels";

export default async function DemoFunnelPage({
  params,
  searchParams,
}: {
  params: Promise<{ demo: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { demo: slug } = await params;
  const path = `/sales/funnels/${encodeURIComponent(slug)}`;
  const { filter, error } = parseSourceFilter((await searchParams).source);
  await requireTeamMember({ next: path });
  const funnel = slugPattern.test(slug) ? await demoFunnel(slug, { source: filter }) : undefined;
  if (!funnel) notFound();
  const shown = describeSource(funnel.source);
  return (
    <>
      <p>
        <Link href="/sales/funnels">← All funnels</Link>
      </p>
      <h1>{funnel.title}: funnel</h1>
      <FunnelSourceFilter action={path} sources={funnel.sources} filter={funnel.source} />
      <FunnelSourceNotices error={error} filter={funnel.source} sources={funnel.sources} clearHref={path} />
      {funnel.pending > 0 ? <p className="notice">{funnel.pending.toLocaleString("en")} recent events are still being counted.</p> : null}
      <FunnelChart title={`${funnel.title} funnel`} stages={funnel.stages} />
      <FunnelTable caption={`Funnel, ${shown}`} stages={funnel.stages} testId="funnel-table" />
      <h2>Outcomes</h2>
      <FunnelTable caption={`Outcomes, ${shown}`} stages={funnel.outcomes} testId="outcomes-table" />
      {funnel.answers.length > 0 ? (
        <>
          <h2>Answers to choice steps</h2>
          <ul data-testid="answers">
            {funnel.answers.map((answer) => (
              <li key={`${answer.step}-${answer.option}`}>
                ‘{answer.step}’ → {answer.option}: {answer.visitors}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {funnel.missingTargets.length > 0 ? (
        <>
          <h2>Steps whose target was missing</h2>
          <ul>
            {funnel.missingTargets.map((missing) => (
              <li key={missing.step}>
                {missing.step}: {missing.visitors}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>By role chosen</h2>
      {funnel.byPersona.map((split) => (
        <FunnelTable key={split.label} caption={`Funnel, ${split.label}`} stages={split.stages} />
      ))}
      <h2>By locale</h2>
      {funnel.byLocale.map((split) => (
        <FunnelTable key={split.label} caption={`Funnel, ${split.label}`} stages={split.stages} />
      ))}
      <h2>By source</h2>
      {funnel.bySource.map((split) => (
        <FunnelTable key={split.label} caption={`Funnel, ${split.label}`} stages={split.stages} testId="source-split" />
      ))}
    </>
  );
}
