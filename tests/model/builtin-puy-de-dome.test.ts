/**
 * The built-in Puy-de-Dôme model (src/model/schemas/puy-de-dome-2019-2023.json)
 * checked against its seed text, independently of the parser: every count is
 * re-extracted from the seed with regexes, and every label must be verbatim.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import model from "../../src/model/schemas/puy-de-dome-2019-2023.json";
import { parseSchema } from "../../src/model/parse";
import type { SchemaInput } from "../../src/model/schema";

const m = model as unknown as SchemaInput;
const seed = readFileSync(join(__dirname, "../fixtures/seeds/002_1cf57db32b0c75ec.txt"), "utf8").replace(
  /\r\n?/g,
  "\n",
);
const lines = seed.split("\n").map((l) => l.trim());

const stripMd = (s: string) => s.replace(/\*\*/g, "").trim();
const fiches = m.axes.flatMap((a) => a.fiches ?? []);
const ficheByNumero = new Map(fiches.map((f) => [f.numero, f]));

const AXE_HEADING = /^Objectif stratégique ([IVX]+)\s*:\s*(.+)$/;
const OO_HEADING = /^Objectif opérationnel ([IVX]+\.\d+)\s*:\s*(.+)$/;
const isHeading = (l: string) => AXE_HEADING.test(l) || OO_HEADING.test(l);
const BULLET = /^-\s+(.+)$/;

/**
 * Objectifs opérationnels III.2 and III.3 have no detailed slide: they only appear
 * on the overview slide of objectif stratégique III, as unnumbered lines
 * (title, then its example). Their numbers cannot be parsed from the seed, so
 * they are listed here; their position in the overview is checked below.
 */
const OVERVIEW_ONLY = ["III.2", "III.3"];

/** Detailed slides: numero → { titre, bullets }. */
function detailedObjectifs(): Map<string, { titre: string; bullets: string[] }> {
  const out = new Map<string, { titre: string; bullets: string[] }>();
  lines.forEach((l, i) => {
    const h = OO_HEADING.exec(l);
    if (!h) return;
    const bullets: string[] = [];
    for (let j = i + 1; j < lines.length && !isHeading(lines[j]!); j++) {
      const b = BULLET.exec(lines[j]!);
      if (b) bullets.push(b[1]!.trim());
    }
    expect(out.has(h[1]!)).toBe(false); // each objectif opérationnel is detailed once
    out.set(h[1]!, { titre: stripMd(h[2]!), bullets });
  });
  return out;
}

/** The enjeux stated under the first heading of each objectif stratégique that has some. */
function enjeuxByAxe(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  lines.forEach((l, i) => {
    const h = AXE_HEADING.exec(l);
    if (!h || out.has(h[1]!)) return;
    let j = i + 1;
    while (j < lines.length && lines[j] === "") j++;
    const single = /^Enjeu\s*:\s*(.+)$/.exec(lines[j] ?? "");
    if (single) {
      out.set(h[1]!, [single[1]!.trim()]);
    } else if (/^Enjeux\s*:\s*$/.test(lines[j] ?? "")) {
      const items: string[] = [];
      for (j++; j < lines.length && (lines[j] === "" || BULLET.test(lines[j]!)); j++) {
        const b = BULLET.exec(lines[j]!);
        if (b) items.push(b[1]!.trim());
      }
      out.set(h[1]!, items);
    }
  });
  return out;
}

