// Performs a step's do: recipe as a visitor would: click, fill … with, select … option, upload … file (a file
// beside demo.yaml). The first item that cannot be done is the failure, at its own line in demo.yaml.
import "server-only";
import path from "node:path";
import type { Page } from "playwright";
import type { RecipeStep } from "@/lib/demos/demo-schema";
import { describeNamed, locate, type Named, namesOfRole } from "./locate";

/** A recipe item's control has this long to be there and ready (the product may still be loading a page). */
const controlMs = 5_000;

export type RecipeFailure = { index: number; expected: string; found: string };

function verbOf(item: RecipeStep): { verb: string; named: Named } {
  if (item.click !== undefined) return { verb: "click", named: item.click };
  if (item.fill !== undefined) return { verb: "fill", named: item.fill };
  if (item.select !== undefined) return { verb: "select", named: item.select };
  return { verb: "upload", named: item.upload as Named };
}

export async function performRecipe(
  page: Page,
  recipe: readonly RecipeStep[],
  options: { locale: string; demoDir: string },
): Promise<RecipeFailure | undefined> {
  for (const [index, item] of recipe.entries()) {
    const { verb, named } = verbOf(item);
    const control = locate(page, named, options.locale).first();
    const what = describeNamed(named, options.locale);
    const doing = {
      click: `to click ${what}`,
      fill: `to type “${item.with}” into ${what}`,
      select: `to choose “${item.option}” in ${what}`,
      upload: `to upload ${item.file} with ${what}`,
    }[verb];
    try {
      await control.waitFor({ state: "visible", timeout: controlMs });
    } catch {
      const where = new URL(page.url()).pathname;
      return { index, expected: doing ?? verb, found: `${what} is not on ${where}${await namesOfRole(page, named)}` };
    }
    try {
      // A pointer click, as a visitor clicks: a control under the phone sheet is a failure to report, not to work around.
      if (verb === "click") await control.click({ timeout: controlMs });
      else if (verb === "fill") await control.fill(item.with ?? "", { timeout: controlMs });
      else if (verb === "select") await control.selectOption({ label: item.option ?? "" }, { timeout: controlMs });
      else {
        // An anchor may be the upload's whole field: the file goes to the input inside it.
        const input = control
          .locator("input[type=file]")
          .or(control.and(page.locator("input[type=file]")))
          .first();
        await input.setInputFiles(path.join(options.demoDir, item.file ?? ""), { timeout: controlMs });
      }
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
      return { index, expected: doing ?? verb, found: `${what} is there but could not be used: ${reason}` };
    }
  }
  return undefined;
}
