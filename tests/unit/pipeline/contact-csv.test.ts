// Reading a visitor's contacts file: every unusable file gets its message, and every row keeps the line it
// starts on, however its quoted cells wrap.
import { describe, expect, it } from "vitest";
import { fileMessages, readContactsFile, tooManyRowsMessage } from "@/lib/pipeline/contact-csv";
import { maxContactRows, tooLargeMessage } from "@/lib/pipeline/import-limits";

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readContactsFile(bytes(text));
const errorOf = (file: ReturnType<typeof readContactsFile>) => (file.ok ? "read fine" : file.error);

describe("a contacts file", () => {
  it("gives its header and each row with the line the row starts on, after a quoted cell over three lines", () => {
    const file = read(
      [
        "Name,Title,Email,Company", // 1
        "Ana,CFO,ana@a.example,Acme", // 2
        "", // 3: blank lines are skipped, not counted as rows
        'Bo,"Head of', // 4
        "Many", // 5
        'Things",bo@a.example,Acme', // 6
        "Cy,,cy@a.example,Acme", // 7
      ].join("\r\n"),
    );
    expect(file).toEqual({
      ok: true,
      table: {
        headers: ["Name", "Title", "Email", "Company"],
        rows: [
          { line: 2, cells: ["Ana", "CFO", "ana@a.example", "Acme"] },
          { line: 4, cells: ["Bo", "Head of\nMany\nThings", "bo@a.example", "Acme"] },
          { line: 7, cells: ["Cy", "", "cy@a.example", "Acme"] },
        ],
      },
    });
  });

  it("keeps a formula cell as the text it is", () => {
    const file = read('Name,Company\n"=HYPERLINK(""http://evil.example"",""click"")",@SUM(A1)\n');
    expect(file.ok && file.table.rows[0]?.cells).toEqual(['=HYPERLINK("http://evil.example","click")', "@SUM(A1)"]);
  });

  it("reads a byte-order mark, semicolons and a name with a stray quote", () => {
    const file = read('\uFEFFName;Company\nBo "the" Boss;Acme\n');
    expect(file.ok && file.table).toEqual({ headers: ["Name", "Company"], rows: [{ line: 2, cells: ['Bo "the" Boss', "Acme"] }] });
  });

  it("names a blank column by its place", () => {
    const file = read("Name,,Company\nAna,x,Acme\n");
    expect(file.ok && file.table.headers).toEqual(["Name", "Column 2", "Company"]);
  });

  it.each([
    ["an empty file", "", fileMessages.empty],
    ["a file of blank lines", "\n\n  \n", fileMessages.empty],
    ["a header and nothing else", "Name,Email\n", fileMessages.noRows],
    ["a blank header", ",,\nAna,a@b.example,Acme\n", fileMessages.blankHeader],
    ["a first line that is a contact", "Ana,ana@a.example,Acme\nBo,bo@a.example,Acme\n", fileMessages.headerIsData],
  ])("refuses %s with what to do", (_, text, message) => {
    expect(errorOf(read(text))).toBe(message);
  });

  it("says on which line a quoted cell is opened and never closed", () => {
    const error = errorOf(read('Name,Company\nAna,Acme\n\nBo,"Acme\nCy,Acme\n'));
    expect(error).toMatch(/^line 4: a quoted cell starts here and is never closed/);
  });

  it("refuses binary data and text that is not UTF-8", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(errorOf(readContactsFile(png))).toBe(fileMessages.binary);
    const latin1 = new Uint8Array([...bytes("Name,Company\nJos"), 0xe9, ...bytes(",Acme\n")]);
    expect(errorOf(readContactsFile(latin1))).toBe(fileMessages.notUtf8);
  });

  it("refuses a 5 MB file before reading it", () => {
    const big = bytes(`Name,Company\n${"Ana,Acme\n".repeat(600_000)}`);
    expect(errorOf(readContactsFile(big))).toBe(tooLargeMessage(big.byteLength));
    expect(tooLargeMessage(big.byteLength)).toContain("5.4 MB");
  });

  it(`takes ${maxContactRows} rows and refuses one more, saying how many it found`, () => {
    const rows = (count: number) => `Name,Company\n${"Ana,Acme\n".repeat(count)}`;
    expect(read(rows(maxContactRows)).ok).toBe(true);
    expect(errorOf(read(rows(10_000)))).toBe(tooManyRowsMessage(10_000));
    expect(tooManyRowsMessage(10_000)).toContain("10,000 contacts; Pipeline imports up to 1,000");
  });
});
