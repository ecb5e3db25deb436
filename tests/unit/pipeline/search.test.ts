// Companies and contacts search, over a real sandbox: substring matches, the visitor's text taken literally.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { companies, contacts } from "@/db/sandbox/schema";
import { maxSearchLength, searchQuery } from "@/lib/pipeline/address-input";
import { searchCompanies } from "@/lib/pipeline/companies";
import { searchContacts } from "@/lib/pipeline/contacts";
import { containsPattern } from "@/lib/pipeline/search";
import { runtime } from "@/lib/runtime/runtime";
import { visitorWithSandbox } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(() => runtime().close());

const names = (rows: { name: string }[]) => rows.map((row) => row.name);

describe("searching companies", () => {
  it("lists every company by name when nothing is asked, with its people and open pipeline", async () => {
    const { db } = await visitorWithSandbox();
    const all = searchCompanies(db, "");
    expect(names(all)).toEqual([...names(all)].sort((a, b) => a.localeCompare(b)));
    expect(all).toHaveLength(8);
    // Northwind: Ana and Thomas; the renewal (negotiation, 48,000) and the expansion (qualified, 22,000) are open.
    expect(all.find((company) => company.name === "Northwind Traders")).toMatchObject({
      contactCount: 2,
      openDealCount: 2,
      openAmount: 70_000,
    });
    // Tyrell's only deal is won: nothing open.
    expect(all.find((company) => company.name === "Tyrell Labs")).toMatchObject({ openDealCount: 0, openAmount: 0 });
  });

  it("matches part of a name, an industry or a website, ignoring case", async () => {
    const { db } = await visitorWithSandbox();
    expect(names(searchCompanies(db, "NORTH"))).toEqual(["Northwind Traders"]);
    expect(names(searchCompanies(db, "health"))).toEqual(["Umbrella Health"]);
    expect(names(searchCompanies(db, "biotech"))).toEqual(["Tyrell Labs"]);
    expect(names(searchCompanies(db, "stark.example"))).toEqual(["Stark Logistics"]);
    expect(searchCompanies(db, "no such company")).toEqual([]);
  });

  it("takes % and _ as the characters they are, not as wildcards", async () => {
    const { db } = await visitorWithSandbox();
    db.insert(companies)
      .values([
        { name: "100% Organic", industry: "Food" },
        { name: "Under_score Ltd", industry: "Media" },
        { name: "Back\\slash Inc", industry: "Media" },
      ])
      .run();
    expect(names(searchCompanies(db, "%"))).toEqual(["100% Organic"]);
    expect(names(searchCompanies(db, "0% O"))).toEqual(["100% Organic"]);
    // Unescaped, "_" would match any one character, so every company would be found.
    expect(names(searchCompanies(db, "_"))).toEqual(["Under_score Ltd"]);
    expect(names(searchCompanies(db, "r_s"))).toEqual(["Under_score Ltd"]);
    expect(names(searchCompanies(db, "\\"))).toEqual(["Back\\slash Inc"]);
    expect(searchCompanies(db, "%%")).toEqual([]);
    expect(searchCompanies(db, "' or 1=1 --")).toEqual([]);
  });
});

describe("searching contacts", () => {
  it("matches a name, a title or the company's name", async () => {
    const { db } = await visitorWithSandbox();
    expect(searchContacts(db, "")).toHaveLength(11);
    expect(names(searchContacts(db, "pepper"))).toEqual(["Pepper Potts"]);
    expect(names(searchContacts(db, "cfo"))).toEqual(["Thomas Hardy"]);
    expect(names(searchContacts(db, "hooli"))).toEqual(["Gavin Belson", "Monica Hall"]);
    expect(searchContacts(db, "hooli")[0]).toMatchObject({ company: "Hooli", title: "CEO", email: "gavin@hooli.example" });
  });

  it("takes % and _ literally", async () => {
    const { db } = await visitorWithSandbox();
    const companyId = searchCompanies(db, "Globex")[0]?.id ?? 0;
    db.insert(contacts).values({ companyId, name: "Percy 50%", title: "Growth_Lead" }).run();
    expect(names(searchContacts(db, "%"))).toEqual(["Percy 50%"]);
    expect(names(searchContacts(db, "_"))).toEqual(["Percy 50%"]);
    expect(names(searchContacts(db, "h_L"))).toEqual(["Percy 50%"]);
    expect(searchContacts(db, "ow_l")).toEqual([]);
  });
});

describe("a search as the address carries it (?q=)", () => {
  it("is the first value, with control characters and runs of spaces made single spaces", () => {
    expect(searchQuery(undefined)).toBe("");
    expect(searchQuery(["north", "globex"])).toBe("north");
    expect(searchQuery([])).toBe("");
    expect(searchQuery("  Ac\u0000me\u001b[31m\u007f  Robotics\n")).toBe("Ac me [31m Robotics");
  });

  it("is cut to its longest, never in the middle of an emoji", () => {
    expect(searchQuery("x".repeat(10_240))).toHaveLength(maxSearchLength);
    const cut = searchQuery(`${"a".repeat(maxSearchLength - 1)}😀😀`);
    expect(Array.from(cut)).toHaveLength(maxSearchLength);
    expect(cut.endsWith("😀")).toBe(true);
  });

  it("escapes LIKE's wildcards and its escape character", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
