/** Properties of the aggregation of an indicator's observations (over years, or over partner workbooks). */
import fc from "fast-check";
import { aggregate, type Observation } from "../../../src/engine/rollup";
import type { Agregation, Indicateur } from "../../../src/model/schema";

type Kind = Pick<Indicateur, "type" | "agregation">;
const kind = (type: Indicateur["type"], agregation: Agregation): Kind => ({ type, agregation });

const close = (a: number | string | undefined, b: number | string | undefined) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

const empty = fc.constantFrom<Observation>(
  {},
  { valeur: "" },
  { valeur: "   " },
  { numerateur: 3 },
  { denominateur: 4 },
);
const count = fc.integer({ min: 0, max: 10_000 }).map((valeur): Observation => ({ valeur }));
const rate = fc.double({ min: 0, max: 100, noNaN: true }).map((valeur): Observation => ({ valeur }));
const pair = fc
  .integer({ min: 0, max: 500 })
  .chain((den) => fc.integer({ min: 0, max: den }).map((num): Observation => ({ numerateur: num, denominateur: den })));
const answer = fc.constantFrom<Observation>(
  { valeur: "Oui" },
  { valeur: "Non" },
  { valeur: " oui " },
  { valeur: true },
);
const year = fc.integer({ min: 2022, max: 2026 }).map(String);

const numbers = (obs: Observation[]) => obs.map((o) => o.valeur).filter((v): v is number => typeof v === "number");

test("sum: the total of the values, and of the totals of any split", () => {
  fc.assert(
    fc.property(fc.array(count, { minLength: 1 }), fc.array(count, { minLength: 1 }), (a, b) => {
      const sum = kind("count", "sum");
      expect(aggregate(sum, [...a, ...b]).valeur).toBe(
        (aggregate(sum, a).valeur as number) + (aggregate(sum, b).valeur as number),
      );
      expect(aggregate(sum, a)).toEqual({ n: a.length, valeur: numbers(a).reduce((x, y) => x + y, 0) });
    }),
  );
});

test("ratio: Σ numerators / Σ denominators × 100, from the pairs where both parts are numbers", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(pair, empty), { minLength: 1 }), (obs) => {
      const pairs = obs.filter((o) => typeof o.numerateur === "number" && typeof o.denominateur === "number");
      const num = pairs.reduce((a, o) => a + (o.numerateur as number), 0);
      const den = pairs.reduce((a, o) => a + (o.denominateur as number), 0);
      const r = aggregate(kind("ratio", "ratio"), obs);
      expect(r.n).toBe(pairs.length);
      if (!pairs.length) return expect(r.valeur).toBeUndefined();
      expect([r.numerateur, r.denominateur]).toEqual([num, den]);
      if (den) expect(close(r.valeur, (num / den) * 100)).toBe(true);
      else expect(r.valeur).toBeUndefined();
    }),
  );
});

test("ratio: not the mean of the rates", () => {
  const r = aggregate(kind("ratio", "ratio"), [
    { numerateur: 1, denominateur: 2 },
    { numerateur: 90, denominateur: 100 },
  ]);
  expect(r.valeur).toBeCloseTo((91 / 102) * 100, 12);
});

test("share of Oui: in [0, 1], Oui answers over Oui/Non answers", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(answer, empty, fc.constant<Observation>({ valeur: "Peut-être" }))), (obs) => {
      const r = aggregate(kind("boolean", "share"), obs);
      const yes = obs.filter((o) => o.valeur === true || String(o.valeur).trim().toLowerCase() === "oui").length;
      const answers = obs.filter((o) => o.valeur === true || /^\s*(oui|non)\s*$/i.test(String(o.valeur))).length;
      expect(r.n).toBe(answers);
      if (!answers) return expect(r.valeur).toBeUndefined();
      expect(r.valeur).toBeGreaterThanOrEqual(0);
      expect(r.valeur).toBeLessThanOrEqual(1);
      expect(r.valeur).toBe(yes / answers);
    }),
  );
});

