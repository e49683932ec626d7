/**
 * Filling a bilan with random valid values, from a seed (the same seed fills
 * the same workbook): statuses coherent with the campaign, values within their
 * type, ratio parts with the numerator under the denominator, spaces and
 * lower case where the checks accept them, budget amounts in cents, and about
 * one cell in five left empty. Past years' cells are filled too, as a carry-over would; so are
 * targets typed in the workbook and each fiche's narrative.
 */
import { parsePeriode } from "../../src/model/periods";
import type { Schema } from "../../src/model/schema";
import { statuts } from "../../src/model/vocabulaire";
import { nodeIndex } from "../../src/model/nodes";
import type { CellPlan, Scalar, WorkbookPlan } from "../../src/engine/plan";
import { parseA1 } from "../../src/util/a1";
import { serial } from "./fill";

const STATUTS = statuts("fr");

/** mulberry32: small, fast, good enough to fill cells. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fillRandom(plan: WorkbookPlan, schema: Schema, seed: number): WorkbookPlan {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const nodes = nodeIndex(schema);
  const campaign = plan.meta.campaignYear;
  const cells = new Map<string, CellPlan>();
  for (const s of plan.sheets) for (const c of s.cells) cells.set(`${s.name}!${c.row}:${c.col}`, c);
  const bindings = new Map(plan.meta.bindings.map((b) => [b.key, b]));
  const set = (key: string, value: Scalar | undefined) => {
    const b = bindings.get(key)!;
    const { row, col } = parseA1(b.address);
    if (value !== undefined) cells.get(`${b.sheet}!${row}:${col}`)!.value = value;
  };
  const maybe = (v: () => Scalar) => (rnd() < 0.2 ? undefined : v());
  const { debut, fin } = schema.periode;

  for (const b of plan.meta.bindings) {
    if (b.formula || b.kind === "rollup" || b.kind === "denominateur" || b.kind === "engage" || b.kind === "mandate")
      continue;
    const ind = nodes.get(b.node)?.indicateur;
    if (b.kind === "statut") {
      // A period after the campaign is locked (« prévu »): nobody types in it.
      if (!b.input) continue;
      const year = parsePeriode(b.period!)!.year;
      const allowed = STATUTS.filter((s) =>
        year < campaign ? s !== "Non commencé" : year > campaign ? s !== "Réalisé" : true,
      );
      set(
        b.key,
        maybe(() => pick([(s: string) => s, (s: string) => ` ${s} `])(pick(allowed))),
      );
    } else if (b.kind === "source" || b.kind === "commentaire")
      set(
        b.key,
        maybe(() => "Rapport d'activité"),
      );
    else if (b.kind === "numerateur") {
      const den = rnd() < 0.1 ? 0 : int(150);
      const num = den ? int(den) : 0;
      set(
        b.key,
        maybe(() => num),
      );
      set(
        `${b.node}@denominateur:${b.period}`,
        maybe(() => den),
      );
    } else if (b.kind === "vote") {
      // Amounts in cents up to 999 999 999,99 €; usually paid ≤ committed ≤ voted, sometimes more (paid on earlier
      // commitments), sometimes nothing voted (0) while amounts are paid.
      const vote = pick([0, int(99_999_999_999) / 100, int(5_000_000_00) / 100]);
      const engage = Math.min(999_999_999.99, Math.round(vote * 100 * (rnd() < 0.1 ? 1.2 : rnd())) / 100);
      const mandate = rnd() < 0.1 ? int(1_000_000_00) / 100 : Math.round(engage * 100 * rnd()) / 100;
      set(
        b.key,
        maybe(() => vote),
      );
      set(
        `${b.node}@engage:${b.period}`,
        maybe(() => engage),
      );
      set(
        `${b.node}@mandate:${b.period}`,
        maybe(() => mandate),
      );
    } else if (b.kind === "realisations" || b.kind === "difficultes" || b.kind === "perspectives")
      set(
        b.key,
        maybe(() =>
          pick(["Deux sessions de formation.\nLe guide est paru.", "Recrutement en cours ; « report » au S2."]),
        ),
      );
    else if ((b.kind === "valeur" || b.kind === "cible") && ind)
      set(
        b.key,
        maybe((): Scalar => {
          // A ratio's target is the rate it aims at.
          switch (b.kind === "cible" && ind.type === "ratio" ? "rate" : ind.type) {
            case "count":
              return int(200);
            case "rate":
              return int(1000) / 10;
            case "amount":
              return int(500000) / 100;
            case "number":
              return (int(800) - 400) / 10;
            case "boolean":
              return pick(["Oui", "Non", " oui", "NON "]);
            case "date":
              return serial(`${debut + int(fin - debut)}-0${1 + int(8)}-1${int(9)}`);
            case "echelle":
              return pick(ind.echelle!);
            default:
              return pick(["Actions menées comme prévu.", "Retard dû au recrutement."]);
          }
        }),
      );
  }
  return plan;
}
