/**
 * A bilan workbook in English (`LayoutOptions.lang`): none of the layout's French words in it, only the schéma's
 * own texts; filled by its own validations it validates as cleanly as a French one, and its rollups are the
 * French workbook's given the same answers; a French word typed in it is read, said, and not counted, as its
 * formulas do not count it.
 */
import { fr as frCatalogue } from "../../src/i18n/fr";
import { en as enCatalogue } from "../../src/i18n/en";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { parseSchemaOrThrow } from "../../src/model/parse";
import type { Schema } from "../../src/model/schema";
import { inLangOf, readOuiNon, readStatut, statuts } from "../../src/model/vocabulaire";
import { pluraliser } from "../../src/util/typography";
import type { WorkbookPlan } from "../../src/engine/plan";
import { computeRollups, type Rollups } from "../../src/engine/rollup";
import { validateSnapshot, type ValidationReport } from "../../src/engine/validate";
import { valuesIn, wordKinds } from "../../src/engine/valueWords";
import { snapshotOf } from "../support/snapshotOf";
import { readBack, setCell, sheetNamed } from "../support/fill";
import { fivePartners, partnerPlan } from "../support/fivePartners";
import { consolidate } from "../../src/engine/consolidate";
import { masterPlan } from "../../src/engine/consolidateMaster";
import { registerName } from "../../src/engine/register";
import { retoursNames, RETOURS_SHEETS } from "../../src/engine/layout/retours";
import { fillByValidation } from "../support/fillByValidation";
import { bindingCell, GENERATED_AT, planOf } from "../support/plans";

const schema = loadBuiltin("essonne_2022_2026");

/** Every string of the schéma, and its level names in the plural: its own texts, which stay as it writes them. */
function schemaTexts(s: Schema): string[] {
  const out = new Set<string>(Object.values(s.niveaux).map(pluraliser));
  const walk = (v: unknown) => {
    if (typeof v === "string") out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(s);
  return [...out]
    .filter((x) => x.length > 1)
    .map((x) => x.toLowerCase())
    .sort((a, b) => b.length - a.length);
}

const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];
/**
 * The keys of what a workbook shows: its own words, and what a master's register of returns says in its sheets
 * (the states, each event of a return's history, a finding's severity).
 */
const SHOWN = ["workbook.", "register.etat.", "register.event.", "validate.severity."];
const wordsOfCatalogue = (c: Record<string, string>) =>
  new Set(
    Object.entries(c)
      .filter(([k]) => SHOWN.some((p) => k.startsWith(p)))
      .flatMap(([, v]) => words(v.replace(/\{\{\w+\}\}/g, " "))),
  );
/** Words of the layout in French that English does not use (« Cible », « campagne », « Réalisé »…). */
const FRENCH = (() => {
  const english = wordsOfCatalogue(enCatalogue);
  return new Set([...wordsOfCatalogue(frCatalogue)].filter((w) => w.length > 2 && !english.has(w)));
})();

/**
 * Every text the workbook shows or says: cells, data validations, conditional formats' words, footers, sheet names
 * (an axe sheet's after its number: « III - », "Axis 1 - "). Not the ids and row kinds of the hidden cells.
 */
function shownTexts(plan: WorkbookPlan): string[] {
  return plan.sheets
    .filter((s) => s.kind !== "meta")
    .flatMap((s) => [
      s.kind === "axe" ? s.name.slice(s.name.indexOf(" - ") + 3) : s.name,
      ...s.cells.flatMap((c) => [
        ...(typeof c.value === "string" && c.style !== "meta" ? [c.value] : []),
        // A link's target (`"#'Sheet'!A1"`) names a sheet, whose name is checked above.
        ...[...(c.formula ?? "").matchAll(/"([^"]*)"/g)].map((m) => m[1]!).filter((t) => !t.startsWith("#")),
      ]),
      ...s.validations.flatMap((v) => [
        v.prompt.title,
        v.prompt.message,
        v.error.title,
        v.error.message,
        ...(v.rule.type === "list" ? v.rule.values : []),
      ]),
      ...s.conditionalFormats.flatMap((f) =>
        f.kind === "expression" ? [...f.formula.matchAll(/"([^"]*)"/g)].map((m) => m[1]!) : [],
      ),
      ...(s.print?.footer ? [s.print.footer.left, s.print.footer.right] : []),
    ]);
}

