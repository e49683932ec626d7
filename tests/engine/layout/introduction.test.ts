/** A sous-action's published introduction (« Trois sous projets sont à distinguer : ») shows on the row above it. */
import { builtinPlan } from "../../support/plans";

test("Essonne fa_25: the introduction sits above the first sous-projet, as a note, with French typography", () => {
  const plan = builtinPlan("essonne_2022_2026");
  const bound = plan.meta.bindings.find((b) => b.key.startsWith("fa_25.sp_1@statut"))!;
  const sheet = plan.sheets.find((s) => s.name === bound.sheet)!;
  const saRow = sheet.cells.find((c) => c.col === 1 && c.value === "fa_25.sp_1")!.row;
  const intro = sheet.cells.find((c) => c.row === saRow - 1 && c.col === 2)!;
  expect(intro.style).toBe("note");
  expect(intro.value).toBe("Trois sous projets sont à distinguer\u00a0:");
  // shown once, not repeated before the next sous-projets
  expect(
    sheet.cells.filter((c) => typeof c.value === "string" && c.value.startsWith("Trois sous projets")).length,
  ).toBe(1);
});
