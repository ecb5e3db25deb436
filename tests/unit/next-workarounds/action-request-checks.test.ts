import { describe, expect, it } from "vitest";
import { actionBodyLimitBytes, screenServerActionRequest } from "@/lib/next-workarounds/action-request-checks";

const host = "demo.example";
const actionId = "7f".repeat(21);
const form = (body: string) => ({ "content-type": "multipart/form-data; boundary=zz", body });
const validForm = '--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nDeal\r\n--zz--\r\n';

function post(headers: Record<string, string>, body?: string): Request {
  return new Request(`http://${host}/s/AAAAAAAAAAAAAAAAAAAAAA`, { method: "POST", headers: { host, ...headers }, body });
}

async function screen(request: Request) {
  const refused = await screenServerActionRequest(request);
  return refused && { status: refused.status, type: refused.headers.get("content-type"), body: await refused.text() };
}

describe("the Server Action screen", () => {
  it("lets well-formed actions, plain posts and every other method through to Next", async () => {
    const { body, ...headers } = form(validForm);
    expect(await screen(post({ "next-action": actionId, ...headers }, body))).toBeUndefined();
    expect(await screen(post({ "next-action": actionId, "content-type": "text/plain;charset=UTF-8" }, '["id",1]'))).toBeUndefined();
    expect(await screen(post({ "content-type": "application/x-www-form-urlencoded" }, "email=a"))).toBeUndefined();
    expect(await screen(new Request(`http://${host}/`, { headers: { "next-action": actionId } }))).toBeUndefined();
    expect(await screen(post({ origin: `http://${host}`, "next-action": actionId, "content-type": "text/plain" }, "[]"))).toBeUndefined();
  });

  it("answers a fetch action in JSON and a form posted by a person with a page", async () => {
    const fetched = await screen(post({ "next-action": actionId, "content-type": "text/plain" }, "garbage"));
    expect(fetched).toMatchObject({ status: 400, type: "application/json" });
    const { body, ...headers } = form("garbage");
    const posted = await screen(post(headers, body));
    expect(posted).toMatchObject({ status: 400, type: "text/html; charset=utf-8" });
    expect(posted?.body).toContain("That form could not be read");
  });

  it("refuses a body that is not an argument list, not a form, or larger than Next accepts", async () => {
    for (const text of ["", "123", '"$@1"', "{}", "[1,"]) {
      expect((await screen(post({ "next-action": actionId, "content-type": "text/plain" }, text)))?.status, text).toBe(400);
    }
    expect((await screen(post({ "next-action": actionId, "content-type": "multipart/form-data" }, validForm)))?.status).toBe(400);
    const huge = `["${"a".repeat(actionBodyLimitBytes)}"]`;
    expect((await screen(post({ "next-action": actionId, "content-type": "text/plain" }, huge)))?.status).toBe(413);
  });
});
