/**
 * Consolidation flags a partner whose value of the campaign is an outlier among the partners' values of the
 * same indicator (modified z-score, at least 4 partners), and merges it as it is.
 */
import { loadBuiltin } from "../../src/model/builtins";
import { consolidate, type ConsolidationSource } from "../../src/engine/consolidate";
import { validateSnapshot } from "../../src/engine/validate";
import { snapshotOf } from "../support/snapshotOf";
import { fillValid, readBack } from "../support/fill";
import { planOf, setInput } from "../support/plans";

jest.setTimeout(60_000);

const orne = loadBuiltin("orne_2017_2021");
const YEAR = orne.periode.debut + 2;
const fiche = orne.axes.flatMap((a) => a.fiches).find((f) => f.id === "fa_1")!;
const partners = [...new Set([...fiche.pilotes, ...fiche.partenaires])].slice(0, 5);
const IND = fiche.indicateurs.find((i) => i.type === "count")!;
const KEY = `${IND.id}@valeur:${YEAR}`;

async function returns(values: number[]): Promise<ConsolidationSource[]> {
  return Promise.all(
    values.map(async (v, i) => {
      const plan = fillValid(planOf(orne, { cut: { kind: "partenaire", id: partners[i]! } }), orne);
      setInput(plan, KEY, v);
      const file = `${partners[i]}.xlsx`;
      return { file, report: validateSnapshot(snapshotOf(await readBack(plan), file)) };
    }),
  );
}

/*
 * Values 10, 12, 11, 13, 60: median 12; deviations 2, 0, 1, 1, 48 → sorted 0, 1, 1, 2, 48 → MAD 1.
 * 60: M = 0.6745 × 48 = 32.38, an outlier; 10: M = −1.35, 13: M = 0.67, none.
 */
test("5 partners: the far one is named with its score, median, MAD and threshold, and merged as it is", async () => {
  const c = consolidate(await returns([10, 12, 11, 13, 60]));
  expect(c.values.get(KEY)).toBe(106);
  expect(c.outliers.map((o) => [o.node, o.value])).toEqual([[IND.id, 60]]);
  const o = c.outliers[0]!;
  expect(o.z).toBeCloseTo(32.376, 3);
  expect(o.who).toMatch(/^Partenaire /);
  expect(o.message).toBe(
    `${o.who} : « ${IND.libelle} » ${YEAR} = 60, éloigné des autres sources : score z modifié 32,38 (médiane 12, écart absolu médian 1, sur 5 sources), au-delà du seuil 3,5, à vérifier.`,
  );
});

test("3 partners: too few to judge", async () => {
  expect(consolidate(await returns([10, 12, 600])).outliers).toEqual([]);
});

test("a threshold given: 60 (score 32.38) is named beyond 30, not beyond 40; 10 (score −1.35) beyond 1", async () => {
  const sources = await returns([10, 12, 11, 13, 60]);
  expect(consolidate(sources, { zThreshold: 30 }).outliers.map((o) => o.value)).toEqual([60]);
  expect(consolidate(sources, { zThreshold: 40 }).outliers).toEqual([]);
  const low = consolidate(sources, { zThreshold: 1 }).outliers;
  expect(low.map((o) => o.value).sort((a, b) => a - b)).toEqual([10, 60]);
  expect(low.find((o) => o.value === 10)!.message).toMatch(
    /score z modifié -1,35 .* au-delà du seuil 1, à vérifier\.$/,
  );
});
