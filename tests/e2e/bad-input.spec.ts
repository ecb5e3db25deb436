// Bad input always gets a clear error: a 4xx with JSON {error} from an API, a helpful page for a person — never
// a 500, never a stack trace, never lost data. Every route the server answers (app/, proxy.ts, and the lean
// /api/signals path in scripts/start.ts) is sent what broken links, old clients and attackers really send:
// over real HTTP, and in a real browser wherever a person would see the answer.
import type { APIRequestContext, APIResponse, BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, openAsRep, startDemo } from "./helpers";
import { rep } from "./team";
import { signInWindowMs } from "./worker-server";

/** Who reads the answer, and so what a 4xx must look like. "next": the framework's own answer; only < 500 and no leak. */
type Reader = "person" | "api" | "next";
type Who = "stranger" | "visitor" | "rep";

type Probe = {
  /** What the person or attacker does: the test's name. */
  does: string;
  /**
   * `{sandbox}` is the visitor's product path (/s/<id>), `{sandboxId}` its id, `{action}` a real Server Action id,
   * `{origin}` this app's own origin (as its pages send it).
   */
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whose cookies go with it; a stranger sends none, unless the probe forges some in `headers`. */
  as?: Who;
  reader: Reader;
  /** The exact status, where it is ours to promise. */
  status?: number;
  /** Text the raw answer must contain (a redirect's Location for a 3xx). */
  says?: string | RegExp;
  /** Text a person sees when the same address is opened in a browser. */
  shows?: string | RegExp;
};

