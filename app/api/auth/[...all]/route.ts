// better-auth's endpoints (/api/auth/sign-in/email, /get-session, /sign-out, …).
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

// A function rather than the instance, so `next build` can import this module without a database.
export const { GET, POST } = toNextJsHandler((request) => auth().handler(request));
