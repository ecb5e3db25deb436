// How many new sandboxes one client may create per minute (resuming is never limited).
import { config } from "@/lib/config";
import { createRateLimiter, type RateLimiter } from "@/lib/http/rate-limit";

let shared: RateLimiter | undefined;

/** The process-wide limiter the /try route uses. */
export function provisionLimiter(): RateLimiter {
  shared ??= createRateLimiter(config.provisionRatePerMinute);
  return shared;
}
