/**
 * What a yearly bilan is made of beside the figures: targets set in Excel
 * where the model gives none, each fiche's narrative, a sous-action's reason
 * for a Reporté / Abandonné, text answers readable on rows of their own — and
 * that each of them survives carry-over, upgrade, consolidation and the tidy
 * export, on workbooks written and read back by the .xlsx host.
 */
import { loadBuiltin } from "../../src/model/builtins";
import type { Schema } from "../../src/model/schema";
import type { WorkbookPlan } from "../../src/engine/plan";
import { transferValues } from "../../src/engine/transfer";
import { tidyRows } from "../../src/engine/tidy";
import { consolidate, type ConsolidationSource } from "../../src/engine/consolidate";
import { validateSnapshot } from "../../src/engine/validate";
import { withTypedTargets } from "../../src/engine/layout/cibles";
import { HISTORIQUE } from "../../src/engine/layout/historique";
import { RECIT_MAX } from "../../src/engine/layout/recit";
import { toTable } from "../../src/model/referentiel/toTable";
import { snapshotOf } from "../support/snapshotOf";
import { parseA1 } from "../../src/util/a1";
import { fillValid, readBack } from "../support/fill";
import { bindingCell, planOf, setInput } from "../support/plans";

jest.setTimeout(60_000);

const essonne = loadBuiltin("essonne_2022_2026");
const YEAR = 2024;
const fiches = essonne.axes.flatMap((a) => a.fiches);
const campaignPlan = planOf(essonne, { campaignYear: YEAR });
/** A sous-action with a status of the campaign year, in a fiche with a count indicator. */
const sa = fiches
  .filter((f) => f.indicateurs.some((i) => i.type === "count"))
  .flatMap((f) => f.sousActions)
  .find((s) => campaignPlan.meta.bindings.some((b) => b.key === `${s.id}@statut:${YEAR}`))!;
const fiche = fiches.find((f) => f.sousActions.includes(sa))!;
const count = fiche.indicateurs.find((i) => i.type === "count")!;

const binding = (plan: WorkbookPlan, key: string) => plan.meta.bindings.find((b) => b.key === key);
const reportOf = async (plan: WorkbookPlan, file = "bilan.xlsx") =>
  validateSnapshot(snapshotOf(await readBack(plan), file));

/** A 2024 Essonne bilan with targets, narrative and a sous-action comment typed in it. */
function written(): WorkbookPlan {
  const plan = fillValid(planOf(essonne, { campaignYear: YEAR }), essonne);
  setInput(plan, `${count.id}@cible:2024`, 40);
  setInput(plan, `${count.id}@cible:2026`, 60);
  setInput(
    plan,
    `${fiche.id}@realisations:${YEAR}`,
    "Deux sessions de formation ont réuni 48 professionnels.\nLe guide est paru.",
  );
  setInput(plan, `${fiche.id}@difficultes:${YEAR}`, "Départ de la coordinatrice en juin.");
  setInput(plan, `${fiche.id}@perspectives:${YEAR}`, "Étendre la formation aux TAD Sud.");
  setInput(plan, `${sa.id}@commentaire:${YEAR}`, "Calendrier décalé par le recrutement.");
  return plan;
}