const long = (length: number, character = "a") => character.repeat(length);
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const anyId = "AAAAAAAAAAAAAAAAAAAAAA";
const dashId = `-${anyId.slice(1)}`;
const notFound = "We couldn’t find that page";
const brokenAddress = "That address is broken";
const noDemo = /no demo called/;
const sourceRefused = /must be direct, embedded, or the host of a site/;
const product = /^\/s\//;
const json = { "content-type": "application/json" };
const text = { "content-type": "text/plain;charset=UTF-8" };
const multipart = { "content-type": "multipart/form-data; boundary=zz" };
const formPart = (name: string, value: string) => `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--zz--\r\n`;
const formParts = (parts: [string, string][]) =>
  `${parts.map(([name, value]) => `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("")}--zz--\r\n`;
/**
 * A multipart body whose parts may be files: [name, value] or [name, content, file name]. The arguments
 * ("0") go last, as React's own encoding sends them: the action's FormData holds only the parts before them.
 */
const uploadParts = (parts: [string, string, string?][]) =>
  `${[...parts.filter(([name]) => name !== "0"), ...parts.filter(([name]) => name === "0")]
    .map(([name, value, fileName]) =>
      fileName === undefined
        ? `--zz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
        : `--zz\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${value}\r\n`,
    )
    .join("")}--zz--\r\n`;
/** The contact import's arguments as React encodes them: the sandbox id, the previous state, a FormData (part 1). */
const importArguments = '["{sandboxId}",{},"$K1"]';
const signal = (id: string) => ({ id, type: "demo.viewed", at: Date.now(), demo: "pipeline-basics" });
const handRaise = (index: number) => ({
  id: `0190a6c4-7a1e-7cc4-8b1a-${String(index).padStart(12, "0")}`,
  type: "handraise",
  at: Date.now(),
  demo: "pipeline-basics",
});

type More = Partial<Probe>;
/** A person opens the address (or a bot posts to it); a 4xx must be a page that helps them on. */
const person = (does: string, path: string, status: number, shows?: string | RegExp, more: More = {}): Probe => ({
  does,
  path,
  status,
  shows,
  reader: "person",
  ...more,
});
/** An API client; a 4xx must be JSON {error}. */
const api = (does: string, path: string, status: number, more: More = {}): Probe => ({ does, path, status, reader: "api", ...more });
/** Answered by Next itself: "no 500, no leak" is all that is ours to promise. */
const framework = (does: string, path: string, more: More = {}): Probe => ({ does, path, reader: "next", ...more });
const post = (headers: Record<string, string>, body: string, more: More = {}): More => ({ method: "POST", headers, body, ...more });
/** A call to a real Server Action (New deal) from the visitor's own session. */
const callAction = (headers: Record<string, string>, body: string): More =>
  post({ ...headers, "next-action": "{action}" }, body, { as: "visitor" });
/** A call to the contact import's upload action from the visitor's own session. */
const callImport = (headers: Record<string, string>, body: string): More =>
  post({ ...headers, "next-action": "{importAction}" }, body, { as: "visitor" });
const owner: More = { as: "visitor" };
const asRep: More = { as: "rep" };

const addresses: Probe[] = [
  person("a person opens a page that does not exist", "/nope", 404, notFound),
  person("an attacker walks up the tree with ..%2f", "/..%2f..%2f..%2fetc%2fpasswd", 404, notFound),
  person("an attacker sends a NUL byte in the path", "/privacy%00.txt", 404, notFound),
  person("an attacker sends a 5,000-character path segment", `/${long(5000)}`, 404, notFound),
  person("an attacker probes for a secrets file", "/.env", 404, notFound),
  person("a broken link cuts an escape in half", "/try/%E0%A4%A", 400, brokenAddress),
  person("a broken link holds an escape that is not UTF-8", "/s/%ff/deals/1", 400, brokenAddress),
  api("an API client sends a path that is not UTF-8", "/api/auth/%ff", 400),
  api("a scanner probes an API that does not exist", "/api/admin/users", 404),
  framework("a scanner asks the image optimizer for /etc/passwd", "/_next/image?url=%2Fetc%2Fpasswd&w=64&q=75"),
  framework("an attacker walks out of the static files", "/_next/static/..%2f..%2fpackage.json"),
  person("a link repeats ?missing= on the gallery", "/?missing=a&missing=b", 200, noDemo),
  person("a link puts control characters in ?missing=", "/?missing=%00%1b%5B31m%7F", 200, noDemo),
  person("a link puts 10 KB in ?missing=", `/?missing=${long(10_000)}`, 200, new RegExp(`no demo called “${long(64)}”`)),
  person("a link asks for privacy with junk parameters", "/privacy?x=%ff&x[]=1&__proto__=1", 200, "Privacy"),
];

const tryIt: Probe[] = [
  person("a visitor follows a link to a demo that does not exist", "/try/no-such-demo", 303, /no demo called “no-such-demo”/, {
    says: "/?missing=no-such-demo",
  }),
  person("an attacker puts a path traversal in the demo name", "/try/..%2f..%2fetc%2fpasswd", 303, noDemo, { says: /^\/\?missing=/ }),
  person("an attacker puts a NUL byte in the demo name", "/try/pipeline-basics%00", 303, noDemo, { says: /^\/\?missing=/ }),
  person("an attacker sends a demo name that looks like an option", "/try/-rf", 303, /no demo called “-rf”/, { says: "/?missing=-rf" }),
  person("an attacker sends a 5,000-character demo name", `/try/${long(5000)}`, 303, noDemo, { says: `/?missing=${long(64)}` }),
  person("a link cuts an emoji in the demo name at the 64th character", `/try/${long(63)}%F0%9F%98%80%F0%9F%98%80`, 303, noDemo, {
    says: `/?missing=${long(63)}%F0%9F%98%80`,
  }),
  person("a campaign link puts control characters in ?company=", "/try/pipeline-basics?company=Ac%00me%1b%7F%C2%85", 303, "Deals", {
    says: product,
  }),
  person("a campaign link sends a 10 KB company name", `/try/pipeline-basics?company=${long(10_240, "X")}`, 303, "Deals", {
    says: product,
  }),
  person("a campaign link repeats ?company=", "/try/pipeline-basics?company=a&company=b&company[]=c", 303, "Deals", { says: product }),
  person("a campaign link sends a junk persona", "/try/pipeline-basics?persona=%3Cscript%3E&persona=ceo&renewed=%ff", 303, "Deals", {
    says: product,
  }),
];

const demoAddress = "{origin}/embed/demo/pipeline-basics";
const embedAddress = "not right";
const embeds: Probe[] = [
  person("a snippet names a demo that does not exist", "/embed/demo/no-such-demo", 404, "There is no such demo"),
  person("a snippet names a demo with a path traversal", "/embed/demo/..%2f..%2fetc%2fpasswd", 404),
  person(
    "a forged loader address sends a script as the origin",
    "/embed/demo/pipeline-basics?origin=javascript:alert(1)",
    400,
    embedAddress,
  ),
  person(
    "a forged loader address sends an origin with a path",
    "/embed/demo/pipeline-basics?origin=https://a.example/x",
    400,
    embedAddress,
  ),
  person(
    "a forged loader address puts the page on another origin",
    "/embed/demo/pipeline-basics?origin=https://a.example&page=https://b.example/x",
    400,
    embedAddress,
  ),
  person(
    "a forged loader address sends 10 KB as the page",
    `/embed/demo/pipeline-basics?page=https://a.example/${long(10_000)}`,
    400,
    embedAddress,
  ),
  person("a snippet names a persona that does not exist", "/embed/demo/pipeline-basics?persona=ceo", 400, embedAddress),
  person(
    "a loader address holds control characters in its campaign",
    "/embed/demo/pipeline-basics?utm_source=%00%1b%5B31m",
    200,
    "Start the demo",
  ),
  person("the demo center is asked for a stage that does not exist", "/embed/center?stage=%00", 400, embedAddress),
  person("the demo center is asked for a persona that does not exist", "/embed/center?persona=__proto__", 400, embedAddress),
  person(
    "a start names a site that may not embed",
    "/embed/demo/pipeline-basics/start?origin=https://evil.example",
    403,
    undefined,
    post({ origin: "{origin}" }, ""),
  ),
  person("a start is opened with GET (the back button)", "/embed/demo/pipeline-basics/start?persona=rep", 303, undefined, {
    says: "/embed/demo/pipeline-basics?persona=rep",
  }),
  person("an open names a site that may not embed", "/embed/demo/pipeline-basics/open?origin=https://evil.example", 403),
  person("the snippet preview names a demo that does not exist", "/embed/preview/no-such-demo", 404, "There is no such demo"),
  api("a CMS asks oEmbed without a url", "/oembed", 400),
  api("a CMS asks oEmbed for something that is not an address", "/oembed?url=%00", 400),
  api("a CMS asks oEmbed for a 5,000-character address", `/oembed?url=https://a.example/${long(5000)}`, 400),
  api("a CMS asks oEmbed for a script", "/oembed?url=javascript:alert(1)", 404),
  api("a CMS asks oEmbed for a demo on another site", `/oembed?url=${encodeURIComponent("https://evil.example/try/pipeline-basics")}`, 404),
  api("a CMS asks oEmbed for a negative width", `/oembed?url=${demoAddress}&maxwidth=-1`, 400),
  api("a CMS asks oEmbed for a width of 1e9", `/oembed?url=${demoAddress}&maxwidth=1e9`, 400),
  api("a CMS asks oEmbed for a width that is not a number", `/oembed?url=${demoAddress}&maxwidth=wide`, 400),
  api("a CMS asks oEmbed for a height past 10,000", `/oembed?url=${demoAddress}&maxheight=10001`, 400),
  api("a CMS asks oEmbed for XML", `/oembed?url=${demoAddress}&format=xml`, 400),
  api("a CMS posts to oEmbed", "/oembed", 405, post({ origin: "{origin}" }, "")),
];

const theProduct: Probe[] = [
  person("a stranger opens someone else's sandbox", "{sandbox}", 404, notFound),
  person("the owner opens a sandbox id that starts with a dash", `/s/${dashId}`, 404, notFound, owner),
  person("the owner opens a path-traversal sandbox id", "/s/..%2f..%2fcontrol.sqlite", 404, notFound, owner),
  person("the owner opens a 5,000-character sandbox id", `/s/${long(5000, "A")}`, 404, notFound, owner),
  person("the owner opens an emoji sandbox id", "/s/%F0%9F%98%80/deals/new", 404, notFound, owner),
  person("the owner opens a deal id of 5,000 digits", `{sandbox}/deals/${long(5000, "9")}`, 404, notFound, owner),
  person("the owner opens a deal id written in hexadecimal", "{sandbox}/deals/0x1", 404, notFound, owner),
  person("the owner opens a deal id with a traversal", "{sandbox}/deals/1%2f..%2f..", 404, notFound, owner),
  person("the owner opens a company id written in hexadecimal", "{sandbox}/companies/0x1", 404, notFound, owner),
  person("the owner opens a company id of 5,000 digits", `{sandbox}/companies/${long(5000, "9")}`, 404, notFound, owner),
  person("the owner opens an emoji company id", "{sandbox}/companies/%F0%9F%98%80", 404, notFound, owner),
  person("the owner opens a company the sandbox does not hold", "{sandbox}/companies/999999", 404, notFound, owner),
  person("the owner opens a contact id written in hexadecimal", "{sandbox}/contacts/0x1", 404, notFound, owner),
  person("the owner opens a contact id of 5,000 digits", `{sandbox}/contacts/${long(5000, "9")}`, 404, notFound, owner),
  person("the owner opens a contact id with a NUL byte and an emoji", "{sandbox}/contacts/1%00%F0%9F%98%80", 404, notFound, owner),
  person("the owner opens a contact id with a traversal", "{sandbox}/contacts/1%2f..%2f..", 404, notFound, owner),
  person("a link puts 10 KB in the companies search", `{sandbox}/companies?q=${long(10_000)}`, 200, "No company matches", owner),
  person("a link puts control characters in the contacts search", "{sandbox}/contacts?q=%00%1b%5B31m%7F", 200, "Contacts", owner),
  person("a link repeats ?q= on the companies list", "{sandbox}/companies?q=north&q=globex&q[]=x", 200, "Northwind Traders", owner),
  person("a link searches contacts for LIKE wildcards", "{sandbox}/contacts?q=%25_%25", 200, "No one matches", owner),
  person("a link puts an escape that is not UTF-8 in ?q=", "{sandbox}/companies?q=%ff%fe", 200, "Companies", owner),
  person("a stranger opens someone else's forecast", "{sandbox}/forecast", 404, notFound),
  person("a stranger opens someone else's contact import", "{sandbox}/import", 404, notFound),
  person("the owner's forecast gets junk query parameters", "{sandbox}/forecast?month=%ff&owner[]=1", 200, "Forecast", owner),
  person("the owner's import gets junk query parameters", "{sandbox}/import?step=review&step=%00", 200, "Import contacts", owner),
  framework("anyone downloads the sample contacts file", "/samples/contacts.csv", { status: 200, says: "Full name,Job title" }),
  framework("an attacker walks out of the samples folder", "/samples/..%2f..%2fpackage.json"),
  person("the owner's board gets repeated junk ?renewed=", "{sandbox}?renewed=junk&renewed=expired", 200, "Deals", owner),
  person("someone forges the oh_visitor cookie", "{sandbox}", 404, notFound, { headers: { cookie: `oh_visitor=${anyId}.forged` } }),
  person("someone truncates the oh_visitor cookie", "{sandbox}", 404, notFound, { headers: { cookie: "oh_visitor={truncatedCookie}" } }),
  person("someone sends an oh_visitor cookie that is not UTF-8", "{sandbox}", 404, notFound, { headers: { cookie: "oh_visitor=%ff%00" } }),
  person("a forged oh_visitor cookie on Try it gets a fresh demo", "/try/pipeline-basics", 303, "Deals", {
    headers: { cookie: `oh_visitor=${dashId}.${long(43)}` },
    says: product,
  }),
  person("a browser sends a 12 KB cookie header", "/", 200, undefined, { headers: { cookie: `junk=${long(12_000)}` } }),
  framework("an attacker sends a 20 KB cookie header", "/", { headers: { cookie: `junk=${long(20_000)}` } }),
  framework("an attacker forges the router state of an RSC request", "{sandbox}", {
    ...owner,
    headers: { rsc: "1", "next-router-state-tree": "%ff%22garbage" },
  }),
];

const serverActions: Probe[] = [
  framework("an attacker posts a bogus Next-Action id with a garbage body", "{sandbox}", {
    ...post({ ...text, "next-action": "0".repeat(42) }, "garbage"),
    ...owner,
  }),
  framework("an attacker posts a Next-Action id that is a path", "{sandbox}/deals/new", {
    ...post({ ...text, "next-action": "../../etc" }, "[]"),
    ...owner,
  }),
  api("an attacker posts garbage to a real action", "{sandbox}/deals/new", 400, callAction(text, "garbage")),
  api("an attacker posts a bare number to a real action", "{sandbox}/deals/new", 400, callAction(text, "123")),
  // Arguments React cannot decode (a reference to a part the body lacks, a root that is missing or not JSON):
  // Next answered all of these with a 500 before any of our code ran; npm start's guard makes them a 400.
  api("an attacker sends a real action a forged reference", "{sandbox}/deals/new", 400, callAction(text, '["$Q1"]')),
  api("an attacker nests a forged reference in an argument", "{sandbox}/deals/new", 400, callAction(text, '[{"a":["$Q5"]}]')),
  api("an attacker sends a real action a BigInt that is not a number", "{sandbox}/deals/new", 400, callAction(text, '["$nabc"]')),
  api(
    "an attacker's multipart call names a part it does not have",
    "{sandbox}/deals/new",
    400,
    callAction(multipart, formParts([["0", '["$Q1"]']])),
  ),
  api("an attacker's multipart call has no arguments part", "{sandbox}/deals/new", 400, callAction(multipart, formParts([["x", "y"]]))),
  api(
    "an attacker's multipart call has arguments that are not JSON",
    "{sandbox}/deals/new",
    400,
    callAction(multipart, formParts([["0", "{"]])),
  ),
  person("a bot posts a no-script form whose bound arguments are forged", "{sandbox}/deals/new", 400, undefined, {
    ...post(
      multipart,
      formParts([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"{action}","bound":"$@1"}'],
        ["$ACTION_1:1", '["$Q9"]'],
      ]),
      owner,
    ),
    says: "That form could not be read",
  }),
  api(
    "an attacker posts a cut-off multipart body to a real action",
    "{sandbox}/deals/new",
    400,
    callAction(multipart, "--zz\r\nContent-Di"),
  ),
  api("an attacker posts 1.2 MB to a real action", "{sandbox}/deals/new", 413, callAction(text, `["${long(1_200_000)}"]`)),
  api("an attacker calls a real action from another site", "{sandbox}/deals/new", 403, {
    ...callAction({ ...text, origin: "https://evil.example" }, "[]"),
  }),
  api("an attacker calls a real action with an origin that is not one", "{sandbox}/deals/new", 403, {
    ...callAction({ ...text, origin: "garbage" }, "[]"),
  }),
  framework("an attacker sends a real action a string where the form goes", "{sandbox}/deals/new", {
    ...callAction(text, '["{sandboxId}", {}, "not a form"]'),
    status: 200,
    says: "did not carry the form",
  }),
  framework("an attacker sends a real action no form at all", "{sandbox}/deals/new", {
    ...callAction(text, '["{sandboxId}"]'),
    status: 200,
    says: "did not carry the form",
  }),
  framework("an attacker sends a real action someone else's sandbox id", "{sandbox}/deals/new", {
    ...callAction(text, `["${anyId}", {}, "x"]`),
    status: 404,
  }),
  api("an attacker uploads 5 MB to the contact import", "{sandbox}/import", 413, {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", long(5_000_000), "big.csv"],
      ]),
    ),
  }),
  api("an attacker sends the contact import a cut-off upload", "{sandbox}/import", 400, {
    ...callImport(multipart, '--zz\r\nContent-Disposition: form-data; name="_1_file"; filename="a.csv"\r\n\r\nName,Com'),
  }),
  framework("an attacker sends the contact import text where the file goes", "{sandbox}/import", {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", "Name,Company\nAna,Acme"],
      ]),
    ),
    status: 200,
    says: "Choose a CSV file to upload first",
  }),
  // The action's answer carries the message the upload form shows (the same files in a real browser:
  // tests/e2e/pipeline-forecast-import.spec.ts).
  framework("an attacker uploads binary data to the contact import", "{sandbox}/import", {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", "PK\u0003\u0004\u0000\u0000binary", "book.csv"],
      ]),
    ),
    status: 200,
    says: "That file is not a CSV: it holds binary data",
  }),
  framework("an attacker uploads a 10,000-row file to the contact import", "{sandbox}/import", {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", `Name,Company\n${"A,B\n".repeat(10_000)}`, "many.csv"],
      ]),
    ),
    status: 200,
    says: "That file has more than 1,000 contacts; Pipeline imports up to 1,000 at a time",
  }),
  framework("an attacker uploads a 40,000-column file to the contact import", "{sandbox}/import", {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", `${Array.from({ length: 40_000 }, (_, index) => `c${index}`).join(",")}\n${"x,".repeat(39_999)}x\n`, "wide.csv"],
      ]),
    ),
    status: 200,
    says: "That file has 40,000 columns; Pipeline reads up to 100",
  }),
  framework("an attacker uploads quoted column names past the column limit to the contact import", "{sandbox}/import", {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", `${Array.from({ length: 5_000 }, (_, index) => `"c, ${index}"`).join(",")}\nAna,Acme\n`, "quoted.csv"],
      ]),
    ),
    status: 200,
    says: "That file has 5,000 columns; Pipeline reads up to 100",
  }),
  framework("an attacker uploads a 500,000-character cell to the contact import", "{sandbox}/import", {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", `Name,Company\nAna,"${long(500_000)}"\n`, "cell.csv"],
      ]),
    ),
    status: 200,
    says: "line 2, column 2: a cell of 500,000 characters; Pipeline reads cells up to 1,000",
  }),
  framework("an attacker uploads a file with an unclosed quote to the contact import", "{sandbox}/import", {
    ...callImport(
      multipart,
      uploadParts([
        ["0", importArguments],
        ["_1_file", 'Name,Company\n"Ana,Acme\n', "quote.csv"],
      ]),
    ),
    status: 200,
    says: "line 2: a quoted cell starts here and is never closed",
  }),
  framework("an attacker sends the contact import no form at all", "{sandbox}/import", {
    ...callImport(text, '["{sandboxId}"]'),
    status: 200,
    says: "did not carry the form",
  }),
  framework("an attacker sends the contact import someone else's sandbox id", "{sandbox}/import", {
    ...callImport(text, `["${anyId}", {}, "x"]`),
    status: 404,
  }),
  person("a bot posts garbage multipart to the product board", "{sandbox}", 400, undefined, {
    ...post(multipart, "garbage", owner),
    says: "That form could not be read",
  }),
  person("a bot posts garbage multipart to the gallery", "/", 400, undefined, post(multipart, "garbage")),
  person("a bot posts multipart without a boundary to the sign-in page", "/sales/sign-in", 400, undefined, {
    ...post({ "content-type": "multipart/form-data" }, formPart("email", "x")),
  }),
  person("a form on another site posts to the product", "{sandbox}/deals/new", 403, undefined, {
    ...post({ ...multipart, origin: "https://evil.example" }, formPart("title", "x"), owner),
  }),
  framework("a form posts a field named like a bogus action", "{sandbox}", post(multipart, formPart("$ACTION_ID_nope", ""), owner)),
];