const AGGREGATIONS: [Indicateur["type"], Agregation, fc.Arbitrary<Observation>][] = [
  ["count", "sum", count],
  ["count", "mean", count],
  ["count", "min", count],
  ["count", "max", count],
  ["rate", "mean", rate],
  ["ratio", "ratio", pair],
  ["boolean", "share", answer],
  ["text", "count", fc.constantFrom<Observation>({ valeur: "Fait" }, { valeur: 0 })],
];

describe.each(AGGREGATIONS)("%s by %s", (type, agregation, observation) => {
  const k = kind(type, agregation);

  test("empty observations are skipped, never taken as 0", () => {
    fc.assert(
      fc.property(fc.array(observation), fc.array(empty), (obs, blanks) => {
        const mixed = [...blanks.slice(0, 2), ...obs, ...blanks.slice(2)];
        expect(aggregate(k, mixed)).toEqual(aggregate(k, obs));
      }),
    );
    expect(aggregate(k, [{}, { valeur: "" }, { valeur: " " }])).toEqual({ n: 0 });
  });

  test("the order of the observations does not matter", () => {
    fc.assert(
      fc.property(
        fc
          .array(observation, { minLength: 1 })
          .chain((obs) => fc.tuple(fc.constant(obs), fc.shuffledSubarray(obs, { minLength: obs.length }))),
        ([obs, shuffled]) => {
          const [a, b] = [aggregate(k, obs), aggregate(k, shuffled)];
          expect(a.n).toBe(b.n);
          expect(close(a.valeur, b.valeur)).toBe(true);
        },
      ),
    );
  });
});

test("mean: weighted when every observation has a weight", () => {
  const mean = kind("rate", "mean");
  expect(aggregate(mean, [{ valeur: 10 }, { valeur: 40 }]).valeur).toBe(25);
  expect(
    aggregate(mean, [
      { valeur: 10, poids: 3 },
      { valeur: 40, poids: 1 },
    ]).valeur,
  ).toBe(17.5);
  expect(aggregate(mean, [{ valeur: 10, poids: 3 }, { valeur: 40 }]).valeur).toBe(25);
});

test("last: the latest period that has a value; observations of that period combined as the type's default", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(year, fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }))), (rows) => {
      const obs = rows.map(([periode, valeur]): Observation => ({
        periode,
        ...(valeur === undefined ? {} : { valeur }),
      }));
      const withValue = obs.filter((o) => typeof o.valeur === "number");
      const r = aggregate(kind("count", "last"), obs);
      if (!withValue.length) return expect(r).toEqual({ n: 0 });
      const latest = withValue
        .map((o) => o.periode!)
        .sort()
        .pop();
      const ofLatest = withValue.filter((o) => o.periode === latest);
      expect(r).toEqual({ n: ofLatest.length, valeur: numbers(ofLatest).reduce((a, b) => a + b, 0) });
    }),
  );
  expect(
    aggregate(kind("count", "last"), [
      { periode: "2024-S2", valeur: 5 },
      { periode: "2024-S1", valeur: 9 },
    ]).valeur,
  ).toBe(5);
  expect(
    aggregate(kind("rate", "last"), [
      { periode: "2024", valeur: 20 },
      { periode: "2024", valeur: 40 },
    ]).valeur,
  ).toBe(30);
  expect(
    aggregate(kind("date", "last"), [
      { periode: "2024", valeur: "2024-03-01" },
      { periode: "2024", valeur: 45500 },
    ]).valeur,
  ).toBe("2024-07-27");
});

test("min and max of dates, whether written as days or as serial numbers", () => {
  const obs: Observation[] = [{ valeur: "2023-05-02" }, { valeur: 45000 }, { valeur: "pas une date" }];
  expect(aggregate(kind("date", "min"), obs)).toEqual({ n: 2, valeur: "2023-03-15" });
  expect(aggregate(kind("date", "max"), obs)).toEqual({ n: 2, valeur: "2023-05-02" });
});
