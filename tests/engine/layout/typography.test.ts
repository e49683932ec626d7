/**
 * French typography of the workbook: the helpers (spaces, numbers, plurals of counts and of level names), then
 * the texts the layout writes for the four built-ins — no plain space before « : ; ? ! % » or inside « », the
 * level names of each schéma in its headings, no « Non précisé » as a département.
 */
import { BUILTIN_IDS, loadBuiltin } from "../../../src/model/builtins";
import { compte, euros, NBSP, nombre, pluraliser, pourcent, typo } from "../../../src/util/typography";
import { planOf } from "../../support/plans";
import { buildTableSheet } from "../../../src/engine/layout/tableSheet";

describe("typography helpers", () => {
  it("puts a non-breaking space before high punctuation and inside guillemets, once", () => {
    expect(typo("Objectif : agir ; vite ! Pourquoi ? 12 %")).toBe(
      `Objectif${NBSP}: agir${NBSP}; vite${NBSP}! Pourquoi${NBSP}? 12${NBSP}%`,
    );
    expect(typo("«prévu» et « durée »")).toBe(`«${NBSP}prévu${NBSP}» et «${NBSP}durée${NBSP}»`);
    expect(typo("12,5%")).toBe(`12,5${NBSP}%`);
    expect(typo(typo("Cible : « 12 % »"))).toBe(typo("Cible : « 12 % »"));
    // No space where none was: addresses and times stay whole.
    expect(typo("https://exemple.fr à 12:30")).toBe("https://exemple.fr à 12:30");
  });

  it("writes numbers the French way, with one kind of space", () => {
    expect(nombre(1200000)).toBe(`1${NBSP}200${NBSP}000`);
    expect(nombre(92.8)).toBe("92,8");
    expect(pourcent(92.8)).toBe(`92,8${NBSP}%`);
    expect(pourcent(5, 0)).toBe(`5${NBSP}%`);
    expect(euros(1200000)).toBe(`1${NBSP}200${NBSP}000,00${NBSP}€`);
    expect(euros(-3.5)).toBe(`-3,50${NBSP}€`);
  });

  it("counts with the plural from 2 on", () => {
    expect(compte(0, "axe")).toBe(`0${NBSP}axe`);
    expect(compte(1, "axe")).toBe(`1${NBSP}axe`);
    expect(compte(2, "axe")).toBe(`2${NBSP}axes`);
    expect(compte(3, "objectif stratégique")).toBe(`3${NBSP}objectifs stratégiques`);
  });

  it.each([
    ["Axe", "Axes"],
    ["Orientation", "Orientations"],
    ["Modalité de mise en œuvre", "Modalités de mise en œuvre"],
    ["Déclinaison opérationnelle", "Déclinaisons opérationnelles"],
    ["Sous-action", "Sous-actions"],
    ["Objectif stratégique", "Objectifs stratégiques"],
    ["Objectif opérationnel", "Objectifs opérationnels"],
    ["Fiche action", "Fiches actions"],
    ["Axe principal", "Axes principaux"],
    ["Niveau", "Niveaux"],
    ["Contributeurs", "Contributeurs"],
    ["Action d'accompagnement", "Actions d'accompagnement"],
  ])("« %s » → « %s »", (singulier, pluriel) => expect(pluraliser(singulier)).toBe(pluriel));
});

describe.each(BUILTIN_IDS)("texts of the %s workbook", (id) => {
  const schema = loadBuiltin(id);
  const plan = planOf(schema);
  const shown = plan.sheets.filter((s) => s.visibility === "visible");
  const texts = shown.flatMap((s) =>
    s.cells.filter((c) => typeof c.value === "string" && c.style !== "meta" && !c.formula).map((c) => String(c.value)),
  );
  const prompts = shown.flatMap((s) =>
    s.validations.flatMap((v) => [v.prompt.title, v.prompt.message, v.error.title, v.error.message]),
  );

  it("has no plain space before « : ; ? ! % » nor inside « »", () => {
    expect(texts.length).toBeGreaterThan(50);
    const bad = [...texts, ...prompts].filter((t) => / [:;?!%»]|« /.test(t));
    expect(bad).toEqual([]);
  });

  it("writes no decimal point in a French text", () => {
    expect([...texts, ...prompts].filter((t) => /\d\.\d+\s?[%€]/.test(t))).toEqual([]);
  });

  it("names its levels with the schéma's words, singular and plural", () => {
    const sommaire = plan.sheets.find((s) => s.kind === "sommaire")!;
    const headers = sommaire.cells.filter((c) => c.style === "tableHeader").map((c) => String(c.value ?? ""));
    expect(headers).toEqual(expect.arrayContaining([schema.niveaux.axe, pluraliser(schema.niveaux.fiche)]));
    expect(headers).toContain(pluraliser(schema.niveaux.sousAction));
    if (schema.niveaux.axe !== "Axe") expect(headers).not.toContain("Axe");
    if (schema.niveaux.sousAction !== "Sous-action") expect(headers.join("\n")).not.toMatch(/Sous-actions/);
    expect(headers).toContain(`${pluraliser(schema.niveaux.sousAction)} en retard`);
    const calendrier = texts.filter((t) => t.startsWith("Calendrier —"));
    if (schema.axes.some((a) => a.fiches.some((f) => f.sousActions.length)))
      expect(calendrier[0]).toBe(`Calendrier — ${pluraliser(schema.niveaux.sousAction).toLowerCase()}`);
    expect(texts.join("\n")).not.toMatch(/mise en œuvres|déclinaison opérationnelles/i);
  });

  it("names no « Non précisé » département and tells how to fill only what the workbook holds", () => {
    expect(texts.filter((t) => /non précisé/i.test(t) && t.includes(" · "))).toEqual([]);
    const indicateurs = schema.axes.some((a) => a.fiches.some((f) => f.indicateurs.length));
    const help = texts.filter((t) => /^\d+\. /.test(t));
    expect(help.some((t) => t.startsWith("3. Indicateurs"))).toBe(indicateurs);
    expect(help[0]).toContain(`Chaque ${schema.niveaux.axe.toLowerCase()} a sa feuille`);
  });
});

describe("values people typed", () => {
  it("are written as they are in a table sheet, its own texts typographic", () => {
    const sheet = buildTableSheet({
      name: "Non repris",
      title: "Valeurs non reprises : liste",
      note: "Note",
      columns: [["Valeur", 20]],
      rows: [["Fait : oui ; « ok »"]],
    }).plan;
    const values = sheet.cells.map((c) => c.value);
    expect(values).toContain("Fait : oui ; « ok »");
    expect(values).toContain(`Valeurs non reprises${NBSP}: liste`);
  });
});