const theApis: Probe[] = [
  api("a client sends signals as XML", "/api/signals", 415, post({ "content-type": "application/xml" }, "<events/>")),
  api("a client sends signals as a form", "/api/signals", 415, post(multipart, formPart("events", "[]"))),
  api("a client sends signals as bytes", "/api/signals", 415, post({ "content-type": "application/octet-stream" }, "\u0000\u0001")),
  api("a client sends broken JSON signals", "/api/signals", 400, post(json, '{"events":[')),
  api("a client sends an empty JSON body", "/api/signals", 400, post(json, "")),
  api("a client sends JSON null", "/api/signals", 400, post(json, "null")),
  api("a client sends 20,000 nested arrays", "/api/signals", 400, post(json, `${long(20_000, "[")}${long(20_000, "]")}`)),
  api("a client tries prototype pollution", "/api/signals", 400, post(json, '{"__proto__":{"admin":true},"events":[{"constructor":{}}]}')),
  api("a client sends a 100 KB batch", "/api/signals", 413, post(json, JSON.stringify({ events: [], pad: long(100_000) }))),
  api("a valid batch with a forged cookie is stored, unlinked", "/api/signals", 202, {
    ...post(
      { ...json, cookie: `oh_visitor=${anyId}.forged` },
      JSON.stringify({ events: [signal("0190a6c4-7a1e-7cc4-8b1a-3f1e2d4c5b6b")], sandbox: "../../x" }),
    ),
  }),
  api("a bot without a cookie raises 20 hands at once: nothing stored", "/api/signals", 202, {
    ...post(
      { ...json, "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" },
      JSON.stringify({ events: Array.from({ length: 20 }, (_, index) => handRaise(index)) }),
    ),
    says: '{"stored":0}',
  }),
  api("a visitor sends a message of zero-width characters only", "/api/conversation", 400, {
    ...post(json, JSON.stringify({ body: "\u200b\u200c\u200d\u2060\ufeff" }), owner),
    says: "Type a message first",
  }),
  api("a visitor sends a message that reverses its own text", "/api/conversation", 400, {
    ...post(json, JSON.stringify({ body: "invoice_\u202egnp.exe" }), owner),
    says: "reverse the text's direction",
  }),
  api("a visitor sends a message with half an emoji", "/api/conversation", 400, {
    ...post(json, '{"body":"hello \\ud83d"}', owner),
    says: "broken character",
  }),
  api("a visitor sends typing before any conversation", "/api/conversation/typing", 404, post(json, "", owner)),
  api("a rep suggests a page the product does not have", "/api/sales/conversations/{conversation}/suggestions", 400, {
    ...post(json, '{"kind":"page","target":"settings","why":"Look here"}', asRep),
    says: "no page of the product",
  }),
  api("a rep suggests a tour step the demo does not have", "/api/sales/conversations/{conversation}/suggestions", 400, {
    ...post(json, '{"kind":"step","target":"no-such-step","why":"Look here"}', asRep),
    says: "no step of this demo's tour",
  }),
  api("a rep suggests a page by its path", "/api/sales/conversations/{conversation}/suggestions", 400, {
    ...post(json, '{"kind":"page","target":"/forecast","why":"Look here"}', asRep),
  }),
  api("a rep suggests an address outside the product", "/api/sales/conversations/{conversation}/suggestions", 400, {
    ...post(json, '{"kind":"url","target":"https://evil.example","why":"Look here"}', asRep),
  }),
  api("a rep sends a suggestion without a why", "/api/sales/conversations/{conversation}/suggestions", 400, {
    ...post(json, '{"kind":"page","target":"forecast"}', asRep),
  }),
  api("a rep sends a why of two lines", "/api/sales/conversations/{conversation}/suggestions", 400, {
    ...post(json, '{"kind":"page","target":"forecast","why":"one\ntwo"}', asRep),
  }),
  api("a rep suggests into a conversation that does not exist", `/api/sales/conversations/${anyId}/suggestions`, 404, {
    ...post(json, '{"kind":"page","target":"forecast","why":"Look here"}', asRep),
  }),
  api("a stranger sends a suggestion", "/api/sales/conversations/{conversation}/suggestions", 401, {
    ...post(json, '{"kind":"page","target":"forecast","why":"Look here"}'),
  }),
  api("a visitor opens a suggestion that does not exist", "/api/conversation/suggestions/999999999/opened", 404, post(json, "", owner)),
  api("a visitor opens a suggestion by a made-up id", "/api/conversation/suggestions/..%2f1/opened", 404, post(json, "", owner)),
  api("a stranger opens a suggestion", "/api/conversation/suggestions/1/opened", 401, post(json, "")),
  api("a stranger reads the visitors API", "/api/sales/visitors", 401),
  api("a stranger forges a session cookie for the visitors API", "/api/sales/visitors", 401, {
    headers: { cookie: "better-auth.session_token=forged.%ff" },
  }),
  api("a rep sends junk query parameters to the visitors API", "/api/sales/visitors?limit=-1&limit=%ff&bots[]=1", 200, asRep),
  api("a client asks auth for an endpoint that does not exist", "/api/auth/..%2f..%2fadmin", 404),
  api("a client reads its session with a garbage session cookie", "/api/auth/get-session", 200, {
    headers: { cookie: `better-auth.session_token=${long(4000, "%")}` },
  }),
  api("a client signs out with a body of bytes", "/api/auth/sign-out", 415, post({ "content-type": "application/octet-stream" }, "x")),
];

