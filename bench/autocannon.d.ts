// The part of autocannon's API the sandbox benchmark uses (the package ships no types and
// @types/autocannon is not a dependency).
declare module "autocannon" {
  type Options = { url: string; connections?: number; duration?: number; amount?: number };
  type Histogram = { p50: number; p99: number };
  type Result = { latency: Histogram; statusCodeStats: Record<string, { count: number }>; non2xx: number };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
