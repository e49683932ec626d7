/** Cross-field checks of a normalized model: what zod's per-field schemas cannot see. */
import { t } from "../i18n";
import { formatEuros } from "../util/euros";
import { issue, type ModelIssue, type PathSegment } from "./issues";
import { parsePeriode } from "./periods";
import type { Calendrier, Indicateur, Schema, Valeur } from "./schema";
import { checkRegles } from "./reglesCheck";
import { valueFits, valueType } from "./valueTypes";

export interface CheckResult {
  errors: ModelIssue[];
  warnings: ModelIssue[];
}

export function checkModel(schema: Schema, paths: Map<string, PathSegment[]>): CheckResult {
  const errors: ModelIssue[] = [];
  const warnings: ModelIssue[] = [];
  const { debut, fin } = schema.periode;
  const at = (id: string, ...rest: PathSegment[]) => [...(paths.get(id) ?? []), ...rest];

  // Every period and target would then be "outside the schéma": the root cause is said once.
  if (debut > fin) return { errors: [issue(["periode"], "check.periodOrder", { debut, fin })], warnings };
  if (!schema.axes.some((a) => a.fiches.length > 0)) errors.push(issue(["axes"], "check.noFiche"));
  checkBudget(schema, warnings);

  const checkCalendrier = (cal: Calendrier | undefined, path: PathSegment[]) => {
    if (!cal) return;
    if (cal.dureeSchema && cal.periodes.length > 0)
      errors.push(issue([...path, "dureeSchema"], "check.dureeAndPeriods"));
    // A period finer than the grid keeps its published precision and shows in the grid column that holds it.
    const checkPeriode = (p: string, where: PathSegment[]) => {
      const year = parsePeriode(p)!.year;
      if (year < debut || year > fin) errors.push(issue(where, "check.periodOutside", { value: p, debut, fin }));
    };
    cal.periodes.forEach((p, i) => checkPeriode(p, [...path, "periodes", i]));
    cal.jalons.forEach((j, i) => checkPeriode(j.periode, [...path, "jalons", i, "periode"]));
    if (cal.debut !== undefined && parsePeriode(cal.debut)!.year >= debut)
      errors.push(issue([...path, "debut"], "check.debutNotBefore", { value: cal.debut, debut }));
  };

  for (const axe of schema.axes) {
    for (const fiche of axe.fiches) {
      checkCalendrier(fiche.calendrier, at(fiche.id, "calendrier"));
      for (const sa of fiche.sousActions) {
        checkCalendrier(sa.calendrier, at(sa.id, "calendrier"));
      }
      for (const ind of fiche.indicateurs) checkIndicateur(ind, at(ind.id), schema, errors);
      checkParents(fiche.indicateurs, at, errors);
    }
  }
  checkRegles(schema, errors, warnings);
  return { errors, warnings };
}

/**
 * A sub-indicator (« dont : ») sits under its parent: after it, one level deep, with a type that can be a part of
 * it (a count of a count, an amount of an amount…). Its values are its own: rollups never add them to the parent's.
 */
function checkParents(
  indicateurs: Indicateur[],
  at: (id: string, ...rest: PathSegment[]) => PathSegment[],
  errors: ModelIssue[],
): void {
  const position = new Map(indicateurs.map((ind, i) => [ind.id, i]));
  indicateurs.forEach((ind, i) => {
    if (ind.parent === undefined || !position.has(ind.parent)) return;
    const parent = indicateurs[position.get(ind.parent)!]!;
    const where = at(ind.id, "parent");
    if (position.get(ind.parent)! >= i) errors.push(issue(where, "check.parentAfter", { parent: parent.libelle }));
    else if (parent.parent !== undefined) errors.push(issue(where, "check.parentNested", { parent: parent.libelle }));
    else if (parent.type !== ind.type)
      errors.push(
        issue(where, "check.parentType", { parent: parent.libelle, type: ind.type, parentType: parent.type }),
      );
  });
}

/** Published totals are rounded (« 9,3 M € »): lines may miss the total by this much, in euros, without a typo. */
export const BUDGET_TOLERANCE = 50_000;

