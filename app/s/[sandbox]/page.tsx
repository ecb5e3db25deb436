// The deals board: open pipeline by stage, with counts and totals.
import Link from "next/link";
import { formatDay, formatMoney, stageLabels } from "@/components/pipeline/format";
import { RenewedNote } from "@/components/pipeline/RenewedNote";
import { loadBoard } from "@/lib/pipeline/pipeline";
import { parseRenewedReason, renewedMessage } from "@/lib/sandbox/renewal";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { joinedMessage } from "@/lib/sandbox/shared-copies";

type Props = { params: Promise<{ sandbox: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BoardPage({ params, searchParams }: Props) {
  const { sandbox: sandboxId } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const board = loadBoard(db);
  const query = await searchParams;
  const renewed = parseRenewedReason(String(query.renewed ?? ""));
  return (
    <>
      {renewed ? <RenewedNote message={renewedMessage(renewed)} /> : null}
      {query.joined === "1" ? <RenewedNote message={joinedMessage} /> : null}
      <div className="board-heading">
        <h1>Deals</h1>
        <p className="pipeline-total" data-tour="pipeline-total">
          Open pipeline <strong data-testid="open-total">{formatMoney(board.openTotal)}</strong>
          <span className="muted"> · {board.dealCount} deals</span>
        </p>
      </div>
      <div className="board" data-tour="deals-board">
        {board.columns.map((column) => (
          <section key={column.stage} className={`board-column stage-${column.stage}`} aria-labelledby={`stage-${column.stage}`}>
            <h2 id={`stage-${column.stage}`}>
              {stageLabels[column.stage]}{" "}
              <span className="muted">
                {column.deals.length} · {formatMoney(column.total)}
              </span>
            </h2>
            <ul>
              {column.deals.map((deal) => (
                <li key={deal.id} className="deal-card">
                  <Link href={`/s/${sandboxId}/deals/${deal.id}`}>{deal.title}</Link>
                  <span className="deal-company">{deal.company}</span>
                  <span className="deal-facts">
                    <strong>{formatMoney(deal.amount)}</strong> · closes {formatDay(deal.closeDate)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
