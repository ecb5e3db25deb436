// Importing contacts: the mapping guessed from a header, each row's check, and the whole journey through the
// real action wrapper (upload → mapping → confirm) against a real sandbox file.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { contacts } from "@/db/sandbox/schema";
import { notAFormMessage } from "@/lib/http/form-fields";
import type { ActionState } from "@/lib/pipeline/action-state";
import { fileMessages } from "@/lib/pipeline/contact-csv";
import { checkContacts, guessMapping, mappingProblem } from "@/lib/pipeline/contact-import";
import { columnMappingInput, noFileMessage, readContactsUpload, uploadInput } from "@/lib/pipeline/contact-import-input";
import { loadContactImport, staleUploadMessage } from "@/lib/pipeline/contact-import-store";
import { sandboxActionsOn } from "@/lib/pipeline/form-action";
import { importContactsWrite, mapColumnsWrite, stageUploadWrite } from "@/lib/pipeline/import-writes";
import { runtime } from "@/lib/runtime/runtime";
import type { SandboxDb } from "@/lib/sandbox/handles";
import { visitorHost } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(() => runtime().close());

const headers = ["Full name", "Job Title", "E-mail", "Organisation", "Notes"];
const mapping = { name: 0, title: 1, email: 2, company: 3 };
const workspace = { companies: ["Globex", "Initech"], emails: ["hank@globex.example"] };

describe("the column mapping", () => {
  it("is guessed from header names, whatever their case and punctuation", () => {
    expect(guessMapping(headers)).toEqual(mapping);
    expect(guessMapping(["EMAIL ADDRESS", "Account", "Contact Name", "Role"])).toEqual({ name: 2, title: 3, email: 0, company: 1 });
  });

  it("leaves a field unmapped when no header names it, and uses a column for one field only", () => {
    expect(guessMapping(["Name", "Name", "Phone"])).toEqual({ name: 0, title: null, email: null, company: null });
  });

  it("asks for a name and a company column, each column once", () => {
    expect(mappingProblem({ ...mapping, company: null }, headers)).toBe("Choose the column that holds each contact's company");
    expect(mappingProblem({ ...mapping, email: 0 }, headers)).toMatch(/^Each column can fill one field only/);
    expect(mappingProblem({ ...mapping, title: 9 }, headers)).toBe("That column is not in the file; choose again");
    expect(mappingProblem({ ...mapping, title: null, email: null }, headers)).toBeUndefined();
  });
});

describe("checking the rows", () => {
  const rows = [
    { line: 2, cells: ["Ana Ruiz", "CFO", "ana@acme.example", "Acme Corp", "x"] },
    { line: 3, cells: ["Bo", "", "bo@", "Globex"] },
    { line: 5, cells: ["  ", "CTO", "", "Initech"] },
    { line: 6, cells: ["Cy", "", "", ""] },
    { line: 7, cells: ["Hank again", "", "HANK@globex.example", "Globex"] },
    { line: 8, cells: ["Di", "", "ana@ACME.example", "acme  corp"] },
    { line: 9, cells: ['=HYPERLINK("http://evil.example","x")', "Head of\nSales", "", "initech"] },
    { line: 10, cells: ["Ed", "", "", "Acme", "x", "extra"] },
  ];
  const check = checkContacts({ headers, rows }, mapping, workspace);

  it("reports each problem on its line, saying what is wrong", () => {
    expect(check.problems).toEqual([
      { line: 3, message: "line 3: email “bo@” is not an address" },
      { line: 5, message: "line 5: name is empty" },
      { line: 6, message: "line 6: company is empty: every contact belongs to a company" },
      { line: 7, message: "line 7: email “HANK@globex.example” is already a contact in this workspace" },
      { line: 8, message: "line 8: email “ana@ACME.example” is also on line 2" },
      { line: 10, message: "line 10 has 6 cells but the header names 5 columns; check for a comma that should be inside quotes" },
    ]);
  });

  it("keeps a formula as plain text and makes a wrapped cell one line", () => {
    expect(check.ready).toEqual([
      { line: 2, name: "Ana Ruiz", title: "CFO", email: "ana@acme.example", company: "Acme Corp" },
      { line: 9, name: '=HYPERLINK("http://evil.example","x")', title: "Head of Sales", email: "", company: "initech" },
    ]);
  });

  it("lists the companies it will create, once each, matching existing ones without regard to case", () => {
    expect(check.newCompanies).toEqual(["Acme Corp"]);
  });
});

/** A visitor's sandbox and the import's actions as app/s/[sandbox]/actions.ts wires them. */
async function visitorWithImport() {
  const { sandboxId, db, revalidated, host } = await visitorHost();
  const { sandboxUploadAction, sandboxFormAction } = sandboxActionsOn(host);
  const actions = {
    upload: sandboxUploadAction(readContactsUpload, stageUploadWrite),
    map: sandboxFormAction(columnMappingInput, mapColumnsWrite),
    confirm: sandboxFormAction(uploadInput, importContactsWrite),
  };
  return { sandboxId, db, revalidated, actions };
}

function fileForm(content: BlobPart, name = "contacts.csv"): FormData {
  const form = new FormData();
  form.append("file", new File([content], name, { type: "text/csv" }));
  return form;
}

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};

