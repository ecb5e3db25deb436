// A company's and a contact's page data, over a real sandbox; and which address segments name a record at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { recordIdFrom } from "@/lib/pipeline/address-input";
import { loadCompany, searchCompanies } from "@/lib/pipeline/companies";
import { loadContact, searchContacts } from "@/lib/pipeline/contacts";
import { runtime } from "@/lib/runtime/runtime";
import { visitorWithSandbox } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(() => runtime().close());

describe("a company's page", () => {
  it("holds its people by name and its deals by close date, with stage and amount", async () => {
    const { db } = await visitorWithSandbox();
    const hooli = searchCompanies(db, "Hooli")[0];
    const found = loadCompany(db, hooli?.id ?? 0);
    expect(found?.company).toMatchObject({ name: "Hooli", industry: "Internet", employees: 9800, website: "hooli.example" });
    expect(found?.contacts.map((contact) => contact.name)).toEqual(["Gavin Belson", "Monica Hall"]);
    // The lost 2025 plan closed in January; the evaluation closes in May.
    expect(found?.deals.map(({ title, stage, amount }) => ({ title, stage, amount }))).toEqual([
      { title: "Hooli 2025 team plan", stage: "lost", amount: 18_000 },
      { title: "Hooli enterprise evaluation", stage: "qualified", amount: 240_000 },
    ]);
  });

  it("is not there for an id the sandbox does not hold", async () => {
    const { db } = await visitorWithSandbox();
    expect(loadCompany(db, 999_999)).toBeUndefined();
  });
});

describe("a contact's page", () => {
  it("holds their title, email, company and every activity they were part of, newest first, with its deal", async () => {
    const { db } = await visitorWithSandbox();
    const ana = searchContacts(db, "Ana Trujillo")[0];
    const found = loadContact(db, ana?.id ?? 0);
    expect(found?.contact).toMatchObject({ name: "Ana Trujillo", title: "Head of Purchasing", email: "ana@northwind.example" });
    expect(found?.company.name).toBe("Northwind Traders");
    expect(found?.activities.map(({ activity, deal }) => [activity.summary, deal])).toEqual([
      ["Sent revised order form", "Northwind annual renewal"],
      ["Discovery call — three new sites in Q2", "Northwind warehouse expansion"],
    ]);
  });

  it("is not there for an id the sandbox does not hold", async () => {
    const { db } = await visitorWithSandbox();
    expect(loadContact(db, 999_999)).toBeUndefined();
  });
});

describe("an id in an address", () => {
  it("is plain digits only, so no other spelling names the same record", () => {
    expect(recordIdFrom("1")).toBe(1);
    expect(recordIdFrom("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
    for (const other of ["0", "01", "0x1", "1e0", " 1", "1 ", "-1", "1.0", "", "😀", "9".repeat(5000), "9007199254740993", "1/../2"]) {
      expect(recordIdFrom(other), JSON.stringify(other.slice(0, 20))).toBeUndefined();
    }
  });
});