/** An id shown as it is, no word of any language: a rule (`plage.negatif`), a cell's key (`fa_5.ind_1@valeur:2024`). */
const isId = (text: string) => /[.@]/.test(text) && /^[a-z_][\w.:@-]*$/.test(text);

/** The French layout words in a plan's texts, once the schéma's own texts are taken out. */
function frenchWords(plan: WorkbookPlan, s: Schema): Map<string, string> {
  const own = schemaTexts(s);
  const found = new Map<string, string>();
  for (const text of shownTexts(plan)) {
    if (isId(text)) continue;
    let rest = text.toLowerCase();
    // A text cut to fit (a validation's title, a sheet's name) ends with « … »: the start of a schéma's text.
    if (rest.endsWith("…") && own.some((t) => t.startsWith(rest.slice(0, -1)))) continue;
    for (const t of own) rest = rest.split(t).join(" ");
    for (const w of words(rest)) if (FRENCH.has(w) && !found.has(w)) found.set(w, text);
  }
  return found;
}

describe("an English workbook says none of the layout's French words", () => {
  test("the list of French layout words is long enough to mean something", () => {
    expect(FRENCH.size).toBeGreaterThan(150);
    for (const w of ["campagne", "cible", "réalisé", "saisir", "synthèse", "sommaire", "contrôles", "oui"])
      expect(FRENCH.has(w)).toBe(true);
    // The register of returns' words: its sheets, states, history and findings.
    for (const w of ["suivi", "retours", "attendu", "reçu", "corriger", "validé", "verrouillé", "erreur", "historique"])
      expect(FRENCH.has(w)).toBe(true);
  });

  test.each(["essonne_2022_2026", "orne_2017_2021", "puy_de_dome_2019_2023", "fiche_action_5_2022_2026"])(
    "%s in English: no French layout word outside the schéma's texts",
    (id) => {
      const s = loadBuiltin(id);
      expect(Object.fromEntries(frenchWords(planOf(s, { lang: "en" }), s))).toEqual({});
    },
  );

  test("the same search finds them in the French workbook", () => {
    const found = frenchWords(planOf(schema), schema);
    expect(found.size).toBeGreaterThan(100);
  });

  test("the metadata records the language; a French workbook records none, as before", () => {
    expect(planOf(schema, { lang: "en" }).meta.lang).toBe("en");
    expect("lang" in planOf(schema).meta).toBe(false);
  });

  test("the default level names are said in English, a schéma's own are kept", () => {
    const texts = shownTexts(planOf(schema, { lang: "en" }));
    expect(texts).toContain("Axis 1 — Renforcer les actions de prévention");
    // Essonne calls its sous-actions « Modalité de mise en œuvre »: its word, kept.
    expect(texts.some((t) => t.includes("modalités de mise en œuvre"))).toBe(true);
    expect(texts.some((t) => /Action sheet No\. 1 — /.test(t))).toBe(true);
  });
});

/** The test model that uses every fidelity capability; `own` false: without its own word for the partenaires. */
function fidelite(own: boolean): Schema {
  const data = JSON.parse(readFileSync(join(__dirname, "../fixtures/models/fidelite.json"), "utf8"));
  if (!own) delete data.niveaux.partenaires;
  return parseSchemaOrThrow(data, "fidelite.json");
}

describe("what a published schéma brings is said in English too", () => {
  test.each([true, false])("fidelite.json (its own partenaires word: %s): no French layout word", (own) => {
    const s = fidelite(own);
    expect(Object.fromEntries(frenchWords(planOf(s, { lang: "en" }), s))).toEqual({});
  });

  test("« dont », nature des actions, partners, milestones with their published date, a scale", () => {
    const s = fidelite(false);
    const texts = shownTexts(planOf(s, { lang: "en" }));
    expect(texts).toEqual(
      expect.arrayContaining([
        "of which: Réunions avec l'Éducation nationale",
        "Nature of the actions: Partenariat, Formation",
        "Milestone Septembre 2022: Formation des professionnels",
        "Scale",
        "Choose a level from the list: non engagé, engagé, réalisé.",
      ]),
    );
    expect(texts.some((t) => t.startsWith("Partners: "))).toBe(true);
    // The schéma's own word for its partenaires is its text, kept in English.
    expect(shownTexts(planOf(fidelite(true), { lang: "en" })).some((t) => t.startsWith("Contributeurs: "))).toBe(true);
  });
});

