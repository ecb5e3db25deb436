// better-auth's endpoints (/api/auth/sign-in/email, /get-session, /sign-out, …), with failures in the APIs' shape.
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { methodNotAllowed } from "@/lib/http/responses";
import { withErrorField } from "@/lib/next-workarounds/auth-error-shape";

// A function rather than the instance, so `next build` can import this module without a database.
export const { GET, POST } = toNextJsHandler(async (request) => withErrorField(await auth().handler(request)));

// better-auth's team endpoints use GET and POST only; other methods never reach it.
export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = PUT;
export const DELETE = PUT;
