// Contacts as the import shows them, before (with the line each came from) and after they are created.
import { TableScroll } from "./TableScroll";

type Row = { key: number; line?: number; name: string; title: string; email: string | null; company: string };

export function ImportContactsTable({ caption, rows }: { caption: string; rows: Row[] }) {
  const withLines = rows.some((row) => row.line !== undefined);
  return (
    <TableScroll label={caption}>
      <table className="import-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {withLines ? <th scope="col">Line</th> : null}
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Email</th>
            <th scope="col">Company</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {withLines ? <td>{row.line}</td> : null}
              <td>{row.name}</td>
              <td>{row.title}</td>
              <td>{row.email}</td>
              <td>{row.company}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
