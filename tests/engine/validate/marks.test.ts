/** The marks' notes: a mark is found and taken out wherever it is, and the user's own text is kept. */
import { errorMarks, MARK_HEAD, markHead, withMark, withoutMark } from "../../../src/engine/validate/marks";
import { loadBuiltin } from "../../../src/model/builtins";
import { validateSnapshot } from "../../../src/engine/validate";
import { snapshotOf } from "../../support/snapshotOf";
import { readBack } from "../../support/fill";
import { planOf, setInput } from "../../support/plans";

const mark = `${MARK_HEAD}\nLa valeur « Fait » n'est pas un nombre.`;

test("a mark alone, after the user's note, or with the user's text after it, comes out; the user's text stays", () => {
  expect(withoutMark(mark)).toBeUndefined();
  expect(withoutMark("À vérifier")).toBe("À vérifier");
  expect(withoutMark(undefined)).toBeUndefined();
  expect(withoutMark(withMark("À vérifier", mark))).toBe("À vérifier");
  expect(withoutMark(`${withMark("À vérifier", mark)}\n\nAjouté ensuite`)).toBe("À vérifier\n\nAjouté ensuite");
  expect(withoutMark(`${mark}\n\n${mark}`)).toBeUndefined();
});

test("a mark replaces the one before it, never adds to it", () => {
  const once = withMark("À vérifier", mark);
  expect(withMark(once, mark)).toBe(once);
  expect(withMark(withMark(undefined, mark), mark)).toBe(mark);
  expect(once).toBe(`À vérifier\n\n${mark}`);
});

describe("in an English workbook", () => {
  const schema = loadBuiltin("fiche_action_5_2022_2026");

  test("a mark says its head and its messages in English; either language's mark comes out", async () => {
    const plan = planOf(schema, { lang: "en" });
    const b = plan.meta.bindings.find((x) => x.input && x.kind === "statut")!;
    setInput(plan, b.key, "Fini");
    const report = validateSnapshot(snapshotOf(await readBack(plan), "en.xlsx"));
    const marks = errorMarks(report.findings, report.meta!);
    expect(marks.map((m) => m.binding.key)).toEqual([b.key]);
    const en = report.findings.find((f) => f.cell === b.address && f.severity === "erreur")!;
    expect(marks[0]!.text).toBe(`${markHead("en")}\n${en.messageEn}`);
    expect(withoutMark(withMark("To check", marks[0]!.text))).toBe("To check");
    expect(withoutMark(`${withMark("À vérifier", mark)}\n\n${marks[0]!.text}`)).toBe("À vérifier");
  });
});