// Writes from pages that are not this app's: another port of the same host or a sibling subdomain is
// "same-site", so the browser sends the team's SameSite=Lax cookie and a visitor's cookie with them. And a
// JSON API takes JSON only: text/plain and forms are what another page may send without asking first. Each
// 403 must say why, so that a role's own refusal (a rep adding a webhook) cannot pass for it.
const elsewhere = { "content-type": "text/plain;charset=UTF-8", origin: "http://localhost:1" };
const sibling = { ...json, origin: "http://evil.localhost:3000" };
const reply = '{"body":"Forged reply"}';
const crossOrigin: Probe[] = [
  api("a page on another port posts a reply as the rep", `/api/sales/conversations/${anyId}/messages`, 403, post(elsewhere, reply, asRep)),
  api(
    "a page on another port adds a webhook as the rep",
    "/api/sales/webhooks",
    403,
    post(elsewhere, '{"url":"https://evil.example"}', asRep),
  ),
  api("a page on a sibling subdomain adds a team member", "/api/sales/team", 403, post(sibling, '{"email":"x@evil.example"}', asRep)),
  api("a page on another port changes a role", `/api/sales/team/${anyId}`, 403, {
    ...post(sibling, '{"role":"admin"}', asRep),
    method: "PATCH",
  }),
  api("a page on another port revokes a share link", `/api/sales/links/${anyId}`, 403, { method: "DELETE", headers: sibling, ...asRep }),
  api("a page on another port closes a conversation", `/api/sales/conversations/${anyId}`, 403, {
    ...post(sibling, '{"status":"closed"}', asRep),
    method: "PATCH",
  }),
  api("a page on another port switches a studio preview", `/api/studio/preview/${anyId}`, 403, {
    ...post(sibling, '{"locale":"de"}', asRep),
    method: "PATCH",
  }),
  api("a page on another port writes to the visitor's conversation", "/api/conversation", 403, post(elsewhere, '{"body":"x"}', owner)),
  api(
    "a page on another port marks the visitor's replies read",
    "/api/conversation/read",
    403,
    post({ origin: "http://localhost:1" }, "", owner),
  ),
  api("a page on another port sends signals as the visitor", "/api/signals", 403, post(elsewhere, '{"events":[]}', owner)),
  api("a page on another port signs a member in", "/api/auth/sign-in/email", 403, post({ ...json, origin: "http://localhost:1" }, "{}")),
  api("a sandboxed frame posts with an opaque origin", "/api/sales/webhooks", 403, post({ ...json, origin: "null" }, "{}", asRep)),
  api(
    "a browser that sends no Origin marks a write same-site",
    "/api/sales/links",
    403,
    post({ ...json, "sec-fetch-site": "same-site" }, "{}", asRep),
  ),
  api(
    "our own page posts a reply as text/plain",
    `/api/sales/conversations/${anyId}/messages`,
    415,
    post({ ...text, origin: "{origin}" }, reply, asRep),
  ),
  api(
    "our own page posts a webhook as a form",
    "/api/sales/webhooks",
    415,
    post({ ...multipart, origin: "{origin}" }, formPart("url", "x"), asRep),
  ),
  api("a client posts the visitor's question as text/plain", "/api/conversation", 415, post(text, '{"body":"x"}', owner)),
  api(
    "a client posts a share link urlencoded",
    "/api/sales/links",
    415,
    post({ "content-type": "application/x-www-form-urlencoded" }, "demo=x", asRep),
  ),
  api(
    "our own page's beacon sends signals as text/plain",
    "/api/signals",
    202,
    post({ ...text, origin: "{origin}" }, JSON.stringify({ events: [signal("0190a6c4-7a1e-7cc4-8b1a-3f1e2d4c5b6c")] }), owner),
  ),
  api("a member renames themselves", "/api/auth/update-user", 404, post(json, '{"name":"Ada Admin"}', asRep)),
  api("a member changes their own email", "/api/auth/change-email", 404, post(json, '{"newEmail":"x@evil.example"}', asRep)),
  api("a member deletes themselves", "/api/auth/delete-user", 404, post(json, "{}", asRep)),
  api("a member lists their sessions", "/api/auth/list-sessions", 404, asRep),
  framework("a link checker sends HEAD to Try it: nothing is provisioned", "/try/pipeline-basics", { method: "HEAD", status: 200 }),
  framework("a link checker sends HEAD to a visitor's shoulder view", `/sales/visitors/${anyId}/sandbox`, {
    method: "HEAD",
    status: 200,
    ...asRep,
  }),
  framework("a link checker sends HEAD to a studio preview", "/studio/preview/pipeline-basics", { method: "HEAD", status: 200, ...asRep }),
].map((probe) => (probe.status === 403 ? { ...probe, says: "only accepted from this site's own pages" } : probe));

