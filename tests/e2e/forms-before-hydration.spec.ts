// A workspace form sends itself with JavaScript (fetch, then the answer shown beside its fields). Clicked before
// React hydrated the page, the browser used to send it on its own: a GET with every field in the address bar, the
// server's logs and the history (a clean-clone CI run caught a webhook's address there), and the person's input
// gone. Until hydration its submit button is disabled, and the form says method="post" besides.
import { expect, test } from "./fixtures";
import { contextAs } from "./sign-in-as";
import { admin } from "./team";

const pages: [string, string[]][] = [
  ["/sales/webhooks", ["Add webhook"]],
  ["/sales/links", ["Create link"]],
  ["/sales/team", ["Add member"]],
];

test("before hydration a workspace form cannot be sent, and never by GET; once hydrated it can", async ({ browser, baseURL }) => {
  const signedIn = await contextAs(browser, baseURL ?? "", admin);
  const session = await signedIn.storageState();
  // What the browser shows before React runs: the server's HTML alone.
  const withoutScript = await browser.newContext({ storageState: session, javaScriptEnabled: false });
  const before = await withoutScript.newPage();
  const hydrated = await signedIn.newPage();
  try {
    for (const [path, buttons] of pages) {
      await before.goto(path);
      const forms = before.locator("main form:has(button[type=submit])");
      expect(await forms.count(), path).toBeGreaterThan(0);
      for (const method of await forms.evaluateAll((all) => all.map((form) => (form as HTMLFormElement).method))) {
        expect(method, path).toBe("post");
      }
      for (const name of buttons) await expect(before.getByRole("button", { name }), `${path}: ${name}`).toBeDisabled();
      await expect(before.locator("main form button[type=submit]:not([disabled])"), path).toHaveCount(0);

      await hydrated.goto(path);
      for (const name of buttons) await expect(hydrated.getByRole("button", { name }), `${path}: ${name}`).toBeEnabled();
    }
  } finally {
    await withoutScript.close();
    await signedIn.close();
  }
});