const contactCount = (db: SandboxDb) => db.select().from(contacts).all().length;

describe("the import, through the action wrapper", () => {
  it("imports the shipped sample file: upload, the guessed mapping, confirm", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithImport();
    const before = contactCount(db);
    const uploaded = await actions.upload(sandboxId, {}, fileForm(fs.readFileSync("public/samples/contacts.csv")));
    expect(uploaded).toEqual({ done: expect.any(Number) });

    const mappingStep = loadContactImport(db);
    if (mappingStep.step !== "mapping") throw new Error(`expected the mapping step, got ${mappingStep.step}`);
    expect(mappingStep.mapping).toEqual({ name: 0, title: 1, email: 2, company: 3 });
    const chosen = Object.fromEntries(Object.entries(mappingStep.mapping).map(([field, column]) => [field, String(column ?? "")]));
    expect(await actions.map(sandboxId, {}, formOf({ upload: mappingStep.upload, ...chosen }))).toEqual({ done: expect.any(Number) });

    const review = loadContactImport(db);
    if (review.step !== "review") throw new Error(`expected the review step, got ${review.step}`);
    expect(review.check.problems).toEqual([]);
    expect(review.check.newCompanies).toEqual(["Brightline Media", "Meridian Freight"]);
    const confirmed: ActionState = await actions.confirm(sandboxId, {}, formOf({ upload: review.upload }));
    expect(confirmed).toEqual({ action: { kind: "contacts.imported", detail: { count: 8 } }, done: expect.any(Number) });

    expect(contactCount(db)).toBe(before + 8);
    const done = loadContactImport(db);
    expect(done.step === "imported" && done.contacts.map((contact) => contact.company)).toContain("Meridian Freight");
    expect(revalidated).toEqual(Array(3).fill(`/s/${sandboxId}`));
    // The same upload cannot be confirmed twice.
    expect(await actions.confirm(sandboxId, {}, formOf({ upload: review.upload }))).toEqual({
      error: staleUploadMessage,
      values: { upload: review.upload },
    });
    expect(contactCount(db)).toBe(before + 8);
  });

  it("creates only the ready rows, and nothing before the visitor confirms", async () => {
    const { sandboxId, db, actions } = await visitorWithImport();
    const before = contactCount(db);
    await actions.upload(sandboxId, {}, fileForm("Name,Email,Company\nAna,ana@x.example,Globex\nBo,not-an-address,Globex\n"));
    const step = loadContactImport(db);
    if (step.step !== "mapping") throw new Error("expected the mapping step");
    await actions.map(sandboxId, {}, formOf({ upload: step.upload, name: "0", title: "", email: "1", company: "2" }));
    const review = loadContactImport(db);
    expect(review.step === "review" && review.check.problems).toEqual([
      { line: 3, message: "line 3: email “not-an-address” is not an address" },
    ]);
    expect(contactCount(db)).toBe(before);

    expect((await actions.confirm(sandboxId, {}, formOf({ upload: step.upload }))).action?.detail).toEqual({ count: 1 });
    expect(contactCount(db)).toBe(before + 1);
  });

  it("answers a bad file, or no file, with its message and keeps nothing", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithImport();
    expect(await actions.upload(sandboxId, {}, fileForm(""))).toEqual({ error: fileMessages.empty });
    expect(await actions.upload(sandboxId, {}, fileForm(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "book.xlsx"))).toEqual({
      error: fileMessages.binary,
    });
    expect(await actions.upload(sandboxId, {}, formOf({ file: "Name,Company\nAna,Acme" }))).toEqual({ error: noFileMessage });
    expect(await actions.upload(sandboxId, {}, new FormData())).toEqual({ error: noFileMessage });
    expect(await actions.upload(sandboxId, {}, "not a form")).toEqual({ error: notAFormMessage });
    expect(loadContactImport(db)).toEqual({ step: "upload" });
    expect(revalidated).toEqual([]);
  });

  it("refuses a mapping without a company column, and keeps the visitor's choices", async () => {
    const { sandboxId, db, actions } = await visitorWithImport();
    await actions.upload(sandboxId, {}, fileForm("Name,Company\nAna,Acme\n"));
    const step = loadContactImport(db);
    if (step.step !== "mapping") throw new Error("expected the mapping step");
    const chosen = { upload: step.upload, name: "0", title: "", email: "", company: "" };
    expect(await actions.map(sandboxId, {}, formOf(chosen))).toEqual({
      error: "Choose the column that holds each contact's company",
      values: chosen,
    });
    expect(await actions.map(sandboxId, {}, formOf({ ...chosen, company: "-1" }))).toMatchObject({
      error: "Choose a column from the list",
    });
    expect(loadContactImport(db).step).toBe("mapping");
  });

  it("finds another visitor's sandbox not found before it reads the file", async () => {
    const owner = await visitorWithImport();
    const stranger = await visitorWithImport();
    await expect(stranger.actions.upload(owner.sandboxId, {}, fileForm("Name,Company\nAna,Acme\n"))).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;404",
    });
    expect(loadContactImport(owner.db)).toEqual({ step: "upload" });
  });
});
