/**
 * The built-in model of the Orne schéma (2017-2021) checked against its source text.
 *
 * Everything expected here is read from the seed (tests/fixtures/seeds/000_f347ab01f42fc101.txt)
 * with regexes, independently of the transcription: orientations of the SOMMAIRE, numbered fiche
 * headings, rows of each "Calendrier prévisionnel" grid, items of each "Indicateurs" block.
 * The structure is read from the raw JSON (no parser involved).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import model from "../../src/model/schemas/orne-2017-2021.json";
import type { SchemaInput } from "../../src/model/schema";

const SEED = readFileSync(join(__dirname, "..", "fixtures", "seeds", "000_f347ab01f42fc101.txt"), "utf8");
const LINES = SEED.split(/\r?\n/);
const m = model as unknown as SchemaInput;
const fiches = m.axes.flatMap((a) => a.fiches ?? []);
const ficheByNumero = new Map(fiches.map((f) => [f.numero, f]));

/** Text without HTML tags, markdown superscripts and repeated spaces (as transcribed). */
function plain(s: string): string {
  return s
    .replace(/\^\{(\w+)\}/g, "$1")
    .replace(/<\/?i>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
const PLAIN_SEED = plain(SEED);

// ---------------------------------------------------------------- from the seed

/** "- Orientation 1** Mobiliser … **p.4**" in the SOMMAIRE. */
const ORIENTATIONS = [...SEED.matchAll(/^- Orientation (\d+)\*\*\s*(.+?)\s*\*\*p\.\d+\*\*\s*$/gm)].map((x) => ({
  numero: x[1]!,
  titre: x[2]!,
}));

/** Numbered fiche headings of the body ("1. Coordonner …"); the SOMMAIRE ones end with "**p.4-5**". */
const HEADINGS = LINES.flatMap((l, i) => {
  const x = /^(\d+)\. ([^*\t<]+)$/.exec(l);
  return x ? [{ numero: x[1]!, titre: x[2]!.trim(), line: i }] : [];
});

/** Lines of each fiche, from its heading to the next one (or to the NOTES page). */
function ficheLines(numero: string): string[] {
  const k = HEADINGS.findIndex((h) => h.numero === numero);
  const start = HEADINGS[k]!.line;
  const next = HEADINGS[k + 1]?.line ?? LINES.findIndex((l, i) => i > start && l.trim() === "NOTES");
  return LINES.slice(start, next);
}

const COLUMNS = ["2018", "2019", "2020", "2021"].flatMap((y) => [`${y}-S1`, `${y}-S2`]);

interface GridRow {
  libelle: string;
  periodes: string[];
}

/**
 * Rows of the calendar grids written as tab-separated lines: a label followed by the 8 semester
 * cells (2018 S1 … 2021 S2), "X" or empty. The same grid may be printed several times: rows are
 * keyed by label.
 */
function tabGridRows(lines: string[]): Map<string, GridRow> {
  const rows = new Map<string, GridRow>();
  for (const l of lines) {
    const f = l.split("\t");
    let j = 0;
    while (j < f.length && (f[j] === "" || f[j] === "Calendrier prévisionnel")) j++;
    const label = f[j];
    if (label === undefined || label.includes("<")) continue;
    const cells = f.slice(j + 1, j + 9);
    const rest = f.slice(j + 9);
    if (cells.length === 0 || !cells.every((c) => c === "" || c === "X") || !cells.includes("X")) continue;
    if (!rest.every((c) => c === "")) continue;
    rows.set(label, { libelle: label, periodes: COLUMNS.filter((_, k) => cells[k] === "X") });
  }
  return rows;
}

/** Rows of the same grids when printed as HTML tables (`<tr>` with a label and 8 cells). */
function htmlGridRows(lines: string[]): Map<string, GridRow> {
  const rows = new Map<string, GridRow>();
  for (const l of lines) {
    for (const tr of l.matchAll(/<tr>(.*?)<\/tr>/g)) {
      const cells = [...tr[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!.trim());
      const marks = cells.slice(-8);
      if (cells.length < 9 || !marks.every((c) => c === "" || c === "X") || !marks.includes("X")) continue;
      const label = cells[cells.length - 9]!;
      rows.set(label, { libelle: label, periodes: COLUMNS.filter((_, k) => marks[k] === "X") });
    }
  }
  return rows;
}

/**
 * Published indicator lines of a fiche: the items (→ / ➔ arrows, or a bare <p> paragraph) after
 * "Réalisation :" up to "Impact :", and after "Impact :" up to the end of the table cell or line.
 * Only the first copy of the block is read (fiche 12 prints it three times).
 */
function indicatorItems(lines: string[]): { realisation: string[]; impact: string[] } {
  const l = lines.find((x) => x.includes("Réalisation :"));
  if (!l) return { realisation: [], impact: [] };
  const afterR = l.slice(l.indexOf("Réalisation :") + "Réalisation :".length);
  const realisation = afterR.slice(0, afterR.indexOf("Impact :"));
  let impact = afterR.slice(afterR.indexOf("Impact :") + "Impact :".length);
  const end = impact.search(/<\/td>|Réalisation :/);
  if (end >= 0) impact = impact.slice(0, end);
  const split = (s: string) =>
    s
      .replace(/<p[^>]*>/g, "¶")
      .split(/[→➔¶]/)
      .map(plain)
      .filter((x) => x !== "");
  return { realisation: split(realisation), impact: split(impact) };
}

// ---------------------------------------------------------------- tests

describe("built-in model: Orne 2017-2021", () => {
  test("identity", () => {
    expect(m.id).toBe("orne_2017_2021");
    expect(m.departement).toBe("Orne");
    expect(m.periode).toEqual({ debut: 2017, fin: 2021 });
    expect(m.granularite).toBe("semestre");
    expect(SEED).toContain(m.titre);
  });

  test("one axe per orientation of the SOMMAIRE, same numbers and titles", () => {
    expect(ORIENTATIONS.length).toBeGreaterThan(0);
    expect(m.axes.length).toBe(ORIENTATIONS.length);
    expect(m.axes.map((a) => a.numero)).toEqual(ORIENTATIONS.map((o) => o.numero));
    expect(m.axes.map((a) => a.titre)).toEqual(ORIENTATIONS.map((o) => o.titre));
    for (const a of m.axes) {
      expect(a.principe).toBeDefined();
      expect(SEED).toContain(a.principe!);
    }
  });

  test("one fiche per numbered heading, numbered across the schéma, same titles", () => {
    expect(HEADINGS.length).toBeGreaterThan(0);
    expect(fiches.length).toBe(HEADINGS.length);
    expect(fiches.map((f) => f.numero)).toEqual(HEADINGS.map((h) => h.numero));
    expect(fiches.map((f) => f.titre)).toEqual(HEADINGS.map((h) => h.titre));
  });

  describe.each(HEADINGS.map((h) => h.numero))("fiche %s", (numero) => {
    const lines = ficheLines(numero);
    const fiche = ficheByNumero.get(numero)!;

    test("one sous-action per row of the Calendrier prévisionnel, same labels and marked semesters", () => {
      const rows = [...tabGridRows(lines).values()];
      expect(rows.length).toBeGreaterThan(0);
      const sousActions = fiche.sousActions ?? [];
      expect(sousActions.length).toBe(rows.length);
      expect(sousActions.map((s) => ({ libelle: s.libelle, periodes: s.calendrier?.periodes ?? [] }))).toEqual(rows);
    });

    test("HTML copies of the grid agree with the tab-separated one", () => {
      const tab = tabGridRows(lines);
      const html = htmlGridRows(lines);
      if (lines.some((l) => l.includes("<td>X</td>"))) expect(html.size).toBeGreaterThan(0);
      for (const [label, row] of html) expect(tab.get(label)).toEqual(row);
    });

    test("indicators: one published line per Réalisation / Impact item", () => {
      const items = indicatorItems(lines);
      const indicateurs = fiche.indicateurs ?? [];
      expect(items.realisation.length).toBeGreaterThan(0);
      for (const nature of ["realisation", "impact"] as const) {
        const published = new Set(
          indicateurs.filter((i) => i.nature === nature).map((i) => i.formulationPubliee ?? i.libelle),
        );
        expect(published.size).toBe(items[nature].length);
        expect([...published]).toEqual(items[nature]);
      }
    });

    test("pilotes and partenaires reference partenaires of the schéma", () => {
      const noms = new Set((m.partenaires ?? []).map((p) => p.nom));
      for (const p of [...(fiche.pilotes ?? []), ...(fiche.partenaires ?? [])]) expect(noms).toContain(p);
      expect(fiche.pilotes?.length ?? 0).toBeGreaterThan(0);
    });
  });

  test("texts are transcribed verbatim", () => {
    const texts: string[] = [];
    for (const a of m.axes) {
      texts.push(a.titre, a.principe ?? "");
      for (const f of a.fiches ?? []) {
        texts.push(
          f.titre,
          ...(f.diagnostic ?? []),
          ...(f.objectifs ?? []),
          ...(f.modalites ?? []),
          ...(f.vigilance ?? []),
        );
        for (const s of f.sousActions ?? []) texts.push(s.libelle);
        for (const i of f.indicateurs ?? []) {
          // a split line keeps the published wording in formulationPubliee
          texts.push(i.formulationPubliee ?? i.libelle);
          // a numerator counts: « Pourcentage de PPE réalisés/… » has « Nombre de PPE réalisés » on top
          if (i.numerateur)
            texts.push(
              i.numerateur.libelle.replace(
                /^Nombre de (?=.+)/,
                i.libelle.startsWith("Pourcentage de ") ? "Pourcentage de " : "Nombre de ",
              ),
            );
          if (i.denominateur) texts.push(i.denominateur.libelle);
        }
      }
    }
    const missing = texts.filter((t) => t !== "" && !PLAIN_SEED.includes(t));
    expect(missing).toEqual([]);
  });

  test("sample of titles and labels present in the model and verbatim in the seed", () => {
    const sample = [
      "Coordonner les actions des partenaires pour partager des objectifs et modalités de fonctionnement communs",
      "Adapter l'offre de service actuelle",
      "Organisation colloque annuel",
      "Développer un lieu de vie de 3 places : LV La Sauvagère",
      "Partage des outils d'évaluation – référentiel-écrits",
      "Nombre de bilans médicaux réalisés / nombre d'enfants confiés.",
      "Diminution du nombre de jeunes en échec à leur majorité.",
    ];
    const all = JSON.stringify(model);
    for (const s of sample) {
      expect(SEED).toContain(s);
      expect(all).toContain(JSON.stringify(s).slice(1, -1));
    }
  });
});
