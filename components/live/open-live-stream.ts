// One live stream in the browser: an EventSource on the team's or a prospect's stream whose events are parsed
// through the contract (lib/contracts/live-events.ts) and handed over typed; one that does not fit is dropped.
// EventSource reconnects by itself and sends Last-Event-ID, so nothing stored is missed or seen twice. When a
// newer tab of the same person takes over (the server's per-person cap), this one closes for good and says so.
import type { LiveEventOf, TeamStreamType, VisitorStreamType } from "@/lib/contracts/live-events";

type Streams = { team: TeamStreamType; visitor: VisitorStreamType };
const addresses: Record<keyof Streams, string> = { team: "/api/live/team", visitor: "/api/live/visitor" };

type Contract = typeof import("@/lib/contracts/live-events");
/**
 * The contract's parser comes with the first event, not with the page: it brings zod/mini (17 kB gzip in Next's
 * build, `npm run bench:client`), and most pages with a stream only refresh on news.
 */
const loadContract = (): Promise<Contract> => import("@/lib/contracts/live-events");

export type LiveStreamCallbacks = {
  /**
   * Runs each time the stream (re)connects: ephemeral news (activity, typing) sent before that moment is not
   * replayed, so a view rendered before it may be behind and can catch up there.
   */
  onOpen?: () => void;
  /** The connection dropped; EventSource retries by itself meanwhile. */
  onDrop?: () => void;
  /** A newer tab took the live updates over, or the server refused this one: no more retries in this tab. */
  onStop?: () => void;
};

/** What a stream uses of EventSource; a test without a browser passes its own. */
export type LiveSource = {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
};

/** EventSource.CLOSED, spelled out: a test without a browser has no EventSource to read it from. */
const closed = 2;

/** Opens `stream`, hands each event of `types` that fits the contract to `onEvent`, in order; returns the close. */
export function openLiveStream<Stream extends keyof Streams, Type extends Streams[Stream]>(
  stream: Stream,
  types: readonly Type[],
  onEvent: (event: LiveEventOf<Type>) => void,
  callbacks: LiveStreamCallbacks = {},
  open: (address: string) => LiveSource = (address) => new EventSource(address),
): () => void {
  const source = open(addresses[stream]);
  let contract: Contract | undefined;
  let loading: Promise<void> | undefined;
  /** Events that arrived while the parser was on its way, in arrival order. */
  const waiting: [Type, unknown][] = [];
  let listening = true;
  const close = () => {
    listening = false;
    waiting.length = 0;
    source.close();
  };
  const stopForGood = () => {
    if (!listening) return;
    close();
    callbacks.onStop?.();
  };
  const hand = (type: Type, data: unknown) => {
    const event = contract?.parseLiveEvent(type, data);
    if (listening && event && contract?.isLiveEventOf(event, types)) onEvent(event);
  };
  const receive = (type: Type, data: unknown) => {
    if (contract) return hand(type, data);
    waiting.push([type, data]);
    loading ??= loadContract().then((loaded) => {
      contract = loaded;
      for (const [waitingType, waitingData] of waiting.splice(0)) hand(waitingType, waitingData);
    }, stopForGood); // not loadable (offline, or a deploy replaced it): this tab says it has no live news any more
  };
  source.addEventListener("open", () => callbacks.onOpen?.());
  source.addEventListener("error", () => {
    // CLOSED: the server answered with an error status, and EventSource does not retry that.
    if (source.readyState === closed) callbacks.onStop?.();
    else callbacks.onDrop?.();
  });
  source.addEventListener("superseded", () => {
    // Nothing more arrives; what came before it is still handed over, in order.
    source.close();
    if (loading && !contract) void loading.then(stopForGood);
    else stopForGood();
  });
  for (const type of types) source.addEventListener(type, (message) => receive(type, message.data));
  return close;
}
