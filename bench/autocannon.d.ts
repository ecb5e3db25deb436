// The part of autocannon's API the benchmarks use (the package ships no types and @types/autocannon is
// not a dependency).
declare module "autocannon" {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: { setupRequest?: (request: Request) => Request }[];
  };
  type Histogram = { p50: number; p99: number };
  type Result = {
    latency: Histogram;
    statusCodeStats: Record<string, { count: number }>;
    non2xx: number;
    "2xx": number;
    errors: number;
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
