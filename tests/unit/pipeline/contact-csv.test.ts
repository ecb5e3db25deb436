// Reading a visitor's contacts file: every unusable file gets its message, and every row keeps the line it
// starts on, however its quoted cells wrap.
import { describe, expect, it } from "vitest";
import { type ContactsFile, fileMessages, readContactsFile } from "@/lib/pipeline/contact-csv";
import {
  cellTooLongMessage,
  maxCellCharacters,
  maxContactColumns,
  maxContactRows,
  tooLargeMessage,
  tooManyCellsMessage,
  tooManyColumnsMessage,
  tooManyRowsMessage,
} from "@/lib/pipeline/import-limits";

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readContactsFile(bytes(text));
const errorOf = async (file: Promise<ContactsFile>) => {
  const read = await file;
  return read.ok ? "read fine" : read.error;
};

describe("a contacts file", () => {
  it("gives its header and each row with the line the row starts on, after a quoted cell over three lines", async () => {
    const file = await read(
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

  it("keeps a formula cell as the text it is", async () => {
    const file = await read('Name,Company\n"=HYPERLINK(""http://evil.example"",""click"")",@SUM(A1)\n');
    expect(file.ok && file.table.rows[0]?.cells).toEqual(['=HYPERLINK("http://evil.example","click")', "@SUM(A1)"]);
  });

  it("reads a byte-order mark, semicolons and a name with a stray quote", async () => {
    const file = await read('\uFEFFName;Company\nBo "the" Boss;Acme\n');
    expect(file.ok && file.table).toEqual({ headers: ["Name", "Company"], rows: [{ line: 2, cells: ['Bo "the" Boss', "Acme"] }] });
  });

  it("names a blank column by its place", async () => {
    const file = await read("Name,,Company\nAna,x,Acme\n");
    expect(file.ok && file.table.headers).toEqual(["Name", "Column 2", "Company"]);
  });

  it.each([
    ["an empty file", "", fileMessages.empty],
    ["a file of blank lines", "\n\n  \n", fileMessages.empty],
    ["a header and nothing else", "Name,Email\n", fileMessages.noRows],
    ["a blank header", ",,\nAna,a@b.example,Acme\n", fileMessages.blankHeader],
    ["a first line that is a contact", "Ana,ana@a.example,Acme\nBo,bo@a.example,Acme\n", fileMessages.headerIsData],
  ])("refuses %s with what to do", async (_, text, message) => {
    expect(await errorOf(read(text))).toBe(message);
  });

  it("says on which line a quoted cell is opened and never closed", async () => {
    const error = await errorOf(read('Name,Company\nAna,Acme\n\nBo,"Acme\nCy,Acme\n'));
    expect(error).toMatch(/^line 4: a quoted cell starts here and is never closed/);
  });

  it("refuses binary data and text that is not UTF-8", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await errorOf(readContactsFile(png))).toBe(fileMessages.binary);
    const latin1 = new Uint8Array([...bytes("Name,Company\nJos"), 0xe9, ...bytes(",Acme\n")]);
    expect(await errorOf(readContactsFile(latin1))).toBe(fileMessages.notUtf8);
  });

  it("refuses a 5 MB file before reading it", async () => {
    const big = bytes(`Name,Company\n${"Ana,Acme\n".repeat(600_000)}`);
    expect(await errorOf(readContactsFile(big))).toBe(tooLargeMessage(big.byteLength));
    expect(tooLargeMessage(big.byteLength)).toContain("5.4 MB");
  });

  it(`takes ${maxContactRows} rows and refuses one more`, async () => {
    const rows = (count: number) => `Name,Company\n${"Ana,Acme\n".repeat(count)}`;
    expect((await read(rows(maxContactRows))).ok).toBe(true);
    expect(await errorOf(read(rows(maxContactRows + 1)))).toBe(tooManyRowsMessage);
    expect(tooManyRowsMessage).toContain("more than 1,000 contacts; Pipeline imports up to 1,000");
  });
});

describe("a contacts file past what a person can map", () => {
  const header = (columns: number) => Array.from({ length: columns }, (_, index) => `Column ${index + 1}`).join(",");

  it(`takes ${maxContactColumns} columns and refuses a header with more, saying how many`, async () => {
    const wide = (columns: number) => `${header(columns)}\n${"x,".repeat(columns - 1)}x\n`;
    expect((await read(wide(maxContactColumns))).ok).toBe(true);
    expect(await errorOf(read(wide(40_000)))).toBe(tooManyColumnsMessage(40_000));
    expect(tooManyColumnsMessage(40_000)).toMatch(/^That file has 40,000 columns; Pipeline reads up to 100\. Keep the columns/);
  });

  it("counts a header's columns by parsing it when its names are quoted", async () => {
    const quoted = Array.from({ length: 150 }, (_, index) => `"Column, ${index + 1}"`).join(",");
    expect(await errorOf(read(`${quoted}\nAna,Acme\n`))).toBe(tooManyColumnsMessage(150));
  });

  it("refuses a row with more cells than any file may have, at its line", async () => {
    const error = await errorOf(read(`Name,Company\nAna,Acme\n${"x,".repeat(maxContactColumns)}x\n`));
    expect(error).toBe(tooManyCellsMessage(3, maxContactColumns + 1));
    expect(error).toMatch(/^line 3 has 101 cells; Pipeline reads up to 100 columns/);
  });

  it(`takes cells of ${maxCellCharacters} characters and refuses a longer one, at its line and column`, async () => {
    const withNote = (length: number) => `Name,Company,Notes\nAna,Acme,ok\nBo,Acme,"${"n".repeat(length)}"\n`;
    expect((await read(withNote(maxCellCharacters))).ok).toBe(true);
    expect(await errorOf(read(withNote(maxCellCharacters + 1)))).toBe(cellTooLongMessage(3, 3, maxCellCharacters + 1));
    expect(cellTooLongMessage(3, 3, 1_001)).toMatch(/^line 3, column 3: a cell of 1,001 characters; Pipeline reads cells up to 1,000/);
  });

  // Each file below is broken after the limit it passes: had the whole file been parsed, the broken quote at
  // its end would have been the message. The refusal comes from where the limit is passed, and nothing after.
  it.each([
    ["a 40,000-column header", `${header(40_000)}\nAna,Acme\n"never closed\n`, tooManyColumnsMessage(40_000)],
    ["a 1,001st contact", `Name,Company\n${"Ana,Acme\n".repeat(maxContactRows + 1)}"never closed\n`, tooManyRowsMessage],
    ["a cell too long", `Name,Company\n"${"n".repeat(maxCellCharacters + 1)}",Acme\n"never closed\n`, cellTooLongMessage(2, 1, 1_001)],
  ])("stops reading at %s, before the rest of the file", async (_, text, message) => {
    expect(await errorOf(read(text))).toBe(message);
  });

  it("keeps a character that the parse's 32 KiB slices cut in two whole", async () => {
    const head = `Name,Notes\n${`Ana,${"n".repeat(100)}\n`.repeat(305)}Bo,`;
    // ASCII up to the byte before the boundary, so "€" (three bytes in UTF-8) starts one byte before it.
    const note = `${"x".repeat(32 * 1024 - 1 - head.length)}€😀`;
    const file = await read(`${head}${note}\n`);
    expect(file.ok && file.table.rows.at(-1)?.cells).toEqual(["Bo", note]);
  });
});