// Every route, with the methods it does not serve: pages answer 405 with a page (npm start's front door; Next
// would render the page for any method), OPTIONS lists the methods, and the APIs answer 405 in their own shape.
const pageRoutes: [string, string, More][] = [
  ["the gallery", "/", {}],
  ["the privacy page", "/privacy", {}],
  ["a missing page", "/nope", {}],
  ["Try it", "/try/pipeline-basics", {}],
  ["the product board", "{sandbox}", owner],
  ["New deal", "{sandbox}/deals/new", owner],
  ["a deal", "{sandbox}/deals/1", owner],
  ["Companies", "{sandbox}/companies", owner],
  ["a company", "{sandbox}/companies/1", owner],
  ["Contacts", "{sandbox}/contacts", owner],
  ["a contact", "{sandbox}/contacts/1", owner],
  ["the forecast", "{sandbox}/forecast", owner],
  ["the contact import", "{sandbox}/import", owner],
  ["the sign-in page", "/sales/sign-in", {}],
  ["the hot list", "/sales", asRep],
  ["the visitors list", "/sales/visitors", asRep],
  ["the funnels", "/sales/funnels", asRep],
  ["a demo's funnel", "/sales/funnels/pipeline-basics", asRep],
  ["an account's journey", "/sales/accounts/any/journey", asRep],
  ["a visitor's journey", `/sales/visitors/${anyId}`, asRep],
];
const apiRoutes: [string, string, More, string[]][] = [
  ["the signals API", "/api/signals", {}, ["GET", "PUT", "PATCH", "DELETE"]],
  ["the visitors API", "/api/sales/visitors", asRep, ["POST", "PUT", "PATCH", "DELETE"]],
  ["the hot list API", "/api/sales/hot-list", asRep, ["POST", "PUT", "PATCH", "DELETE"]],
  ["the visitors CSV", "/api/sales/export/visitors.csv", asRep, ["POST", "PUT", "PATCH", "DELETE"]],
  ["the accounts CSV", "/api/sales/export/accounts.csv", asRep, ["POST", "PUT", "PATCH", "DELETE"]],
  ["the session API", "/api/auth/get-session", {}, ["PUT", "PATCH", "DELETE"]],
  ["the sign-in API", "/api/auth/sign-in/email", {}, ["PUT", "PATCH", "DELETE"]],
];
const wrongMethods: Probe[] = [
  ...pageRoutes.flatMap(([name, path, who]) =>
    ["PUT", "PATCH", "DELETE"]
      .map((method) =>
        person(`someone sends ${method} to ${name}`, path, 405, undefined, { method, says: "not how this page is used", ...who }),
      )
      .concat(framework(`someone asks ${name} which methods it answers`, path, { method: "OPTIONS", status: 204, ...who })),
  ),
  ...apiRoutes.flatMap(([name, path, who, methods]) =>
    methods.map((method) => api(`a client sends ${method} to ${name}`, path, 405, { method, ...who })),
  ),
  api("a stranger sends DELETE to the visitors API", "/api/sales/visitors", 401, { method: "DELETE" }),
];

