"use client";
// Whether React has hydrated this page. A form whose submit handler is JavaScript must not be sent before then:
// the browser would send it itself, as a GET with every field in the address (a Slack webhook's URL is a
// credential; an email is personal) and the person's input lost. Its submit button is disabled until this is
// true, and the form says method="post" besides, so nothing it holds ever lands in a URL.
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/** False in the server's HTML and during hydration; true once React runs the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, inBrowser, onServer);
}
