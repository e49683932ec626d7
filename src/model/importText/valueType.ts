/**
 * An indicator's value type read from its wording: « Nombre de… » a count, « Taux / Part / % » a rate,
 * « Nombre de A / nombre de B » a ratio, « Existence / Mise en place » yes/no, « Durée moyenne / Délai » a number,
 * « Montant / Budget » an amount, « Typologie / Nature / Enquête » a text; « Évolution de… » follows its object.
 * `sure` is false when no rule fired (the type is then « text ») or when two rules disagree: the report lists it.
 */
import { fold } from "../../util/text";
import type { ValueType } from "../schema";

export interface TypeGuess {
  type: ValueType;
  sure: boolean;
  /** For a ratio: the numerator's and the denominator's wording. */
  parts?: { numerateur: string; denominateur: string };
}

const RULES: [RegExp, ValueType][] = [
  [/^(?:taux|part|pourcentage|proportion|ratio|%)\b/, "rate"],
  [/^(?:nombre|nbre?|volume|effectifs?|quantite|quantification|comptage)\b/, "count"],
  [
    /^(?:(?:duree|delai|age|temps)s?\b|(?:diminution|reduction|baisse|augmentation|hausse) (?:de la |du |des )?(?:duree|delai|temps))/,
    "number",
  ],
  [/^(?:montant|budget|cout|depenses?|financement)\b/, "amount"],
  [
    /^(?:existence|mise en (?:place|oeuvre|œuvre)|creation|realisation|elaboration|validation|signature|adoption|ouverture|deploiement|organisation|publication|redaction|lancement|installation|tenue|experimentation|formalisation|actualisation|reactualisation|mise a jour|definition|constitution|effectivite|conception|structuration|recrutement|diffusion|identification|designation|partage effectif|presence|catalogue|convention|protocole|charte|guide|outil|referentiel|formation|nomination|recensement|sondage|etude|instance|perennisation|generalisation|extension|respect|clarification)\b/,
    "boolean",
  ],
  [
    /^(?:typologie|types?|nature|qualite|satisfaction|enquete|bilan|analyse|evaluation|retours?|perception|suivi|appreciation|degre|niveau|contenu|modalites|liste|etat|description|repartition|profils?|motifs?|des |les |une? |meilleure?s?|amelioration)\b/,
    "text",
  ],
];

/** « Évolution du nombre de… », « Augmentation du taux de… »: the type of what evolves. */
const EVOLUTION =
  /^(?:evolution|augmentation|hausse|diminution|baisse|progression|reduction|maintien|stabilisation)s? (?:(du|de la|des|de l'|d'|de) ?)?(.*)$/;

/** « Nombre de PPE réalisés / nombre d'enfants suivis », « Pourcentage de PPE réalisés/nombre de… », « … par rapport au nombre de … ». */
const RATIO =
  /^(?:(?:[Pp]ourcentage|[Tt]aux|[Pp]art|[Rr]atio) (?:de |d'|des )?)?(.+?)\s*(?:\/|par rapport au|rapporté au|sur le)\s*(nombre .+)$/;
/** A measure done, said by its participle: « Nouveaux modèles … mis en œuvre », « Etude finalisée ». */
const DONE =
  /\b(?:mis(?:e|es)? en (?:place|oeuvre|œuvre)|realise(?:e|s|es)?|finalise(?:e|s|es)?|signe(?:e|s|es)?|effecti(?:f|ve|fs|ves)|elabore(?:e|s|es)?|valide(?:e|s|es)?|formalise(?:e|s|es)?)\.?$/;

function byRules(f: string): ValueType | undefined {
  for (const [re, type] of RULES) if (re.test(f)) return type;
  return undefined;
}

export function inferValueType(libelle: string): TypeGuess {
  const f = fold(libelle)
    .replace(/^(?:le|la|les|l')\s*/, "")
    .replace(/^indicateurs? (?:de |d')?/, "");
  const ratio = RATIO.exec(libelle.replace(/^(?:le|la|les)\s+/i, "").trim());
  // « Nombre de A / Nombre de B / nombre de C » lists measures: not a ratio.
  if (
    ratio &&
    !/\/\s*nombre/i.test(ratio[2]!) &&
    /^nombre|^pourcentage|^taux|^part|^ratio/i.test(fold(libelle).replace(/^(?:le|la|les) /, ""))
  )
    return {
      type: "ratio",
      sure: true,
      parts: { numerateur: cap(ratio[1]!.trim()), denominateur: cap(ratio[2]!.replace(/[.;]\s*$/, "").trim()) },
    };
  const evo = EVOLUTION.exec(f);
  if (evo && !/^(?:duree|delai|temps)/.test(evo[2]!)) {
    const inner = byRules(evo[2]!);
    if (inner === "count" || inner === "rate" || inner === "amount" || inner === "number")
      return { type: inner, sure: true };
    // « Diminution des placements… », « Évolution des ruptures »: how many, of a plural.
    if (evo[1] === "des") return { type: "count", sure: false };
    return { type: "number", sure: false };
  }
  const type = byRules(f);
  if (type) return { type, sure: true };
  if (DONE.test(f)) return { type: "boolean", sure: true };
  // « Collectif parentalité : Nombre de référents… »: a topic, then the measure.
  const colon = /^[^:]{3,80}:\s*(\S.*)$/.exec(libelle);
  if (colon) {
    const inner = inferValueType(colon[1]!);
    if (inner.sure) return inner;
  }
  if (/%|\bpourcentage\b|\btaux\b/.test(f)) return { type: "rate", sure: false };
  if (/\bnombre\b/.test(f)) return { type: "count", sure: false };
  return { type: "text", sure: false };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A line that holds several measures (« Nombre de places créées et taux d'occupation », « Mise en place de
 * l'équipe et nombre d'enfants accompagnés »): two measure words joined. Left whole, and listed in the report.
 */
export function severalMeasures(libelle: string): boolean {
  const f = fold(libelle);
  const measure = "(?:nombre|taux|part|pourcentage|duree|delai|montant|typologie)";
  return (
    new RegExp(`\\b(?:et|,|/|-)\\s+(?:le |la |les |du |des |de |d')?${measure}\\b`).test(f) && !RATIO.test(libelle)
  );
}

/** The expected direction a wording states: « Diminution des ruptures » baisse, « Augmentation du taux » hausse. */
export function sensOf(libelle: string): "hausse" | "baisse" | undefined {
  const f = fold(libelle);
  if (/^(?:diminution|baisse|reduction|recul)\b|\ben (?:diminution|baisse)\b/.test(f)) return "baisse";
  if (
    /^(?:augmentation|hausse|progression|accroissement|amelioration)\b|\ben (?:augmentation|hausse|progression)\b/.test(
      f,
    )
  )
    return "hausse";
  return undefined;
}