const theSalesArea: Probe[] = [
  person("a stranger opens a garbage visitor address", "/sales/visitors/..%2f..%2fetc", 307, "Sign in", { says: /^\/sales\/sign-in/ }),
  person("a stranger forges a session cookie for the visitors list", "/sales", 307, "Sign in", {
    headers: { cookie: "better-auth.session_token=forged.value" },
    says: /^\/sales\/sign-in/,
  }),
  person("a rep opens a garbage visitor id", "/sales/visitors/garbage", 404, notFound, asRep),
  person("a rep opens a visitor id that starts with a dash", `/sales/visitors/${dashId}`, 404, notFound, asRep),
  person("a rep opens a 5,000-character visitor id", `/sales/visitors/${long(5000, "A")}`, 404, notFound, asRep),
  person("a rep opens a visitor id with a NUL byte and an emoji", "/sales/visitors/%00%F0%9F%98%80", 404, notFound, asRep),
  person("a rep opens a visitor id that is not UTF-8", "/sales/visitors/%ff", 400, brokenAddress, asRep),
  person("a rep sends junk ?bots=", "/sales/visitors?bots=%ff&bots=1&bots[]=0", 200, "Visitors", asRep),
  // A funnel's ?source= is direct, embedded or a site's host; anything else gets the funnel of everyone and says so.
  person(
    "a rep filters a demo's funnel by a script in ?source=",
    "/sales/funnels/pipeline-basics?source=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    200,
    sourceRefused,
    { ...asRep, says: sourceRefused },
  ),
  person(
    "a rep filters a demo's funnel by a 5,000-character ?source= with a NUL byte",
    `/sales/funnels/pipeline-basics?source=example.com%00${long(5000)}`,
    200,
    sourceRefused,
    asRep,
  ),
  person(
    "a rep filters a demo's funnel by a ?source= that is not UTF-8, an address and a repeat",
    "/sales/funnels/pipeline-basics?source=%ff.example&source=https%3A%2F%2Fevil.example%2F&source[]=direct",
    200,
    sourceRefused,
    asRep,
  ),
  person(
    "a stranger opens the studio's funnel with a script in ?source=",
    "/studio/demos/pipeline-basics?source=%3Cscript%3E",
    307,
    "Sign in",
    // Back to the same address after signing in, carried percent-encoded.
    { says: /^\/sales\/sign-in\?next=%2Fstudio%2Fdemos%2Fpipeline-basics%3Fsource%3D[\w%]+$/ },
  ),
  person("a signed-in rep follows a ?next= that normalises to another host", "/sales/sign-in?next=/.//evil.example/x", 307, "Hot list", {
    ...asRep,
    says: /^\/sales$/,
  }),
  person("a signed-in rep follows a ?next= with an encoded dot segment", "/sales/sign-in?next=/%252e%252e//evil.example", 307, "Hot list", {
    ...asRep,
    says: /^\/sales$/,
  }),
  person(
    "a link sends the sign-in page a junk ?next=",
    "/sales/sign-in?next=%ff&next=//evil.example&next=javascript:alert(1)",
    200,
    "Sign in",
  ),
];

