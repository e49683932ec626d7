/**
 * Properties of the rollups on random models and random values (valid or
 * not, and empty): figures add up at every level, rates come from the summed
 * figures, yes/no shares stay in [0, 1], an empty cell is never counted as
 * 0, and the order of the fiches changes nothing.
 */
import fc from "fast-check";
import { layoutWorkbook } from "../../../src/engine/layout";
import { statuts } from "../../../src/model/vocabulaire";
import { computeRollups, FIGURES, type Figures, type Rollups } from "../../../src/engine/rollup";
import type { CellValue } from "../../../src/engine/rollup";
import type { WorkbookPlan } from "../../../src/engine/plan";
import { parsePeriode } from "../../../src/model/periods";
import { parseSchemaOrThrow } from "../../../src/model/parse";
import { SENS, type SchemaInput } from "../../../src/model/schema";
import { seeded } from "../../support/fillRandom";

const STATUTS = statuts("fr");

type FicheInput = NonNullable<SchemaInput["axes"][number]["fiches"]>[number];
type IndicateurInput = NonNullable<FicheInput["indicateurs"]>[number];

const PERIODS = ["2022", "2023-S1", "2023-S2", "2024-S1", "2024-S2", "2025", "2026-S2"];
const calendrier = fc.oneof(
  fc.constant(undefined),
  fc.constant({ dureeSchema: true }),
  fc.subarray(PERIODS, { minLength: 1 }).map((periodes) => ({ periodes })),
);

const indicateur: fc.Arbitrary<IndicateurInput> = fc
  .record({
    type: fc.constantFrom("count", "rate", "ratio", "boolean", "amount", "number", "text", "date"),
    sens: fc.constantFrom(...SENS),
    obligatoire: fc.boolean(),
    cible: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  })
  .map(({ type, sens, obligatoire, cible }) => {
    const target =
      cible === undefined || type === "text"
        ? undefined
        : type === "boolean"
          ? cible > 50
          : type === "date"
            ? "2024-06-30"
            : cible;
    return {
      libelle: `Indicateur ${type}`,
      type,
      sens,
      obligatoire,
      ...(target === undefined ? {} : { cibles: { "2024": target } }),
      ...(type === "ratio" ? { numerateur: { libelle: "Numérateur" }, denominateur: { libelle: "Dénominateur" } } : {}),
    } as IndicateurInput;
  });

const fiche = fc.record({
  titre: fc.constant("Fiche"),
  objectif: fc.constantFrom(undefined, "Objectif A", "Objectif B"),
  sousActions: fc.array(
    calendrier.map((c) => ({ libelle: "Sous-action", ...(c ? { calendrier: c } : {}) })),
    { maxLength: 3 },
  ),
  indicateurs: fc.array(indicateur, { maxLength: 4 }),
});

