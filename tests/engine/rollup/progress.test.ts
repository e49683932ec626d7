/**
 * The definitions of progress, case by case, with the figures they must give:
 * a sous-action judged as a whole for the campaign (due, state, late, not
 * reported), a schéma that publishes no calendar, periods after the campaign
 * locked, and « Cibles atteintes » as targets met over targets set, judged
 * by the indicator's direction.
 */
import { layoutWorkbook } from "../../../src/engine/layout";
import { DEFINITIONS } from "../../../src/engine/layout/definitions";
import { FUTUR_MARK, SANS_CALENDRIER_MARK } from "../../../src/engine/layout/calendar";
import { SOMMAIRE } from "../../../src/engine/layout/sommaire";
import { computeRollups, formulaResults, type CellValue } from "../../../src/engine/rollup";
import { judge } from "../../../src/engine/rollup/atteinte";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { loadBuiltin } from "../../../src/model/builtins";
import { parseSchemaOrThrow } from "../../../src/model/parse";
import type { Indicateur, Schema, SchemaInput } from "../../../src/model/schema";
import { excelSerial } from "../../../src/util/excelDate";
import { a1, parseA1 } from "../../../src/util/a1";
import { transferValues } from "../../../src/engine/transfer";
import { trustedReport, validateSnapshot } from "../../../src/engine/validate";
import { recheck, recheckScope } from "../../../src/engine/validate/recheck";
import { snapshotOf } from "../../support/snapshotOf";
import { readBack, setCell } from "../../support/fill";
import { expand } from "../../support/plans";
import { typo } from "../../../src/util/typography";

type FicheInput = NonNullable<SchemaInput["axes"][number]["fiches"]>[number];

/** A schéma 2022–2026 by year, of one axe and one fiche. */
function schemaOf(fiche: Omit<FicheInput, "numero" | "titre">): Schema {
  return parseSchemaOrThrow(
    {
      id: "essai",
      version: "1",
      titre: "Schéma d'essai",
      departement: "Essonne",
      periode: { debut: 2022, fin: 2026 },
      granularite: "annee",
      axes: [{ numero: "1", titre: "Axe", fiches: [{ numero: "1", titre: "Fiche", ...fiche }] }],
    },
    "essai",
  );
}

