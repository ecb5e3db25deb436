// A long read on PostgreSQL, a batch at a time, through a cursor DECLAREd in a transaction. Not postgres.js's
// own cursor(): that one fetches from a protocol-level portal, which PostgreSQL plans as if every row were
// wanted at once — for the visitors' CSV at 100,000 visitors a hash join of every visitor and a sort spilling to
// disk, 180 ms before the first row. A DECLAREd cursor is planned for its first rows (cursor_tuple_fraction):
// the same query walks the rank index, its first 500 rows in about 3 ms (EXPLAIN ANALYZE, BENCHMARKS.md).
import "server-only";
import type postgres from "postgres";

let cursors = 0;

/**
 * Rows of `text` in batches of `batchSize`. Outside a transaction it takes a connection of the pool for the
 * read's length, in a read-only transaction of its own (one snapshot for the whole export); inside one
 * (`connection`) it declares the cursor there. Returning early closes the cursor and gives the connection back.
 */
export async function* declaredCursorRows<Row>(
  client: postgres.Sql,
  connection: postgres.TransactionSql | undefined,
  text: string,
  params: postgres.ParameterOrJSON<never>[],
  batchSize: number,
): AsyncGenerator<Row[]> {
  const name = `openhouse_rows_${++cursors}`;
  const reserved = connection ? undefined : await client.reserve();
  const on = connection ?? reserved;
  if (!on) throw new Error("no connection to read on");
  let open = false;
  try {
    if (reserved) await reserved.unsafe("begin read only");
    await on.unsafe(`declare ${name} no scroll cursor for ${text}`, params);
    open = true;
    for (;;) {
      const rows = (await on.unsafe(`fetch forward ${Math.max(1, Math.floor(batchSize))} from ${name}`)) as unknown as Row[];
      if (rows.length > 0) yield [...rows];
      if (rows.length < batchSize) break;
    }
  } finally {
    try {
      if (reserved) await reserved.unsafe("rollback");
      else if (open) await on.unsafe(`close ${name}`);
    } finally {
      reserved?.release();
    }
  }
}
