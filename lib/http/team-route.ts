// The one way to write a team API route (/api/sales/**, /api/studio/**): the guard, the JSON body and the error
// shape are said once here. The handler gets a member whose role may use `permission`, the body parsed by
// `body`, and the route's `params`; it returns data (answered 200 as JSON) or a Response, and refuses by
// throwing an ApiError or a domain error (lib/http/api-error.ts maps both to one `{error, fields?}` shape).
import "server-only";
import { z } from "zod";
import type { Permission } from "@/lib/auth/roles";
import { memberForRequest, type TeamSession } from "@/lib/auth/team-session";
import { ApiError, apiErrorResponse } from "./api-error";
import { parseJsonBody, rawBodyOf } from "./read-json-body";
import { jsonOk } from "./responses";

/** A body the domain parses itself (it also serves forms and the CLI): any JSON object. */
export const jsonObject = z.record(z.string(), z.unknown(), { error: "Send a JSON object" });

const defaultMaxBodyBytes = 16 * 1024;

type Options<Schema extends z.ZodType | undefined, Param extends string> = {
  permission: Permission;
  /** The JSON body's schema; without one the body is never read. */
  body?: Schema;
  /** Larger bodies are refused 413 (decided from Content-Length before reading when it can). */
  maxBodyBytes?: number;
  /** The dynamic segments the handler reads, e.g. ["account"] for app/api/sales/accounts/[account]. */
  params?: readonly Param[];
};

type BodyOf<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

export type TeamCall<Body, Param extends string> = {
  request: Request;
  member: TeamSession;
  body: Body;
  params: Record<Param, string>;
};

/** What Next hands a route handler beside the request. */
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function teamRoute<Schema extends z.ZodType | undefined = undefined, Param extends string = never>(
  options: Options<Schema, Param>,
  handler: (call: TeamCall<BodyOf<Schema>, Param>) => Promise<Response | object>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const member = await memberForRequest(request, options.permission);
      const segments = (await context?.params) ?? {};
      const params = {} as Record<Param, string>;
      for (const name of options.params ?? []) {
        const value = segments[name];
        // Next always fills a [name] segment; a route listing a name it lacks is a bug, not a 4xx.
        if (typeof value !== "string") throw new Error(`The route has no [${name}] segment`);
        params[name] = value;
      }
      let body: unknown;
      if (options.body) {
        const parsed = await parseJsonBody(rawBodyOf(request), options.body, options.maxBodyBytes ?? defaultMaxBodyBytes);
        if (!parsed.ok) throw new ApiError(parsed.status, parsed.error, parsed.fields);
        body = parsed.value;
      }
      // The schema above made it a BodyOf<Schema>; TypeScript cannot follow a conditional type through `if`.
      const answer = await handler({ request, member, body: body as BodyOf<Schema>, params });
      return answer instanceof Response ? answer : jsonOk(answer);
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}