/**
 * The published budget lines must add up to the published total. A warning, not an error: the model still
 * describes the document, and a document whose figures do not add up must be kept as published.
 */
function checkBudget(schema: Schema, warnings: ModelIssue[]): void {
  const budget = schema.budget;
  if (!budget?.postes.length) return;
  const somme = budget.postes.reduce((s, p) => s + p.montant, 0);
  if (Math.abs(somme - budget.montant) > BUDGET_TOLERANCE)
    warnings.push(
      issue(["budget", "postes"], "check.budgetPostes", {
        somme: formatEuros(somme),
        montant: formatEuros(budget.montant),
        ecart: formatEuros(somme - budget.montant),
      }),
    );
}

function checkIndicateur(ind: Indicateur, path: PathSegment[], schema: Schema, errors: ModelIssue[]): void {
  const { debut, fin } = schema.periode;
  const { type } = ind;
  const def = valueType(type);
  const rule = t("fr", def.regle);

  if (def.famille === "ratio") {
    const missing = [!ind.numerateur && "numerateur.libelle", !ind.denominateur && "denominateur.libelle"].filter(
      Boolean,
    );
    if (missing.length) errors.push(issue(path, "check.ratioParts", { missing: missing.join(", ") }));
  } else if (ind.numerateur || ind.denominateur) {
    errors.push(issue([...path, ind.numerateur ? "numerateur" : "denominateur"], "check.partsNotRatio", { type }));
  }

  // An answer on a scale: two levels at least, distinct, and no comma (Excel separates a list's items by commas).
  if (def.famille === "echelle") {
    const levels = ind.echelle ?? [];
    const distinct = new Set(levels.map((l) => l.toLocaleLowerCase("fr")));
    if (levels.length < 2 || distinct.size < levels.length || levels.some((l) => l.includes(",")))
      errors.push(issue([...path, "echelle"], "check.echelleLevels", { levels: levels.join(" / ") || "—" }));
  } else if (ind.echelle !== undefined) errors.push(issue([...path, "echelle"], "check.echelleNotScale", { type }));

  const allowed = def.agregations;
  if (!allowed.includes(ind.agregation)) {
    errors.push(
      issue([...path, "agregation"], "check.aggregation", {
        agregation: ind.agregation,
        type,
        allowed: allowed.join(", "),
      }),
    );
  }

  const min = ind.bornes?.min;
  const max = ind.bornes?.max;
  if (min !== undefined && max !== undefined && min > max)
    errors.push(issue([...path, "bornes"], "check.boundsOrder", { min, max }));
  const range = def.plage;
  for (const [bound, value] of [
    ["min", min],
    ["max", max],
  ] as const) {
    if (value === undefined) continue;
    const outside = (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max);
    if (outside || (def.famille !== "nombre" && def.famille !== "ratio"))
      errors.push(issue([...path, "bornes", bound], "check.boundsType", { bound, value, type, rule }));
  }

  const checkValue = (v: Valeur, where: PathSegment[]) => {
    if (!valueFits(def, v)) {
      errors.push(
        issue(where, def.famille === "texte" ? "check.textTarget" : "check.valueType", {
          value: JSON.stringify(v),
          type,
          rule,
        }),
      );
    } else if (typeof v === "number" && ((min !== undefined && v < min) || (max !== undefined && v > max))) {
      errors.push(issue(where, "check.valueBounds", { value: v, min: min ?? "–∞", max: max ?? "+∞" }));
    }
  };
  for (const [year, v] of Object.entries(ind.cibles)) {
    const y = Number(year);
    if (y < debut || y > fin) errors.push(issue([...path, "cibles", year], "check.targetYear", { year, debut, fin }));
    else checkValue(v, [...path, "cibles", year]);
  }
  if (ind.reference) {
    checkValue(ind.reference.valeur, [...path, "reference", "valeur"]);
    if (ind.reference.annee !== undefined && ind.reference.annee > fin)
      errors.push(issue([...path, "reference", "annee"], "check.referenceYear", { year: ind.reference.annee, fin }));
  }
}
