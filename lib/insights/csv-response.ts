// The HTTP answer for a CSV export: streamed, named for download, never cached.
import "server-only";
import { type CsvExportName, csvExportStream } from "./export-csv";

export async function csvExportResponse(name: CsvExportName, now = new Date()): Promise<Response> {
  const file = `openhouse-${name}-${now.toISOString().slice(0, 10)}.csv`;
  return new Response(await csvExportStream(name, now.getTime()), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
