// The forecast's numbers as a table: the accessible source the chart above it draws.

import type { ForecastCategory, ForecastRow } from "@/lib/pipeline/forecast";
import { categoryLabels } from "./forecast-words";
import { formatMoney } from "./format";
import { TableScroll } from "./TableScroll";

type Props = {
  caption: string;
  /** What the first column holds ("Month of close", "Owner"). */
  rowHeading: string;
  rows: ForecastRow[];
  total: ForecastRow;
  labelOf: (row: ForecastRow) => string;
  testId: string;
};

const columns: ForecastCategory[] = ["commit", "bestCase", "pipeline", "won"];

export function ForecastTable({ caption, rowHeading, rows, total, labelOf, testId }: Props) {
  return (
    <TableScroll label={caption}>
      <table className="forecast-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {columns.map((category) => (
              <th scope="col" key={category}>
                {categoryLabels[category]}
              </th>
            ))}
            <th scope="col">Deals</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{labelOf(row)}</th>
              {columns.map((category) => (
                <td key={category}>{formatMoney(row[category])}</td>
              ))}
              <td>{row.deals}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {columns.map((category) => (
              <td key={category} data-testid={`${testId}-total-${category}`}>
                {formatMoney(total[category])}
              </td>
            ))}
            <td>{total.deals}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