describe("targets", () => {
  const plan = planOf(essonne, { campaignYear: YEAR });

  test("without a target in the model, the campaign's and later years' target cells are inputs; earlier ones are locked but kept", () => {
    for (const y of [2024, 2025, 2026]) expect(binding(plan, `${count.id}@cible:${y}`)).toMatchObject({ input: true });
    for (const y of [2022, 2023]) expect(binding(plan, `${count.id}@cible:${y}`)).toMatchObject({ input: false });
    const cell = bindingCell(plan, `${count.id}@cible:2025`);
    expect(plan.styles[cell.style]!.locked).toBe(false);
  });

  test("a target given by the model stays a locked constant, with no input binding", () => {
    const schema: Schema = structuredClone(essonne);
    const ind = schema.axes
      .flatMap((a) => a.fiches)
      .flatMap((f) => f.indicateurs)
      .find((i) => i.id === count.id)!;
    ind.cibles = { "2025": 50 };
    const p = planOf(schema, { campaignYear: YEAR });
    expect(binding(p, `${count.id}@cible:2025`)).toBeUndefined();
    expect(binding(p, `${count.id}@cible:2026`)).toMatchObject({ input: true });
    const row = parseA1(binding(p, `${count.id}@valeur:2025`)!.address).row;
    const sheet = p.sheets.find((s) => s.name === binding(p, `${count.id}@valeur:2025`)!.sheet)!;
    const target = sheet.cells.find((c) => c.row === row && c.value === 50)!;
    expect(p.styles[target.style]!.locked).toBe(true);
  });

  test("a ratio's target is typed as a rate (0–100), a text answer has none", () => {
    const ratio = fiches.flatMap((f) => f.indicateurs).find((i) => i.type === "ratio")!;
    const p = planOf(essonne, { campaignYear: YEAR });
    const b = binding(p, `${ratio.id}@cible:${YEAR}`)!;
    const rule = p.sheets.find((s) => s.name === b.sheet)!.validations.find((v) => v.ranges.includes(b.address))!.rule;
    expect(rule).toEqual({ type: "decimal", min: 0, max: 100 });
    const text = fiches.flatMap((f) => f.indicateurs).find((i) => i.type === "text");
    if (text) expect(binding(p, `${text.id}@cible:${YEAR}`)).toBeUndefined();
  });

  test("a target typed as text or out of range is an error of the target cell", async () => {
    const p = fillValid(planOf(essonne, { campaignYear: YEAR }), essonne);
    setInput(p, `${count.id}@cible:2025`, "beaucoup");
    setInput(p, `${count.id}@cible:2026`, -3);
    const findings = (await reportOf(p)).findings.filter((f) => f.severity === "erreur");
    expect(findings.map((f) => [f.cell, f.rule])).toEqual([
      [binding(p, `${count.id}@cible:2025`)!.address, "type.texte-au-lieu-de-nombre"],
      [binding(p, `${count.id}@cible:2026`)!.address, "plage.negatif"],
    ]);
  });

  test("typed targets reach the tidy export and the référentiel table exported from the workbook", async () => {
    const report = await reportOf(written());
    const rows = tidyRows("bilan.xlsx", essonne, report.meta!, report.values);
    expect(rows.find((r) => r.element === count.id && r.periode === "2026")).toMatchObject({ cible: 60 });
    const { schema, count: n } = withTypedTargets(report.schema!, report.values);
    expect(n).toBe(2);
    const table = toTable(schema);
    const header = table[0]!;
    const row = table.find((r) => r.includes(count.libelle))!;
    expect(row[header.indexOf("Cible 2024")]).toBe(40);
    expect(row[header.indexOf("Cible 2026")]).toBe(60);
  });
});