/** 1–3 axes of 1–3 fiches, numbered across the schéma. */
const model: fc.Arbitrary<SchemaInput> = fc
  .array(fc.array(fiche, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
  .map((axes) => {
    let n = 0;
    return {
      id: "aleatoire",
      version: "1",
      titre: "Schéma aléatoire",
      departement: "Essonne",
      periode: { debut: 2022, fin: 2026 },
      granularite: "semestre",
      axes: axes.map((fiches, i) => ({
        numero: String(i + 1),
        titre: `Axe ${i + 1}`,
        objectifs: [{ titre: "Objectif A" }, { titre: "Objectif B" }],
        fiches: fiches.map((f) => ({ ...f, numero: String(++n) })),
      })),
    };
  });

/** What a partner may type, valid or not, or nothing. */
const ANSWERS: Record<string, CellValue[]> = {
  statut: [...STATUTS, " Réalisé ", "en cours", "fini", 3, "", "  "],
  valeur: [0, 1, 7.5, 42, 100, -3, "Oui", "non", "douze", "2024-06-30", "", " "],
  part: [0, 1, 5, 20, 100, "x", ""],
  texte: ["Rapport", ""],
};

/** Values for a plan's input cells, by binding key: the same key always gets the same value for a seed. */
function valuesFor(plan: WorkbookPlan, seed: number, emptyShare: number): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of plan.meta.bindings) {
    if (b.formula || b.kind === "rollup") continue;
    let h = seed;
    for (const ch of b.key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
    const rnd = seeded(h);
    if (rnd() < emptyShare) continue;
    const list =
      b.kind === "statut"
        ? ANSWERS.statut!
        : b.kind === "numerateur" || b.kind === "denominateur"
          ? ANSWERS.part!
          : b.kind === "valeur"
            ? ANSWERS.valeur!
            : ANSWERS.texte!;
    out.set(b.key, list[Math.floor(rnd() * list.length)]);
  }
  return out;
}

function rollupsOf(input: SchemaInput, seed: number, emptyShare = 0.2) {
  const schema = parseSchemaOrThrow(input, "aléatoire");
  const r = layoutWorkbook(schema, { campaignYear: 2024, generatedAt: new Date(0) });
  if (!r.ok) throw new Error(r.error.message);
  const values = valuesFor(r.plan, seed, emptyShare);
  return { schema, plan: r.plan, values, rollups: computeRollups(schema, r.plan.meta, values) };
}

const sum = (list: Figures[]) =>
  Object.fromEntries(FIGURES.map((k) => [k, list.reduce((a, f) => a + f[k], 0)])) as unknown as Figures;
const near = (a: Figures, b: Figures) => {
  for (const k of FIGURES) expect([k, a[k]]).toEqual([k, expect.closeTo(b[k], 9)]);
};
const run = { numRuns: 80 };

test("additive figures are the sums of their children's at every level", () => {
  fc.assert(
    fc.property(model, fc.integer(), (input, seed) => {
      const { rollups } = rollupsOf(input, seed);
      for (const axe of rollups.axes) {
        for (const f of axe.fiches) {
          const children: Figures[] = [
            ...f.sousActions.map((s) => ({
              engagees: s.engagee,
              realisees: s.realisee,
              enCours: s.enCours,
              retard: s.retard,
              nonRenseignees: s.nonRenseignee,
              requis: s.requis,
              saisi: s.saisi,
              ciblesAtteintes: 0,
              ciblesFixees: 0,
            })),
            ...f.indicateurs.map((i) => ({
              engagees: 0,
              realisees: 0,
              enCours: 0,
              retard: 0,
              nonRenseignees: 0,
              requis: i.requis,
              saisi: i.saisi,
              ciblesAtteintes: i.atteinte === "atteinte" ? 1 : 0,
              ciblesFixees: i.atteinte === undefined || i.atteinte === "sansCible" ? 0 : 1,
            })),
          ];
          near(f.figures, sum(children));
        }
        for (const o of axe.objectifs)
          near(o.figures, sum(axe.fiches.filter((f) => o.fiches.includes(f.id)).map((f) => f.figures)));
        near(axe.figures, sum(axe.fiches.map((f) => f.figures)));
      }
      near(rollups.figures, sum(rollups.axes.map((a) => a.figures)));
    }),
    run,
  );
});

test("rates come from the summed figures (Σ progress / Σ due, Σ filled / Σ required, Σ met / Σ set), never from averaged rates", () => {
  fc.assert(
    fc.property(model, fc.integer(), (input, seed) => {
      const { rollups } = rollupsOf(input, seed);
      const levels = [rollups, ...rollups.axes, ...rollups.axes.flatMap((a) => [...a.objectifs, ...a.fiches])];
      for (const l of levels) {
        const f = l.figures;
        expect(l.avancement).toBe(f.engagees ? (f.realisees + f.enCours / 2) / f.engagees : undefined);
        expect(l.enRetard).toBe(f.engagees ? f.retard : undefined);
        expect(l.completude).toBe(f.requis ? f.saisi / f.requis : undefined);
        expect(l.atteinte).toBe(f.ciblesFixees ? f.ciblesAtteintes / f.ciblesFixees : undefined);
        expect(l.cibles).toBe(f.ciblesFixees ? `${f.ciblesAtteintes} / ${f.ciblesFixees}` : undefined);
        expect(f.realisees + f.enCours + f.nonRenseignees).toBeLessThanOrEqual(f.engagees);
        expect(f.retard + f.nonRenseignees).toBeLessThanOrEqual(f.engagees);
        for (const rate of [l.avancement, l.completude, l.atteinte])
          if (rate !== undefined) expect(rate).toBeGreaterThanOrEqual(0);
        for (const rate of [l.avancement, l.completude, l.atteinte])
          if (rate !== undefined) expect(rate).toBeLessThanOrEqual(1);
      }
    }),
    run,
  );
});

test("a ratio over the period is Σ numerators / Σ denominators; a yes/no share stays in [0, 1]", () => {
  fc.assert(
    fc.property(model, fc.integer(), (input, seed) => {
      const { rollups, values } = rollupsOf(input, seed);
      for (const ind of rollups.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs)) {
        if (ind.type === "ratio") {
          const pairs = [2022, 2023, 2024, 2025, 2026]
            .map((y) => [values.get(`${ind.id}@numerateur:${y}`), values.get(`${ind.id}@denominateur:${y}`)])
            .filter((p): p is [number, number] => p.every((v) => typeof v === "number"));
          const num = pairs.reduce((a, p) => a + p[0], 0);
          const den = pairs.reduce((a, p) => a + p[1], 0);
          expect(ind.periode.n).toBe(pairs.length);
          expect(ind.periode.valeur).toBe(pairs.length && den ? (num / den) * 100 : undefined);
        }
        if (ind.type === "boolean" && ind.periode.valeur !== undefined) {
          expect(ind.periode.valeur).toBeGreaterThanOrEqual(0);
          expect(ind.periode.valeur).toBeLessThanOrEqual(1);
        }
      }
    }),
    run,
  );
});

