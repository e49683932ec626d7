/**
 * The built-in model of "fiche action n°5" (src/model/schemas/fiche-action-5-2022-2026.json)
 * checked against its seed text, independently of the parser: every count is
 * re-extracted from the seed with regexes, and every label must be verbatim.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import model from "../../src/model/schemas/fiche-action-5-2022-2026.json";
import type { SchemaInput } from "../../src/model/schema";

const m = model as unknown as SchemaInput;
const seed = readFileSync(join(__dirname, "../fixtures/seeds/004_0b9c7487d1540e19.txt"), "utf8").replace(
  /\r\n?/g,
  "\n",
);
const lines = seed.split("\n").map((l) => l.trim());

const stripMd = (s: string) => s.replace(/\*\*|\*/g, "").trim();
const BULLET = /^-\s+(.+)$/;
const SECTION = /^[A-ZÀ-ÖØ-ÞŒ' ]{6,}$/; // all-capitals section headings (OBJECTIFS, PILOTES…)
const ACTION = /^Action (5\.\d)\.$/;

const fiches = m.axes.flatMap((a) => a.fiches ?? []);
const fiche = fiches[0]!;
const sousActions = fiche.sousActions ?? [];
const sousActionByNumero = new Map(sousActions.map((s) => [s.numero, s]));

/** Bullets (markdown stripped) of the section whose heading matches `heading`, up to the next section heading. */
function sectionBullets(heading: RegExp): string[] {
  const start = lines.findIndex((l) => heading.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (let j = start + 1; j < lines.length && !SECTION.test(lines[j]!); j++) {
    const b = BULLET.exec(lines[j]!);
    if (b) out.push(stripMd(b[1]!));
  }
  return out;
}

/** "Action 5.1. & 5.2. rest" → [["5.1", "5.2"], "rest"]. */
function splitActionLine(line: string): [string[], string] {
  const r = /^Action ((?:5\.\d\.\s*(?:&\s*)?)+)(.+)$/.exec(line);
  expect(r).not.toBeNull();
  return [[...r![1]!.matchAll(/5\.\d/g)].map((x) => x[0]), r![2]!.trim()];
}

describe("built-in model fiche-action-5-2022-2026 vs seed 004", () => {
  test("one axe and one fiche n°5 whose title is the capitalised heading", () => {
    expect(m.axes.length).toBe(1);
    expect(fiches.length).toBe(1);
    const num = /^ACTION (\d+)$/m.exec(seed);
    expect(fiche.numero).toBe(num![1]);
    const i = lines.findIndex((l) => /^ACTION \d+$/.test(l));
    const heading = lines.slice(i + 1).find((l) => l !== "")!;
    // the heading is in capitals in the seed; the model writes it in sentence case
    expect(fiche.titre.toLocaleUpperCase("fr")).toBe(heading);
    expect(fiche.titre[0]).toBe(heading[0]);
    expect(fiche.titre.slice(1)).toBe(fiche.titre.slice(1).toLocaleLowerCase("fr"));
  });

  test("objectifs are the OBJECTIFS bullets", () => {
    const objectifs = sectionBullets(/^OBJECTIFS$/);
    expect(objectifs.length).toBeGreaterThan(0);
    expect(fiche.objectifs).toEqual(objectifs);
  });

  test("one sous-action per 'Action 5.x.', libelle = next line, details = its bullets", () => {
    const found: { numero: string; libelle: string; bullets: string[] }[] = [];
    lines.forEach((l, i) => {
      const a = ACTION.exec(l);
      if (!a) return;
      let j = i + 1;
      while (lines[j] === "") j++;
      const libelle = lines[j]!;
      const bullets: string[] = [];
      for (j++; j < lines.length && !ACTION.test(lines[j]!) && !SECTION.test(lines[j]!); j++) {
        const b = BULLET.exec(lines[j]!);
        if (b) bullets.push(b[1]!.trim());
      }
      found.push({ numero: a[1]!, libelle, bullets });
    });
    expect(new Set(found.map((f) => f.numero)).size).toBe(found.length);
    expect(sousActions.length).toBe(found.length);
    expect(sousActions.map((s) => s.numero)).toEqual(found.map((f) => f.numero));
    for (const f of found) {
      const s = sousActionByNumero.get(f.numero)!;
      expect(s.libelle).toBe(f.libelle);
      expect(f.bullets.length).toBeGreaterThan(0);
      expect(s.details).toEqual(f.bullets);
    }
  });

  test("pilotes per sous-action from PILOTES, fiche pilotes = their union, all declared partenaires", () => {
    const expected = new Map<string, string[]>();
    for (const line of sectionBullets(/^PILOTES$/)) {
      const [numeros, rest] = splitActionLine(line);
      const noms = rest.split(" / ").map((n) => n.trim());
      for (const n of numeros) (expect(expected.has(n)).toBe(false), expected.set(n, noms));
    }
    expect(expected.size).toBe(sousActions.length);
    for (const [n, noms] of expected) expect(sousActionByNumero.get(n)!.pilotes).toEqual(noms);
    const union = [...new Set([...expected.values()].flat())];
    expect(new Set(fiche.pilotes)).toEqual(new Set(union));
    expect(fiche.pilotes!.length).toBe(union.length);
    expect(new Set((m.partenaires ?? []).map((p) => p.nom))).toEqual(new Set(union));
  });

  test("calendrier per sous-action from CALENDRIER DE MISE EN ŒUVRE", () => {
    const { debut, fin } = m.periode;
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => String(a + k));
    const lignes = sectionBullets(/^CALENDRIER DE MISE EN ŒUVRE$/);
    expect(lignes.length).toBe(sousActions.length);
    for (const line of lignes) {
      const [numeros, texte] = splitActionLine(line);
      for (const n of numeros) {
        const cal = sousActionByNumero.get(n)!.calendrier!;
        expect(cal.texte).toBe(texte);
        const span = /(\d{4})-(\d{4})/.exec(texte);
        const from = /partir de (\d{4})/.exec(texte);
        if (/Durée de mise en œuvre du schéma/.test(texte)) {
          expect(cal.dureeSchema).toBe(true);
          expect(cal.periodes ?? []).toEqual([]);
        } else if (span) {
          expect(cal.periodes).toEqual(range(Number(span[1]), Number(span[2])));
        } else if (from) {
          expect(cal.periodes).toEqual(range(Number(from[1]), fin));
        } else {
          throw new Error(`unexpected calendar wording: ${texte}`);
        }
        for (const p of cal.periodes ?? []) expect(Number(p)).toBeGreaterThanOrEqual(debut);
        expect(cal.jalons ?? []).toEqual([]);
      }
    }
  });

  test("indicators: each published line (== lines ignored) is covered, split lines keep their formulation", () => {
    const published = sectionBullets(/^PRINCIPAUX INDICATEURS D'ÉVALUATION$/).filter((l) => l !== "==");
    expect(published.length).toBeGreaterThan(0);
    const indicateurs = fiche.indicateurs ?? [];
    const formulations = new Set(indicateurs.map((i) => i.formulationPubliee ?? i.libelle));
    expect(formulations.size).toBe(published.length);
    expect(formulations).toEqual(new Set(published));
    for (const i of indicateurs) expect(i.nature).toBe("resultat");
    // split lines: several measures per formulation, each with its own libelle
    for (const f of formulations) {
      const parts = indicateurs.filter((i) => (i.formulationPubliee ?? i.libelle) === f);
      expect(new Set(parts.map((p) => p.libelle)).size).toBe(parts.length);
      if (parts.length > 1) for (const p of parts) expect(p.formulationPubliee).toBe(f);
    }
    // the "taux de jeunes avec A / B / C / D" line gives one rate per listed item
    const situation = published.find((l) => /^Situation des jeunes/.test(l))!;
    const items = /\(taux de jeunes (.+)\)$/.exec(situation)![1]!.split(" / ");
    const rates = indicateurs.filter((i) => i.formulationPubliee === situation);
    expect(rates.length).toBe(items.length);
    for (const r of rates) expect(r.type).toBe("rate");
    items.forEach((it, k) => expect(rates[k]!.libelle).toContain(it));
  });

  test("a sample of labels appear verbatim in the seed", () => {
    const indicateurs = fiche.indicateurs ?? [];
    const unsplit = indicateurs.filter((i) => i.formulationPubliee === undefined).map((i) => i.libelle);
    const sample = [
      ...unsplit,
      ...indicateurs.flatMap((i) => (i.formulationPubliee ? [i.formulationPubliee] : [])),
      ...sousActions.flatMap((s) => [s.libelle, ...(s.details ?? [])]),
      ...(fiche.objectifs ?? []),
    ];
    expect(sample.length).toBeGreaterThanOrEqual(5);
    const flat = stripMd(seed);
    for (const l of sample) expect(flat).toContain(l);
    // at least 5 indicator labels are themselves published wording (unsplit lines verbatim,
    // split measures cut out of their line, up to the capital of the first letter)
    const lower = flat.toLocaleLowerCase("fr");
    const verbatimIndicators = indicateurs.filter((i) => lower.includes(i.libelle.toLocaleLowerCase("fr")));
    expect(verbatimIndicators.length).toBeGreaterThanOrEqual(5);
  });
});