// Signs of an internal failure that must never reach a client, whatever the status.
const leaks: [string, RegExp][] = [
  ["a stack frame", /\n\s+at [^\n]+:\d+:\d+/],
  ["a stack frame", /\bat (?:Object|Module|async|process)\.[\w<>]/],
  ["an error line", /^\s*(?:[A-Z]\w*)?Error: /m],
  ["a dependency path", /node_modules/],
  ["the server's directory", literally(process.cwd())],
  ["a server path", /\/work\//],
];

type Setup = {
  /** The worker server's origin. */
  origin: string;
  visitor: BrowserContext;
  rep: BrowserContext;
  sandbox: string;
  actionId: string;
  importActionId: string;
  truncatedCookie: string;
  openTotal: string;
  /** The visitor's copy's invite links: one turned off, one on. */
  revokedInvite: string;
  liveInvite: string;
  /** Another visitor's conversation, for the rep's suggestions. */
  conversation: string;
};
let setup: Setup;

function fill(template: string): string {
  return template
    .replaceAll("{origin}", setup.origin)
    .replaceAll("{sandboxId}", setup.sandbox.slice("/s/".length))
    .replaceAll("{sandbox}", setup.sandbox)
    .replaceAll("{action}", setup.actionId)
    .replaceAll("{importAction}", setup.importActionId)
    .replaceAll("{truncatedCookie}", setup.truncatedCookie)
    .replaceAll("{revokedInvite}", setup.revokedInvite)
    .replaceAll("{liveInvite}", setup.liveInvite)
    .replaceAll("{truncatedInvite}", setup.liveInvite.slice(0, 20))
    .replaceAll("{conversation}", setup.conversation);
}

function filledHeaders(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, fill(value)]));
}

async function expectClearAnswer(probe: Probe, response: APIResponse): Promise<void> {
  const status = response.status();
  const body = await response.text();
  expect(status, `${probe.does}: status`).toBeLessThan(500);
  for (const [what, pattern] of leaks) expect(body, `${probe.does}: leaks ${what}`).not.toMatch(pattern);
  if (probe.status !== undefined) expect(status, `${probe.does}: status`).toBe(probe.status);
  if (probe.says !== undefined) {
    const said = status >= 300 && status < 400 ? (response.headers().location ?? "") : body;
    expect(said, `${probe.does}: says`).toMatch(typeof probe.says === "string" ? literally(probe.says) : probe.says);
  }
  if (status < 400) return;
  const type = response.headers()["content-type"] ?? "";
  if (probe.reader === "api") {
    expect(type, `${probe.does}: content type`).toContain("application/json");
    expect(typeof JSON.parse(body).error, `${probe.does}: {error}`).toBe("string");
  } else if (probe.reader === "person") {
    expect(type, `${probe.does}: content type`).toContain("text/html");
    expect(body, `${probe.does}: a way on`).toContain("Choose a demo");
  }
}

/** A Cookie header as the browser's own cookies for this site. */
function cookiesFrom(header: string, url: string) {
  return header.split(";").map((pair) => {
    const [name = "", ...value] = pair.trim().split("=");
    return { name, value: value.join("="), url };
  });
}

function requestFor(probe: Probe, stranger: APIRequestContext): APIRequestContext {
  return probe.as === "visitor" ? setup.visitor.request : probe.as === "rep" ? setup.rep.request : stranger;
}

test.beforeAll(async ({ browser, server }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const sandbox = await startDemo(page);
  await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
  const openTotal = (await page.getByTestId("open-total").textContent()) ?? "";
  // A real action id, as the product's own page sends it: an empty New deal only comes back with field errors.
  await page.goto(`${sandbox}/deals/new`);
  const posted = page.waitForRequest((request) => request.method() === "POST" && "next-action" in request.headers());
  await page.getByRole("button", { name: "Create deal" }).click();
  const actionId = (await posted).headers()["next-action"] ?? "";
  await expect(page.getByText("Please fix the highlighted fields")).toBeVisible();
  // The contact import's upload action, as its page sends it: an empty file only comes back with a message.
  await page.goto(`${sandbox}/import`);
  const uploaded = page.waitForRequest((request) => request.method() === "POST" && "next-action" in request.headers());
  await page.getByLabel("CSV file").setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Upload and match columns" }).click();
  const importActionId = (await uploaded).headers()["next-action"] ?? "";
  await expect(page.getByText("That file is empty")).toBeVisible();
  const cookie = (await visitor.cookies()).find((candidate) => candidate.name === "oh_visitor")?.value ?? "";
  // The copy's invite link, turned off, then a new one: the probes try both.
  await page.goto(sandbox);
  await page.getByRole("button", { name: "Invite a colleague" }).click();
  const invitePanel = page.getByTestId("invite-panel");
  const inviteLink = invitePanel.getByLabel("Link to this copy");
  await expect(inviteLink).toHaveAttribute("data-path", /^\/join\//);
  const revokedInvite = ((await inviteLink.getAttribute("data-path")) ?? "").slice("/join/".length);
  await invitePanel.getByRole("button", { name: "Turn the link off" }).click();
  await invitePanel.getByRole("button", { name: "Make a new link" }).click();
  await expect(inviteLink).not.toHaveAttribute("data-path", `/join/${revokedInvite}`);
  const liveInvite = ((await inviteLink.getAttribute("data-path")) ?? "").slice("/join/".length);
  const { context: repContext } = await openAsRep(browser);
  // Another visitor asks a question (this visitor must have none: a probe sends typing before any conversation).
  const asker = await browser.newContext();
  const askerPage = await asker.newPage();
  const askerSandbox = await startDemo(askerPage);
  const asked = await askerPage.request.post("/api/conversation", {
    data: { body: "A question for the suggestions", sandbox: askerSandbox.slice("/s/".length) },
  });
  expect(asked.status()).toBe(201);
  const conversation = ((await asked.json()) as { thread: { id: string } }).thread.id;
  await asker.close();
  setup = {
    origin: new URL(server.url).origin,
    visitor,
    rep: repContext,
    sandbox,
    actionId,
    importActionId,
    truncatedCookie: cookie.slice(0, cookie.length / 2),
    openTotal,
    revokedInvite,
    liveInvite,
    conversation,
  };
});

test.afterAll(async () => {
  await setup?.visitor.close();
  await setup?.rep.close();
});

const turnedOff = "This invite link was turned off";
const deadInvite = "This invite link does not work";
const joinPost = (more: More = {}): More => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: "",
  ...more,
});
const inviteLinks: Probe[] = [
  person("a colleague opens an invite link that was turned off", "/join/{revokedInvite}", 410, turnedOff),
  person("a colleague still tries to join through a link that was turned off", "/join/{revokedInvite}", 410, undefined, joinPost()),
  person("a link is forged", `/join/${long(32, "A")}`, 404, deadInvite),
  person("a forged link is posted to", `/join/${long(32, "B")}`, 404, undefined, joinPost()),
  person("a chat app cuts the link short", "/join/{truncatedInvite}", 404, deadInvite),
  person("a truncated link is posted to", "/join/{truncatedInvite}", 404, undefined, joinPost()),
  person("an attacker puts a path in the token", "/join/..%2f..%2fetc%2fpasswd", 404, deadInvite),
  person("an attacker sends a 5,000-character token", `/join/${long(5000)}`, 404, deadInvite),
  person("the copy's owner opens their own invite link", "/join/{liveInvite}", 409, "This link is to your own copy", owner),
  person("the copy's owner tries to join their own copy", "/join/{liveInvite}", 409, undefined, joinPost(owner)),
];