function planFor(schema: Schema, campaignYear: number): WorkbookPlan {
  const r = layoutWorkbook(schema, { campaignYear, generatedAt: new Date(0) });
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

/** One sous-action planned on `calendrier`, its statuses by period, judged in `campaign`. */
function sousAction(
  calendrier: NonNullable<FicheInput["sousActions"]>[number]["calendrier"],
  statuts: Record<string, string>,
  campaign: number,
) {
  const schema = schemaOf({ sousActions: [{ libelle: "Sous-action", calendrier }] });
  const plan = planFor(schema, campaign);
  const id = schema.axes[0]!.fiches[0]!.sousActions[0]!.id;
  const values = new Map<string, CellValue>(Object.entries(statuts).map(([p, v]) => [`${id}@statut:${p}`, v]));
  const rollups = computeRollups(schema, plan.meta, values);
  const fiche = rollups.axes[0]!.fiches[0]!;
  return { sa: fiche.sousActions[0]!, fiche, plan, rollups };
}

describe("a sous-action is judged as a whole for the campaign", () => {
  test("(b) En cours in 2022 then Réalisé in 2023, campaign 2023: réalisée, 100 %, not late", () => {
    const { sa, fiche } = sousAction({ periodes: ["2022", "2023"] }, { "2022": "En cours", "2023": "Réalisé" }, 2023);
    expect(sa).toMatchObject({ engagee: 1, realisee: 1, enCours: 0, retard: 0, nonRenseignee: 0, etat: "Réalisé" });
    expect(fiche.avancement).toBe(1);
    expect(fiche.enRetard).toBe(0);
  });

  test("(c) planned over the whole schéma, En cours in the campaign year before its end: on time, ½", () => {
    const { sa, fiche } = sousAction({ dureeSchema: true }, { "2022": "En cours", "2024": "En cours" }, 2024);
    expect(sa).toMatchObject({ engagee: 1, enCours: 1, retard: 0, fin: 2026 });
    expect(fiche.avancement).toBe(0.5);
    expect(fiche.enRetard).toBe(0);
  });

  test("(d) planned to end in 2022, En cours, campaign 2023: late", () => {
    const { sa, fiche } = sousAction({ periodes: ["2022"] }, { "2022": "En cours" }, 2023);
    expect(sa).toMatchObject({ engagee: 1, enCours: 1, retard: 1, fin: 2022 });
    expect(fiche.enRetard).toBe(1);
  });

  test("(e) Reporté in the campaign year: late, even before its planned end", () => {
    const { sa } = sousAction({ dureeSchema: true }, { "2023": "Réalisé", "2024": "Reporté" }, 2024);
    expect(sa).toMatchObject({ engagee: 1, realisee: 0, retard: 1, etat: "Reporté" });
  });

  test("(f) Abandonné after its planned end: not late, counts 0 in progress but stays due", () => {
    const { sa, fiche } = sousAction({ periodes: ["2022"] }, { "2022": "Abandonné" }, 2024);
    expect(sa).toMatchObject({ engagee: 1, realisee: 0, enCours: 0, retard: 0 });
    expect(fiche.avancement).toBe(0);
    expect(fiche.figures.engagees).toBe(1);
  });

  test("nothing entered: non renseignée, never late, even past its planned end", () => {
    const { sa, fiche } = sousAction({ periodes: ["2022"] }, {}, 2024);
    expect(sa).toMatchObject({ engagee: 1, nonRenseignee: 1, retard: 0 });
    expect(fiche).toMatchObject({ enRetard: 0, nonRenseignees: 1, avancement: 0 });
  });

  test("the state is the latest status entered, spaces and case aside; an earlier period's status does not count", () => {
    const { sa } = sousAction({ periodes: ["2022", "2023"] }, { "2022": "Réalisé", "2023": " en cours " }, 2024);
    expect(sa).toMatchObject({ realisee: 0, enCours: 1, retard: 1 });
    const later = sousAction({ periodes: ["2022", "2023"] }, { "2022": "En cours", "2023": "  " }, 2024).sa;
    expect(later).toMatchObject({ enCours: 1, retard: 1, etat: "En cours" });
  });

  test("planned only after the campaign: not due, no figure, no formula", () => {
    const { sa, fiche, plan } = sousAction({ periodes: ["2025"] }, {}, 2024);
    expect(sa).toMatchObject({ engagee: 0, nonRenseignee: 0, requis: 0 });
    expect(fiche.avancement).toBeUndefined();
    expect(plan.meta.bindings.filter((b) => b.node === sa.id && b.formula)).toEqual([]);
  });

  test("the fiche's summary cells show the engine's figures", () => {
    const { rollups, plan, fiche } = sousAction({ periodes: ["2022"] }, { "2022": "En cours" }, 2023);
    const result = formulaResults(rollups);
    const cell = (rate: string) =>
      result(plan.meta.bindings.find((b) => b.key === `${fiche.id}#synthese@synthese:${rate}`)!);
    expect([cell("avancement"), cell("enRetard"), cell("nonRenseignees")]).toEqual([0.5, 1, 0]);
  });
});

test("(a) a blank Essonne 2024 workbook: nothing late, every sous-action due is non renseignée", () => {
  const schema = loadBuiltin("essonne_2022_2026");
  const plan = planFor(schema, 2024);
  const { figures, enRetard, nonRenseignees } = computeRollups(schema, plan.meta, new Map());
  expect(figures.engagees).toBeGreaterThan(20);
  expect(enRetard).toBe(0);
  expect(nonRenseignees).toBe(figures.engagees);
  expect(figures.retard).toBe(0);
});

describe("periods after the campaign are not inputs", () => {
  const schema = schemaOf({ sousActions: [{ libelle: "Toute la durée", calendrier: { dureeSchema: true } }] });
  const plan = planFor(schema, 2024);
  const sheet = plan.sheets.find((s) => s.kind === "axe")!;
  const statuts = plan.meta.bindings.filter((b) => b.kind === "statut");
  const cellOf = (address: string) => {
    const { row, col } = parseA1(address);
    return sheet.cells.find((c) => c.row === row && c.col === col)!;
  };

  test("a later period is locked, marked « prévu » (not by its colour alone) and bound, not as an input", () => {
    expect(statuts.map((b) => [b.period, b.input])).toEqual([
      ["2022", true],
      ["2023", true],
      ["2024", true],
      ["2025", false],
      ["2026", false],
    ]);
    for (const b of statuts.filter((x) => !x.input)) {
      const cell = cellOf(b.address);
      expect(cell).toMatchObject({ style: "futur", value: FUTUR_MARK });
      expect(plan.styles[cell.style]!.locked).toBe(true);
    }
  });

  test("the status list is offered on the inputs only: no « Réalisé » in a future period", () => {
    const listed = new Set(sheet.validations.filter((v) => v.rule.type === "list").flatMap((v) => expand(v.ranges)));
    for (const b of statuts) expect([b.period, listed.has(b.address)]).toEqual([b.period, b.input]);
  });
});

test("a schéma that publishes no calendar (Puy-de-Dôme): one status per sous-action, for the campaign", () => {
  const schema = loadBuiltin("puy_de_dome_2019_2023");
  const plan = planFor(schema, 2021);
  const sousActions = schema.axes.flatMap((a) => a.fiches).flatMap((f) => f.sousActions);
  expect(sousActions.length).toBeGreaterThan(10);
  for (const sa of sousActions) {
    const statuts = plan.meta.bindings.filter((b) => b.node === sa.id && b.kind === "statut");
    // The campaign's status is the input; the earlier campaigns' are kept in sight, locked, for carry-over.
    expect(statuts.map((b) => [b.period, b.input])).toEqual([
      ["2019", false],
      ["2020", false],
      ["2021", true],
    ]);
  }
  // The other period cells of its row show « — », locked.
  const sheet = plan.sheets.find((s) => s.kind === "axe")!;
  const first = plan.meta.bindings.find((b) => b.kind === "statut" && b.input && b.sheet === sheet.name)!;
  const { row } = parseA1(first.address);
  const marks = sheet.cells.filter((c) => c.row === row && c.value === SANS_CALENDRIER_MARK);
  expect(marks.length).toBeGreaterThan(0);
  for (const c of marks) expect(plan.styles[c.style]!.locked).toBe(true);
  // Due every year, planned to the schéma's end: En cours is on time, nothing entered is not late.
  const rollups = computeRollups(schema, plan.meta, new Map([[first.key, "En cours"]]));
  expect(rollups.figures.engagees).toBe(sousActions.length);
  expect(rollups.figures).toMatchObject({ enCours: 1, retard: 0, nonRenseignees: sousActions.length - 1 });
});

describe("« Cibles atteintes » counts the targets met over the targets set", () => {
  test("2 of 8 targets met shows « 2 / 8 » and 25 %, not a mean of ratios", () => {
    const values = [12, 10, 9, 5, 0, 7, undefined, undefined];
    const schema = schemaOf({
      indicateurs: values.map((_, i) => ({
        libelle: `Indicateur ${i + 1}`,
        type: "count" as const,
        sens: "hausse" as const,
        cibles: { "2024": 10 },
      })),
    });
    const plan = planFor(schema, 2024);
    const ids = schema.axes[0]!.fiches[0]!.indicateurs.map((i) => i.id);
    const entered = new Map<string, CellValue>();
    values.forEach((v, i) => v !== undefined && entered.set(`${ids[i]}@valeur:2024`, v));
    const rollups = computeRollups(schema, plan.meta, entered);
    const fiche = rollups.axes[0]!.fiches[0]!;
    expect(fiche.figures).toMatchObject({ ciblesAtteintes: 2, ciblesFixees: 8 });
    expect([fiche.cibles, fiche.atteinte, rollups.cibles]).toEqual(["2 / 8", 0.25, "2 / 8"]);
    expect(fiche.indicateurs.map((i) => i.atteinte)).toEqual([
      "atteinte",
      "atteinte",
      ...Array(4).fill("nonAtteinte"),
      "nonRenseignee",
      "nonRenseignee",
    ]);
    const result = formulaResults(rollups);
    const at = (key: string) => result(plan.meta.bindings.find((b) => b.key === key)!);
    expect(at(`${fiche.id}#synthese@synthese:cibles`)).toBe("2 / 8");
    expect(at(`${schema.id}@rollup:cibles`)).toBe("2 / 8");
    expect(at(`${ids[6]}@synthese:atteinte`)).toBe("Non renseignée");
    expect(at(`${ids[0]}@synthese:atteinte`)).toBe("Atteinte");
  });

  const ind = (type: Indicateur["type"], sens: Indicateur["sens"] = "aucun") => ({ type, sens }) as Indicateur;
  test.each<[string, Indicateur, CellValue, CellValue, string | undefined]>([
    ["hausse: equal meets", ind("count", "hausse"), 10, 10, "atteinte"],
    ["hausse: under misses", ind("count", "hausse"), 9, 10, "nonAtteinte"],
    ["no direction: as hausse", ind("number"), 11, 10, "atteinte"],
    ["baisse: under meets", ind("count", "baisse"), 4, 5, "atteinte"],
    ["baisse: over misses", ind("count", "baisse"), 6, 5, "nonAtteinte"],
    ["baisse: a negative target", ind("number", "baisse"), -4, -3, "atteinte"],
    ["stable: within 5 % above", ind("amount", "stable"), 1050, 1000, "atteinte"],
    ["stable: within 5 % below", ind("amount", "stable"), 950, 1000, "atteinte"],
    ["stable: beyond 5 %", ind("amount", "stable"), 1051, 1000, "nonAtteinte"],
    ["stable: a zero target is met by 0 only", ind("number", "stable"), 0.1, 0, "nonAtteinte"],
    [
      "a ratio on its rate, to the spreadsheet's precision",
      ind("ratio", "hausse"),
      60 * (1 - 2 ** -50),
      60,
      "atteinte",
    ],
    ["a rate under its target", ind("rate", "hausse"), 79.5, 80, "nonAtteinte"],
    ["Oui/Non: the answer expected", ind("boolean"), " oui ", "Oui", "atteinte"],
    ["Oui/Non: the other answer", ind("boolean"), "Oui", "Non", "nonAtteinte"],
    ["Oui/Non: no answer", ind("boolean"), undefined, "Oui", "nonRenseignee"],
    ["date: on the deadline", ind("date"), "2024-06-30", excelSerial("2024-06-30"), "atteinte"],
    ["date: after the deadline", ind("date"), excelSerial("2024-07-01"), excelSerial("2024-06-30"), "nonAtteinte"],
    ["a target and no value", ind("count", "hausse"), undefined, 10, "nonRenseignee"],
    ["a value that is no number", ind("count", "hausse"), "douze", 10, "nonRenseignee"],
    ["no target", ind("count", "hausse"), 10, undefined, "sansCible"],
    ["a number typed as text is no target", ind("rate", "hausse"), 20, "12,5", "sansCible"],
    ["text is never judged", ind("text"), "Bien", "Bien", undefined],
  ])("%s", (_, indicateur, value, target, expected) => {
    expect(judge(indicateur, value, target)).toBe(expected);
  });
});

test("the Sommaire prints every definition after the axe and budget tables", () => {
  const schema = loadBuiltin("essonne_2022_2026");
  const plan = planFor(schema, 2024);
  const sommaire = plan.sheets.find((s) => s.name === SOMMAIRE)!;
  const total = sommaire.cells.find((c) => c.value === "Ensemble du schéma")!.row;
  const heading = sommaire.cells.find((c) => c.value === "Définitions")!;
  // After the axe table and the budget table that follows it.
  const budget = sommaire.cells.find((c) => String(c.value ?? "").startsWith("Budget "))!;
  expect(budget.row).toBeGreaterThan(total);
  expect(heading.row).toBeGreaterThan(budget.row);
  const texts = sommaire.cells.filter((c) => c.row > heading.row).map((c) => c.value);
  expect(texts).toEqual(DEFINITIONS.map((d) => typo(`${d.terme.fr} : ${d.texte.fr}`)));
  // One sentence each, in both languages.
  for (const d of DEFINITIONS)
    for (const text of [d.texte.fr, d.texte.en]) expect(text.replace(/\(.*?\)/g, "").match(/\. /g)).toBeNull();
});

describe("a locked later period in carry-over", () => {
  const schema = schemaOf({ sousActions: [{ libelle: "Toute la durée", calendrier: { dureeSchema: true } }] });
  const id = schema.axes[0]!.fiches[0]!.sousActions[0]!.id;

  test("its mark « prévu » is no value: a blank workbook read back has no status to carry", async () => {
    const report = validateSnapshot(snapshotOf(await readBack(planFor(schema, 2024)), "vierge.xlsx"));
    expect([...report.values.keys()].filter((k) => k.includes("@statut:"))).toEqual([]);
    expect(report.findings.filter((f) => f.rule === "calendrier.statut-hors-prevision")).toEqual([]);
  });

  test("a status carried into it lands there (bound, not an input), and the checks report it rather than drop it", async () => {
    const key = `${id}@statut:2026`;
    const next = planFor(schema, 2024);
    const { carried, notCarried } = transferValues(new Map([[key, "En cours"]]), planFor(schema, 2023), next, String);
    expect([carried, notCarried]).toEqual([1, []]);
    const report = validateSnapshot(snapshotOf(await readBack(next), "reporte.xlsx"));
    const address = next.meta.bindings.find((b) => b.key === key)!.address;
    expect(report.values.get(key)).toBe("En cours");
    expect(report.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([
      ...["2022", "2023", "2024"].map((p) => [
        "completude.statut-manquant",
        next.meta.bindings.find((b) => b.key === `${id}@statut:${p}`)!.address,
        "avertissement",
      ]),
      ["calendrier.statut-hors-prevision", address, "avertissement"],
    ]);
    expect(report.findings[3]!.message).toContain(address);
  });
});

test("a partial check after an edit of the fiche keeps the status typed off the plan (only a full check reads it)", async () => {
  const schema = schemaOf({ sousActions: [{ libelle: "Deux années", calendrier: { periodes: ["2022", "2023"] } }] });
  const plan = planFor(schema, 2024);
  const id = schema.axes[0]!.fiches[0]!.sousActions[0]!.id;
  const wb = await readBack(plan);
  const first = plan.meta.bindings.find((b) => b.key === `${id}@statut:2022`)!;
  const { row, col } = parseA1(first.address);
  // 2024: a period it is not planned on.
  const off = a1(row, col + 2);
  setCell(wb, first.sheet, off, "En cours");
  const full = trustedReport(validateSnapshot(snapshotOf(wb, "classeur.xlsx")));
  if (!full.ok) throw new Error("untrusted");
  const rule = (r: { findings: { rule: string; cell?: string }[] }) =>
    r.findings.filter((f) => f.rule === "calendrier.statut-hors-prevision").map((f) => f.cell);
  expect(rule(full.report)).toEqual([off]);
  const scope = recheckScope(full.report, [{ sheet: first.sheet, address: first.address }])!;
  const fresh = new Map([[first.sheet, new Map([[first.address, { value: "Réalisé" }]])]]);
  expect(rule(recheck(full.report, scope, fresh))).toEqual([off]);
});