describe("built-in model puy-de-dome-2019-2023 vs seed 002", () => {
  const detailed = detailedObjectifs();

  test("one axe per distinct objectif stratégique, with its title verbatim", () => {
    const titres = new Map<string, string>();
    for (const l of lines) {
      const h = AXE_HEADING.exec(l);
      if (h && !titres.has(h[1]!)) titres.set(h[1]!, stripMd(h[2]!));
    }
    expect(titres.size).toBeGreaterThan(0);
    expect(m.axes.map((a) => a.numero)).toEqual([...titres.keys()]);
    for (const a of m.axes) expect(a.titre).toBe(titres.get(a.numero));
  });

  test("enjeux of each axe are the Enjeu(x) lines of the seed", () => {
    const enjeux = enjeuxByAxe();
    expect(enjeux.size).toBe(m.axes.length);
    for (const a of m.axes) expect(a.enjeux).toEqual(enjeux.get(a.numero));
  });

  test("one fiche per objectif opérationnel (detailed ones + the two overview-only ones)", () => {
    const expected = new Set([...detailed.keys(), ...OVERVIEW_ONLY]);
    expect(fiches.length).toBe(expected.size);
    expect(new Set(fiches.map((f) => f.numero))).toEqual(expected);
    // each fiche sits in the axe of its roman numeral
    for (const a of m.axes) for (const f of a.fiches ?? []) expect(f.numero.split(".")[0]).toBe(a.numero);
  });

  test("detailed fiches: title verbatim and one sous-action per bullet, in order", () => {
    for (const [numero, d] of detailed) {
      const f = ficheByNumero.get(numero);
      expect(f).toBeDefined();
      expect(f!.titre).toBe(d.titre);
      expect(d.bullets.length).toBeGreaterThan(0);
      expect((f!.sousActions ?? []).map((s) => s.libelle)).toEqual(d.bullets);
    }
  });

  test("overview-only fiches III.2 and III.3 come from the overview slide of objectif stratégique III", () => {
    // The overview slide: the first "Objectif stratégique III" heading followed by unbulleted lines
    // (title, example, title, example…) up to the next heading.
    let overview: string[] | undefined;
    lines.forEach((l, i) => {
      const h = AXE_HEADING.exec(l);
      if (overview || !h || h[1] !== "III") return;
      const body: string[] = [];
      for (let j = i + 1; j < lines.length && !isHeading(lines[j]!); j++) if (lines[j]) body.push(lines[j]!);
      if (body.length > 0 && body.every((b) => !BULLET.test(b) && !/^Enjeux?\s*:/.test(b))) overview = body;
    });
    expect(overview).toBeDefined();
    const pairs: [string, string][] = [];
    for (let k = 0; k + 1 < overview!.length; k += 2) pairs.push([overview![k]!, overview![k + 1]!]);
    expect(overview!.length).toBe(2 * pairs.length);
    const axeIII = m.axes.find((a) => a.numero === "III")!;
    expect(pairs.length).toBe((axeIII.fiches ?? []).length);
    OVERVIEW_ONLY.forEach((numero) => {
      const idx = Number(numero.split(".")[1]) - 1;
      const f = ficheByNumero.get(numero)!;
      expect(f.titre).toBe(pairs[idx]![0]);
      expect((f.sousActions ?? []).map((s) => s.libelle)).toEqual([pairs[idx]![1]]);
    });
  });

  test("every label is verbatim in the seed", () => {
    const labels = [
      ...m.axes.flatMap((a) => [a.titre, ...(a.enjeux ?? [])]),
      ...fiches.flatMap((f) => [f.titre, ...(f.sousActions ?? []).map((s) => s.libelle)]),
    ];
    expect(labels.length).toBeGreaterThanOrEqual(5);
    for (const l of labels) expect(seed).toContain(l);
  });

  test("the seed has no indicators and no calendars: none in the model", () => {
    expect(seed).not.toMatch(/indicateur/i);
    for (const f of fiches) {
      expect(f.indicateurs ?? []).toEqual([]);
      expect(f.calendrier).toBeUndefined();
      for (const s of f.sousActions ?? []) expect(s.calendrier).toBeUndefined();
    }
  });

  test("the published budget: « Budget : 62,8 M € » and its four lines, which add up to it", () => {
    // The seed's « Budget : X M € » lines, in order: the policy's total, then its lines.
    const amounts = [...seed.matchAll(/Budget : ([\d,]+) M €/g)].map((x) =>
      Math.round(Number(x[1]!.replace(",", ".")) * 1e6),
    );
    expect(amounts).toEqual([62_800_000, 9_300_000, 10_000_000, 32_100_000, 11_400_000]);
    const budget = m.budget!;
    expect(budget.montant).toBe(amounts[0]);
    expect(budget.postes!.map((p) => p.montant)).toEqual(amounts.slice(1));
    expect(budget.postes!.reduce((s, p) => s + p.montant, 0)).toBe(62_800_000);
    // Wording kept: each part of a line's label (and its precision) is verbatim in the seed.
    expect(seed).toContain(budget.libelle!);
    for (const p of budget.postes!) {
      for (const part of p.libelle.split(/ – | : |, /)) expect(seed).toContain(part);
      if (p.precision) expect(seed).toContain(`(${p.precision})`);
    }
    const parsed = parseSchema(m);
    expect(parsed.ok && parsed.warnings.filter((w) => w.code === "check.budgetPostes")).toEqual([]);
  });
});