describe("narrative", () => {
  test("each fiche has its three texts of the campaign, wrapped in a wide merged cell, length-validated", () => {
    const plan = planOf(essonne, { campaignYear: YEAR });
    for (const kind of ["realisations", "difficultes", "perspectives"]) {
      const b = binding(plan, `${fiche.id}@${kind}:${YEAR}`)!;
      expect(b).toMatchObject({ input: true, rowId: `${fiche.id}#${kind}` });
      const sheet = plan.sheets.find((s) => s.name === b.sheet)!;
      const row = parseA1(b.address).row;
      expect(sheet.merges.some((m) => m.startsWith(`${b.address}:`))).toBe(true);
      expect(sheet.rowHeights[row]).toBeGreaterThanOrEqual(90);
      expect(plan.styles[bindingCell(plan, b.key).style]).toMatchObject({ wrap: true, locked: false });
      const rule = sheet.validations.find((v) => v.ranges.includes(b.address))!.rule;
      expect(rule).toEqual({ type: "textLength", max: RECIT_MAX });
    }
  });

  test("a sous-action's comment is one cell of the indicators' Commentaire column, unmerged", () => {
    const b = binding(campaignPlan, `${sa.id}@commentaire:${YEAR}`)!;
    const sheet = campaignPlan.sheets.find((s) => s.name === b.sheet)!;
    const { row, col } = parseA1(b.address);
    const indicatorComment = campaignPlan.meta.bindings.find(
      (x) => x.sheet === b.sheet && x.kind === "commentaire" && x.node.includes(".ind_"),
    )!;
    expect(parseA1(indicatorComment.address).col).toBe(col);
    expect(
      sheet.merges.filter((m) => m.split(":").some((a) => parseA1(a).row === row && parseA1(a).col === col)),
    ).toEqual([]);
  });

  test("a Reporté or Abandonné without a reason is a finding on the sous-action's comment; with one, none", async () => {
    const plan = fillValid(planOf(essonne, { campaignYear: YEAR }), essonne);
    setInput(plan, `${sa.id}@statut:${YEAR}`, "Reporté");
    const missing = (await reportOf(plan)).findings.filter((f) => f.rule === "calendrier.motif-manquant");
    expect(missing.map((f) => [f.cell, f.node, f.severity])).toEqual([
      [binding(plan, `${sa.id}@commentaire:${YEAR}`)!.address, sa.id, "avertissement"],
    ]);
    expect(missing[0]!.message).toContain("Reporté");
    setInput(plan, `${sa.id}@commentaire:${YEAR}`, "Reporté faute de financement.");
    expect((await reportOf(plan)).findings.filter((f) => f.rule === "calendrier.motif-manquant")).toEqual([]);
  });

  test("carry-over: last year's texts go to Bilans précédents, and its perspectives are recalled on the fiche, read-only", async () => {
    const report = await reportOf(written());
    const next = planOf(essonne, { campaignYear: YEAR + 1 });
    const { notCarried } = transferValues(report.values, report.plan!, next, (id) => id);
    for (const kind of ["realisations", "difficultes", "perspectives"]) {
      const b = binding(next, `${fiche.id}@${kind}:${YEAR}`)!;
      expect(b).toMatchObject({ sheet: HISTORIQUE, input: false });
      expect(bindingCell(next, b.key).value).toBe(report.values.get(b.key));
    }
    // Typed targets: 2024's is now locked (input false) and kept; 2026's is still an input, kept.
    expect(binding(next, `${count.id}@cible:2024`)).toMatchObject({ input: false });
    expect(bindingCell(next, `${count.id}@cible:2024`).value).toBe(40);
    expect(bindingCell(next, `${count.id}@cible:2026`).value).toBe(60);
    // The recall reads the history cell: a formula, so the text is kept in one place.
    const history = binding(next, `${fiche.id}@perspectives:${YEAR}`)!.address;
    const recall = next.sheets.flatMap((s) => s.cells).find((c) => c.formula?.includes(`'${HISTORIQUE}'!${history}`));
    expect(recall).toBeDefined();
    // Sources and comments are for their campaign: they have no cell next year and are kept in Non repris.
    const keys = notCarried.map((n) => n.key);
    expect(keys).toContain(`${sa.id}@commentaire:${YEAR}`);
    expect(keys.filter((k) => !/@(source|commentaire):/.test(k))).toEqual([]);
  });

  test("carry-over twice: the texts of both earlier years are on Bilans précédents", async () => {
    const first = await reportOf(written());
    const p2025 = planOf(essonne, { campaignYear: 2025 });
    transferValues(first.values, first.plan!, p2025, (id) => id);
    setInput(p2025, `${fiche.id}@realisations:2025`, "Formation étendue.");
    const second = await reportOf(p2025, "2025.xlsx");
    const p2026 = planOf(essonne, { campaignYear: 2026 });
    transferValues(second.values, second.plan!, p2026, (id) => id);
    expect(bindingCell(p2026, `${fiche.id}@realisations:2024`).value).toContain("48 professionnels");
    expect(bindingCell(p2026, `${fiche.id}@realisations:2025`).value).toBe("Formation étendue.");
  });

  test("upgrade to a new version of the model keeps the texts, the targets and the comment in place", async () => {
    const report = await reportOf(written());
    const next = planOf({ ...essonne, version: "1.1.0" }, { campaignYear: YEAR });
    const { notCarried } = transferValues(report.values, report.plan!, next, (id) => id);
    expect(notCarried).toEqual([]);
    expect(bindingCell(next, `${fiche.id}@difficultes:${YEAR}`).value).toBe("Départ de la coordinatrice en juin.");
    expect(bindingCell(next, `${sa.id}@commentaire:${YEAR}`).value).toBe("Calendrier décalé par le recrutement.");
    expect(bindingCell(next, `${count.id}@cible:2026`).value).toBe(60);
  });

  test("the tidy export has a row per fiche, year and heading of the narrative, and the sous-action's comment", async () => {
    const report = await reportOf(written());
    const rows = tidyRows("bilan.xlsx", essonne, report.meta!, report.values);
    const recit = rows.filter((r) => r.type_element === "bilan qualitatif" && r.fiche === fiche.numero);
    expect(recit.map((r) => [r.libelle, r.periode])).toEqual([
      ["Réalisations de l'année", String(YEAR)],
      ["Difficultés / freins", String(YEAR)],
      ["Perspectives", String(YEAR)],
    ]);
    expect(recit[1]!.valeur).toBe("Départ de la coordinatrice en juin.");
    expect(rows.find((r) => r.element === sa.id && r.periode === String(YEAR))).toMatchObject({
      commentaire: "Calendrier décalé par le recrutement.",
    });
  });

  test("consolidation keeps each source's narrative side by side, under its name, never merged into one", async () => {
    const orne = loadBuiltin("orne_2017_2021");
    const of = orne.axes.flatMap((a) => a.fiches).find((f) => new Set([...f.pilotes, ...f.partenaires]).size >= 2)!;
    const [pA, pB] = [...new Set([...of.pilotes, ...of.partenaires])] as [string, string];
    const year = orne.periode.debut + 2;
    const part = async (id: string, text: string): Promise<ConsolidationSource> => {
      const p = fillValid(planOf(orne, { campaignYear: year, cut: { kind: "partenaire", id } }), orne);
      setInput(p, `${of.id}@realisations:${year}`, text);
      return { file: `${id}.xlsx`, report: await reportOf(p, `${id}.xlsx`) };
    };
    const c = consolidate([await part(pA, "Texte A."), await part(pB, "Texte B.")]);
    const merged = String(c.values.get(`${of.id}@realisations:${year}`));
    const names = c.accepted.map((x) => x.who);
    expect(merged).toBe(`[${names[0]}]\nTexte A.\n\n[${names[1]}]\nTexte B.`);
  });
});

