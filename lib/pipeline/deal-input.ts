// What the sample product accepts from a visitor's "New deal" and "Move to stage" controls.
import { z } from "zod";
import { stages } from "./vocabulary";

export const newDealInput = z.object({
  title: z.string().trim().min(1, "Give the deal a name").max(120, "Keep the name under 120 characters"),
  companyId: z.coerce.number({ message: "Choose a company" }).int().positive("Choose a company"),
  amount: z.coerce
    .number({ message: "Enter the amount as a number" })
    .int("Enter a whole amount")
    .min(0, "The amount cannot be negative")
    .max(100_000_000, "That amount is larger than Pipeline allows"),
  stage: z.enum(stages, { message: "Choose a stage" }),
});

export const moveStageInput = z.object({
  dealId: z.coerce.number().int().positive(),
  stage: z.enum(stages, { message: "Choose a stage" }),
});

export type NewDealInput = z.infer<typeof newDealInput>;
export type MoveStageInput = z.infer<typeof moveStageInput>;
