// Live streams as the benches hold them: a minimal EventSource over node:http, many opened a few at a time,
// and the time from a request to its news arriving on each stream. bench:live and bench:committee share these,
// so their message latencies are measured alike.
import fs from "node:fs";
import http from "node:http";

export type FrameListener = (type: string, data: string) => void;

export type Stream = {
  close: () => void;
  /** Hears every frame from now on; returns the call that stops it. */
  onFrame: (listener: FrameListener) => () => void;
};

/** A minimal EventSource over node:http: frames as (event type, data). */
export function openStream(url: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const listeners = new Set<FrameListener>();
    const request = http.get(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`${url}: ${response.statusCode}`));
        response.resume();
        return;
      }
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (type && data) for (const listener of listeners) listener(type, data);
          end = buffer.indexOf("\n\n");
        }
      });
      resolve({
        close: () => request.destroy(),
        onFrame: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      });
    });
    request.on("error", reject);
  });
}

/** Opens `count` streams a few at a time (a burst of 1,000 connects at once would measure the backlog). */
export async function openMany(count: number, open: (index: number) => Promise<Stream>): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let start = 0; start < count; start += 50) {
    streams.push(...(await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, index) => open(start + index)))));
  }
  return streams;
}

/** How long one round waits for its news before counting the streams it has not reached as missed. */
const roundTimeoutMs = 10_000;

/**
 * One round: time from starting `send` to the first frame `arrived` accepts, on each stream. A stream the news
 * never reaches within the round's timeout is counted in `missed`, not sampled.
 */
export async function fanOut(
  streams: Stream[],
  send: () => Promise<void>,
  arrived: (type: string, data: string) => boolean,
): Promise<{ samples: number[]; missed: number }> {
  const samples: number[] = [];
  const stops: (() => void)[] = [];
  let started = 0;
  const arrivals = streams.map(
    (stream) =>
      new Promise<void>((resolve) => {
        const stop = stream.onFrame((type, data) => {
          if (!arrived(type, data)) return;
          samples.push(performance.now() - started);
          stop();
          resolve();
        });
        stops.push(stop);
      }),
  );
  started = performance.now();
  await send();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(arrivals), new Promise((resolve) => (timer = setTimeout(resolve, roundTimeoutMs)))]);
  clearTimeout(timer);
  for (const stop of stops) stop();
  return { samples, missed: streams.length - samples.length };
}

/** `rounds` rounds of `post(marker)`, each timed to a frame carrying its marker arriving on every stream. */
export async function fanOutLatencies(streams: Stream[], post: (marker: string) => Promise<void>, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) samples.push(...(await markedRound(streams, post, round)).samples);
  return samples;
}

/** One round of `post(marker)` with a fresh marker, matched in the frames' data. */
export function markedRound(streams: Stream[], post: (marker: string) => Promise<void>, round: number) {
  const marker = `m${round}-${Math.random().toString(36).slice(2)}`;
  return fanOut(
    streams,
    () => post(marker),
    (_type, data) => data.includes(marker),
  );
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Lets the server finish what the last step started (stream bookkeeping, presence news) before measuring. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