describe("text answers", () => {
  test("a text indicator's answers have a row per year up to the campaign, the campaign's an input wide enough to read", () => {
    const schema: Schema = structuredClone(essonne);
    const f = schema.axes[0]!.fiches[0]!;
    f.indicateurs.push({
      ...f.indicateurs[0]!,
      id: `${f.id}.ind_texte`,
      libelle: "Perception par les acteurs",
      type: "text",
      cibles: {},
    });
    const plan = planOf(schema, { campaignYear: YEAR });
    const answers = plan.meta.bindings.filter((b) => b.node === `${f.id}.ind_texte` && b.kind === "valeur");
    expect(answers.map((b) => [b.period, b.input, b.rowId])).toEqual([
      ["2022", false, `${f.id}.ind_texte#reponse:2022`],
      ["2023", false, `${f.id}.ind_texte#reponse:2023`],
      ["2024", true, `${f.id}.ind_texte#reponse:2024`],
    ]);
    const now = answers[2]!;
    const sheet = plan.sheets.find((s) => s.name === now.sheet)!;
    const merge = sheet.merges.find((m) => m.startsWith(`${now.address}:`))!;
    const [from, to] = merge.split(":").map(parseA1) as [ReturnType<typeof parseA1>, ReturnType<typeof parseA1>];
    const width = Array.from(
      { length: to.col - from.col + 1 },
      (_, i) => sheet.columnWidths[from.col + i] ?? 8.43,
    ).reduce((a, b) => a + b);
    expect(width).toBeGreaterThanOrEqual(100);
    expect(plan.styles[bindingCell(plan, now.key).style]).toMatchObject({ wrap: true, locked: false });
  });
});