test("an empty cell is never counted as 0: nothing entered gives no value, nothing met, filled, done or late", () => {
  fc.assert(
    fc.property(model, (input) => {
      const { rollups } = rollupsOf(input, 0, 1);
      const f = rollups.figures;
      expect(f).toMatchObject({ realisees: 0, enCours: 0, retard: 0, saisi: 0, ciblesAtteintes: 0 });
      expect(f.nonRenseignees).toBe(f.engagees);
      for (const ind of rollups.axes.flatMap((a) => a.fiches).flatMap((f) => f.indicateurs)) {
        expect(ind.periode).toEqual({ n: 0 });
        expect(ind.valeur).toBeUndefined();
        // A target and no value: « Non renseignée », set and not met.
        expect(ind.atteinte).toBe(
          ind.type === "text" ? undefined : ind.cible === undefined ? "sansCible" : "nonRenseignee",
        );
      }
    }),
    run,
  );
});

test("an empty cell and a 0 differ: a 0 is filled, scored and aggregated", () => {
  fc.assert(
    fc.property(model, fc.integer(), (input, seed) => {
      const { schema, plan, values, rollups } = rollupsOf(input, seed);
      const inputs = plan.meta.bindings.filter((b) => b.input && b.kind === "valeur" && !values.has(b.key));
      for (const b of inputs) values.set(b.key, 0);
      const withZeros = computeRollups(schema, plan.meta, values);
      const required = inputs.filter((b) => rollupsIndicator(rollups, b.node)?.requis);
      expect(withZeros.figures.saisi).toBe(rollups.figures.saisi + required.length);
      for (const b of inputs) {
        const before = rollupsIndicator(rollups, b.node)!;
        const after = rollupsIndicator(withZeros, b.node)!;
        if (["count", "rate", "amount", "number"].includes(after.type)) {
          expect(after.valeur).toBe(0);
          expect(after.periode.n).toBe(before.periode.n + 1);
          if (typeof after.cible === "number") expect(["atteinte", "nonAtteinte"]).toContain(after.atteinte);
        }
      }
    }),
    run,
  );
});

const rollupsIndicator = (r: Rollups, id: string) =>
  r.axes
    .flatMap((a) => a.fiches)
    .flatMap((f) => f.indicateurs)
    .find((i) => i.id === id);

test("the order of the fiches changes nothing", () => {
  fc.assert(
    fc.property(
      model.chain((input) =>
        fc.tuple(
          fc.constant(input),
          fc.tuple(...input.axes.map((a) => fc.shuffledSubarray(a.fiches!, { minLength: a.fiches!.length }))),
          fc.integer(),
        ),
      ),
      ([input, shuffled, seed]) => {
        const reordered: SchemaInput = { ...input, axes: input.axes.map((a, i) => ({ ...a, fiches: shuffled[i] })) };
        const a = rollupsOf(input, seed).rollups;
        const b = rollupsOf(reordered, seed).rollups;
        near(b.figures, a.figures);
        for (const axe of a.axes) {
          const other = b.axes.find((x) => x.id === axe.id)!;
          near(other.figures, axe.figures);
          for (const o of axe.objectifs) near(other.objectifs.find((x) => x.id === o.id)!.figures, o.figures);
          for (const f of axe.fiches) expect(other.fiches.find((x) => x.id === f.id)).toEqual(f);
        }
      },
    ),
    run,
  );
});

test("a sous-action expects a status per planned period up to the campaign, the later ones being locked", () => {
  fc.assert(
    fc.property(model, fc.integer(), (input, seed) => {
      const { plan, rollups } = rollupsOf(input, seed);
      for (const sa of rollups.axes.flatMap((a) => a.fiches).flatMap((f) => f.sousActions)) {
        const planned = plan.meta.bindings.filter((b) => b.node === sa.id && b.kind === "statut");
        const inputs = planned.filter((b) => b.input);
        expect(inputs.every((b) => parsePeriode(b.period!)!.year <= 2024)).toBe(true);
        expect(sa.requis).toBe(inputs.length);
        expect(sa.engagee).toBe(inputs.length ? 1 : 0);
        // Without a published calendar: one status, for the campaign; the earlier campaigns' are kept in sight, locked.
        if (!sa.calendrierPublie) {
          expect(inputs.map((b) => b.period)).toEqual(["2024-S1"]);
          expect(planned.filter((b) => !b.input).map((b) => b.period)).toEqual(["2022-S1", "2023-S1"]);
        } else expect(planned.filter((b) => !b.input).every((b) => parsePeriode(b.period!)!.year > 2024)).toBe(true);
        expect(sa.realisee + sa.enCours + sa.nonRenseignee).toBeLessThanOrEqual(sa.engagee);
        expect(sa.retard + sa.nonRenseignee).toBeLessThanOrEqual(sa.engagee);
      }
    }),
    run,
  );
});
