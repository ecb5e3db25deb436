// The prospect's deals, companies and contacts as read from their copy: plain markup, no links into their
// product and no controls — nothing here can change it.
import { formatDay, formatMoney, stageLabels } from "@/components/pipeline/format";
import type { ShoulderView } from "@/lib/shoulder-view/shoulder-view";

type Open = Extract<ShoulderView, { kind: "open" }>;

export function ShoulderViewBoard({ view }: { view: Open }) {
  return (
    <>
      <h2>Deals</h2>
      <p className="muted">
        Open pipeline <strong>{formatMoney(view.board.openTotal)}</strong> · {view.board.dealCount} deals
      </p>
      <div className="shoulder-board">
        {view.board.columns.map((column) => (
          <section key={column.stage} className="card shoulder-column" aria-labelledby={`shoulder-${column.stage}`}>
            <h3 id={`shoulder-${column.stage}`}>
              {stageLabels[column.stage]}{" "}
              <span className="muted">
                {column.deals.length} · {formatMoney(column.total)}
              </span>
            </h3>
            <ul>
              {column.deals.map((deal) => (
                <li key={deal.id} data-testid="shoulder-deal">
                  <strong>{deal.title}</strong>
                  <div className="muted">
                    {deal.company} · {formatMoney(deal.amount)} · closes {formatDay(deal.closeDate)}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <h2>Companies</h2>
      <div className="table-wrap card">
        <table className="visitors-table">
          <caption className="visually-hidden">The prospect’s companies</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Industry</th>
              <th scope="col">People</th>
              <th scope="col">Open deals</th>
            </tr>
          </thead>
          <tbody>
            {view.companies.map((company) => (
              <tr key={company.id}>
                <td>{company.name}</td>
                <td>{company.industry}</td>
                <td>{company.contactCount}</td>
                <td>
                  {company.openDealCount} · {formatMoney(company.openAmount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Contacts</h2>
      <div className="table-wrap card">
        <table className="visitors-table">
          <caption className="visually-hidden">The prospect’s contacts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Company</th>
            </tr>
          </thead>
          <tbody>
            {view.contacts.map((contact) => (
              <tr key={contact.id}>
                <td>{contact.name}</td>
                <td>{contact.title}</td>
                <td>{contact.company}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
