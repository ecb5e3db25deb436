// Performs a step's do: recipe as a visitor would: click, fill … with, select … option, upload … file (a file
// beside demo.yaml). The first item that cannot be done is the failure, at its own line in demo.yaml.
import "server-only";
import path from "node:path";
import type { Locator, Page } from "playwright";
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

/**
 * A pointer click, else Enter on the control, as a keyboard visitor presses it. At 360×640, while a step's
 * target is missing, the phone sheet keeps page buttons from ever being "stable" for a pointer click (the open
 * defect in components/tour, noted on #9); the keyboard reaches the same control, so the walk goes on.
 */
async function clickOrPress(control: Locator): Promise<void> {
  try {
    await control.click({ timeout: controlMs / 2 });
  } catch (error) {
    const log = error instanceof Error ? error.message : "";
    if (!/not stable|intercepts pointer events|outside of the viewport/.test(log)) throw error;
    await control.press("Enter", { timeout: controlMs / 2 });
  }
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
      if (verb === "click") await clickOrPress(control);
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
