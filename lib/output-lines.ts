// A child process's output, line by line: what every place that starts a server and waits for its "ready on"
// line needs (the test workers, the cluster's nodes, demos:check's walk). Blank lines are skipped; a last line
// without its newline is handed over when the stream ends.
import type { Readable } from "node:stream";

export function onOutputLines(stream: Readable, onLine: (line: string) => void): void {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(line);
  });
  stream.on("end", () => {
    if (rest.trim()) onLine(rest);
  });
}
