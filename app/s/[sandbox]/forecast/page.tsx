// The forecast a sales leader reviews: commit, best case and pipeline by month of close and by owner.
import type { Metadata } from "next";
import { ForecastChart } from "@/components/pipeline/ForecastChart";
import { ForecastTable } from "@/components/pipeline/ForecastTable";
import { formatMonth, ownerLines } from "@/components/pipeline/forecast-words";
import { loadForecast } from "@/lib/pipeline/forecast";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import "@/components/pipeline/forecast.css";

export const metadata: Metadata = { title: "Forecast · Pipeline demo" };

export default async function ForecastPage({ params }: { params: Promise<{ sandbox: string }> }) {
  const { sandbox: sandboxId } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const { byMonth, byOwner, total } = loadForecast(db);
  const monthLabel = (row: { key: string }): [string, string] => {
    const [month = "", year = ""] = formatMonth(row.key).split(" ");
    return [month, year];
  };
  return (
    <div className="forecast">
      <h1>Forecast</h1>
      <dl className="forecast-definitions card" data-tour="forecast-definitions">
        <div>
          <dt>Commit</dt>
          <dd>Deals in negotiation</dd>
        </div>
        <div>
          <dt>Best case</dt>
          <dd>Deals in proposal or negotiation</dd>
        </div>
        <div>
          <dt>Pipeline</dt>
          <dd>Every open deal: lead, qualified, proposal, negotiation</dd>
        </div>
        <div>
          <dt>Won</dt>
          <dd>Deals already won, beside the forecast</dd>
        </div>
      </dl>
      <p className="muted">Lost deals count nowhere. Each deal counts in the month of its close date.</p>
      {total.deals === 0 ? (
        <p>There are no open or won deals to forecast yet. Create a deal and it appears here.</p>
      ) : (
        <>
          <section className="card forecast-section" aria-labelledby="by-month">
            <h2 id="by-month">By month of close</h2>
            <div data-tour="forecast-chart">
              <ForecastChart id="month-chart" title="Forecast by month of close" rows={byMonth} total={total} labelOf={monthLabel} />
            </div>
            <div data-tour="forecast-table">
              <ForecastTable
                caption="Forecast by month of close (USD)"
                rowHeading="Month of close"
                rows={byMonth}
                total={total}
                labelOf={(row) => formatMonth(row.key)}
                testId="forecast-by-month"
              />
            </div>
          </section>
          <section className="card forecast-section" aria-labelledby="by-owner" data-tour="forecast-by-owner">
            <h2 id="by-owner">By owner</h2>
            <ForecastChart id="owner-chart" title="Forecast by owner" rows={byOwner} total={total} labelOf={(row) => ownerLines(row.key)} />
            <ForecastTable
              caption="Forecast by owner (USD)"
              rowHeading="Owner"
              rows={byOwner}
              total={total}
              labelOf={(row) => row.key}
              testId="forecast-by-owner"
            />
          </section>
        </>
      )}
    </div>
  );
}
