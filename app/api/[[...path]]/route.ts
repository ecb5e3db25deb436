// Any /api address no route serves: a 404 in the APIs' error shape, not the HTML page meant for people.
import { jsonError } from "@/lib/http/responses";

function noSuchApi(): Response {
  return jsonError(404, "There is no API at this address");
}

export const GET = noSuchApi;
export const POST = noSuchApi;
export const PUT = noSuchApi;
export const PATCH = noSuchApi;
export const DELETE = noSuchApi;