const sections: [string, Probe[]][] = [
  ["addresses", addresses],
  ["Try it", tryIt],
  ["embeds", embeds],
  ["the product", theProduct],
  ["Server Actions", serverActions],
  ["the APIs", theApis],
  ["writes from elsewhere", crossOrigin],
  ["wrong methods", wrongMethods],
  ["the sales area", theSalesArea],
  ["invite links", inviteLinks],
];

for (const [section, probes] of sections) {
  test.describe(`bad input to ${section}`, () => {
    for (const probe of probes) {
      test(probe.does, async ({ browser, request, baseURL }) => {
        const response = await requestFor(probe, request).fetch(fill(probe.path), {
          method: probe.method ?? "GET",
          headers: filledHeaders(probe.headers),
          data: probe.body === undefined ? undefined : fill(probe.body),
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        await expectClearAnswer(probe, response);
        if (probe.shows === undefined) return;

        // What a person sees at the same address, in a real browser with the same cookies.
        const { cookie, ...otherHeaders } = filledHeaders(probe.headers);
        const own = probe.as === "visitor" ? setup.visitor : probe.as === "rep" ? setup.rep : undefined;
        const context = own ?? (await browser.newContext());
        if (cookie && !own) await context.addCookies(cookiesFrom(cookie, baseURL ?? ""));
        const page = await context.newPage();
        try {
          await page.setExtraHTTPHeaders(otherHeaders);
          const opened = await page.goto(fill(probe.path));
          expect(opened?.status() ?? 0, `${probe.does}: status in the browser`).toBeLessThan(500);
          await expect(page.locator("#main")).toContainText(probe.shows);
          if ((opened?.status() ?? 0) >= 400) await expect(page.getByRole("link", { name: "Choose a demo" })).toBeVisible();
        } finally {
          await page.close();
          if (!own) await context.close();
        }
      });
    }
  });
}

test("the page a person gets for a broken address meets WCAG 2.2 AA", async ({ page }) => {
  expect((await page.goto("/try/%E0%A4%A"))?.status()).toBe(400);
  await expectNoAxeViolations(page);
});

// Sign-in is limited to 3 attempts per window per client (1 s on the suite's servers, SIGN_IN_WINDOW_SECONDS),
// and a worker is one client: each garbage attempt waits its turn (the 429 itself is checked on the way), and
// the test leaves the limit as it found it for the worker's next sign-in.
const signInAttempts: { does: string; headers: Record<string, string>; body: string; status: number }[] = [
  { does: "an empty body", headers: json, body: "", status: 400 },
  { does: "broken JSON", headers: json, body: '{"email":', status: 400 },
  { does: "no fields", headers: json, body: "{}", status: 400 },
  { does: "fields of the wrong type", headers: json, body: '{"email":["a@b.c"],"password":{"$gt":""}}', status: 400 },
  { does: "a list instead of an object", headers: json, body: "[]", status: 400 },
  {
    does: "a malformed email and a 10 KB password",
    headers: json,
    body: JSON.stringify({ email: "not-an-email", password: long(10_000) }),
    status: 400,
  },
  { does: "XML", headers: { "content-type": "application/xml" }, body: "<email/>", status: 415 },
  {
    does: "a form with an undecodable email",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "email=%ff&password=",
    status: 415,
  },
  {
    does: "a wrong password and an off-site callback",
    headers: json,
    body: JSON.stringify({ email: rep.email, password: "not the password", callbackURL: "https://evil.example" }),
    status: 403,
  },
];

test("garbage sent to the sign-in API gets a clear 4xx in the APIs' shape", async ({ request }) => {
  let lastAllowedAt = 0;
  for (const attempt of signInAttempts) {
    let response = await request.post("/api/auth/sign-in/email", { headers: attempt.headers, data: attempt.body, failOnStatusCode: false });
    while (response.status() === 429) {
      await expectClearAnswer({ does: `${attempt.does} (rate limited)`, path: "", reader: "api", status: 429 }, response);
      const retryAfter = Number(response.headers()["retry-after"]);
      expect(retryAfter, "Retry-After").toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 250));
      response = await request.post("/api/auth/sign-in/email", { headers: attempt.headers, data: attempt.body, failOnStatusCode: false });
    }
    lastAllowedAt = Date.now();
    await expectClearAnswer({ does: `sign-in with ${attempt.does}`, path: "", reader: "api", status: attempt.status }, response);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastAllowedAt + signInWindowMs + 100 - Date.now())));
});

test("after the whole sweep the visitor's own demo still holds exactly its data", async () => {
  const page = await setup.visitor.newPage();
  await page.goto(setup.sandbox);
  await expect(page.getByTestId("open-total")).toHaveText(setup.openTotal);
  // Nobody joined it: no probe of its invite links let anyone in.
  await page.getByRole("button", { name: "Invite a colleague" }).click();
  await expect(page.getByTestId("copy-people")).toHaveText("Only you so far");
  await page.close();
  // No refused suggestion was stored: the asker's thread holds only their question.
  const thread = await setup.rep.request.get(`/api/sales/conversations/${setup.conversation}`);
  expect(((await thread.json()) as { conversation: { messages: unknown[] } }).conversation.messages).toHaveLength(1);
});