/** Filled by its validations (the same seed picks the same list item, so the same answers in both), read back. */
async function filledReport(lang: "fr" | "en", seed: number): Promise<ValidationReport> {
  const plan = planOf(schema, { lang });
  fillByValidation(plan, seed);
  return validateSnapshot(snapshotOf(await readBack(plan), `essonne-${lang}.xlsx`));
}

/** The rollups with each sous-action's state as its meaning: the words differ, nothing else may. */
function meaning(r: Rollups): unknown {
  return JSON.parse(
    JSON.stringify({ ...r, lang: undefined }, (k, v: unknown) =>
      k === "etat" ? readStatut(v) : k === "valeur" || k === "cible" ? (readOuiNon(v) ?? v) : v,
    ),
  );
}

describe.each([1, 2])("Essonne filled by its validations, seed %i", (seed) => {
  let fr: ValidationReport;
  let en: ValidationReport;
  beforeAll(async () => {
    [fr, en] = await Promise.all([filledReport("fr", seed), filledReport("en", seed)]);
  }, 120_000);

  test("the English workbook gives no erreur, and no word of another language", () => {
    expect(en.readable).toBe(true);
    expect(en.meta?.lang).toBe("en");
    const errors = en.findings.filter((f) => f.severity === "erreur" || f.rule === "type.autre-langue");
    expect(errors.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${String(f.value)}`)).toEqual([]);
  });

  test("its answers are the French workbook's, said in English", () => {
    const statutsEn = [...en.values.entries()].filter(([k]) => k.includes("@statut:")).map(([, v]) => v);
    expect(statutsEn.length).toBeGreaterThan(20);
    expect(statutsEn.every((v) => statuts("en").includes(String(v)))).toBe(true);
    expect(Object.fromEntries(valuesIn(en.values, schema, "fr"))).toEqual(Object.fromEntries(fr.values));
  });

  test("the rollups equal the French workbook's", () => {
    const r = (x: ValidationReport) => computeRollups(x.schema!, x.meta!, x.values, { findings: x.findings });
    const [rfr, ren] = [r(fr), r(en)];
    expect(ren.figures.engagees).toBeGreaterThan(0);
    expect(meaning(ren)).toEqual(meaning(rfr));
  });
});

describe("a word of the other language in an English workbook", () => {
  const sa = schema.axes[0]!.fiches[0]!.sousActions[0]!.id;
  const booleanInd = schema.axes
    .flatMap((a) => a.fiches)
    .flatMap((f) => f.indicateurs)
    .find((i) => i.type === "boolean")!;

  test("is understood and said, but not counted, as the workbook's formulas do not count it", async () => {
    const plan = planOf(schema, { lang: "en" });
    const key = plan.meta.bindings.find((b) => b.node === sa && b.kind === "statut" && b.input)!.key;
    const answer = plan.meta.bindings.find((b) => b.node === booleanInd.id && b.kind === "valeur" && b.input)!.key;
    bindingCell(plan, key).value = "Réalisé";
    bindingCell(plan, answer).value = "Oui";
    const report = validateSnapshot(snapshotOf(await readBack(plan), "melange.xlsx"));
    const said = report.findings.filter((f) => f.rule === "type.autre-langue");
    expect(said.map((f) => [f.value, f.severity, f.expected])).toEqual(
      expect.arrayContaining([
        ["Réalisé", "avertissement", "Done"],
        ["Oui", "avertissement", "Yes"],
      ]),
    );
    expect(said[0]!.messageEn).toContain('"Done"');
    expect(report.findings.filter((f) => f.severity === "erreur" && f.cell === said[0]!.cell)).toEqual([]);
    const rollups = computeRollups(report.schema!, report.meta!, report.values);
    const row = rollups.axes[0]!.fiches[0]!.sousActions[0]!;
    expect([row.etat, row.realisee]).toEqual(["Réalisé", 0]);
  });

  test("a typed word in the workbook's own language is kept as typed; another language's is translated", () => {
    const kindOf = wordKinds(schema);
    const key = `${sa}@statut:2024`;
    expect(kindOf(key)).toBe("statut");
    expect(kindOf(`${booleanInd.id}@valeur:2024`)).toBe("ouiNon");
    expect(kindOf(`${booleanInd.id}@source:2024`)).toBeUndefined();
    expect(inLangOf(" réalisé ", "statut", "fr")).toBe(" réalisé ");
    expect(inLangOf(" réalisé ", "statut", "en")).toBe("Done");
    expect(inLangOf("In progress", "statut", "fr")).toBe("En cours");
    expect(inLangOf("NON ", "ouiNon", "en")).toBe("No");
    expect(inLangOf("peut-être", "ouiNon", "en")).toBe("peut-être");
    expect(inLangOf("Oui", undefined, "en")).toBe("Oui");
  });
});

describe("an English master with its register of returns", () => {
  test("says none of the layout's French words: its three register sheets, their states, history, findings and changes", async () => {
    const partners = fivePartners();
    const [dir, ars, , cde] = partners.partenaires.map((p) => p.id) as [string, string, string, string];
    const source = async (file: string, partner: string, value: number) => ({
      file,
      report: validateSnapshot(snapshotOf(await readBack(partnerPlan(partners, partner, value, "en")), file)),
    });
    const [dir1, ars1, dir2, cde1] = await Promise.all([
      source("direction.xlsx", dir, 7),
      // A negative count: an error, listed with its message among the findings.
      source("ars.xlsx", ars, -4),
      source("direction-v2.xlsx", dir, 9),
      source("cde.xlsx", cde, 3),
    ]);
    const first = masterPlan(consolidate([dir1, ars1]), GENERATED_AT);
    if (!first.ok) throw new Error(first.error.message);
    const wb = await readBack(first.plan);
    const returns = registerName("en");
    const rowOf = (cut: string) =>
      Object.entries(sheetNamed(wb, returns).cells)
        .find(([a, c]) => /^A\d+$/.test(a) && c.value === cut)![0]
        .slice(1);
    setCell(wb, returns, `C${rowOf(`partenaire:${dir}`)}`, "to correct");
    const read = validateSnapshot(snapshotOf(wb, "master.xlsx"));
    // A resubmission (its changes), a state typed in the sheet (in the history), a return with errors (findings).
    const c = consolidate([dir1, dir2, ars1, cde1], undefined, {
      previous: read.meta!.register!,
      saisis: read.etatsSaisis ?? [],
    });
    const second = masterPlan(c, GENERATED_AT);
    if (!second.ok) throw new Error(second.error.message);
    const plan = second.plan;
    const retour = (cut: string) => c.register!.retours.find((r) => r.cut === cut)!;
    expect(retour(`partenaire:${ars}`).constats.length).toBeGreaterThan(0);
    expect(retour(`partenaire:${dir}`).modifications.length).toBe(1);
    expect(retour(`partenaire:${dir}`).historique.map((e) => e.cause)).toContain("saisie");
    const names = retoursNames("en");
    const english = { ...plan, sheets: plan.sheets.filter((s) => names.includes(s.name)) };
    expect(english.sheets.map((s) => s.name)).toEqual(names);
    expect(Object.fromEntries(frenchWords(english, partners))).toEqual({});
    // The same search finds the register's French words in the French master.
    const french = masterPlan(consolidate([dir1, ars1], { lang: "fr" }), GENERATED_AT);
    if (!french.ok) throw new Error(french.error.message);
    const register = { ...french.plan, sheets: french.plan.sheets.filter((s) => RETOURS_SHEETS.includes(s.name)) };
    expect([...frenchWords(register, partners).keys()]).toEqual(
      expect.arrayContaining(["suivi", "retours", "attendu", "reçu", "corriger", "historique"]),
    );
  });
});
