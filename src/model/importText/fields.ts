/**
 * Recognisers of a fiche's field labels (« Pilote(s) », « Partenaires associés », « CALENDRIER/ ÉCHÉANCES »,
 * « Indicateurs de réalisation »…): which part of the fiche the lines that follow fill. A label may be cut over
 * several short lines by the extraction (« AUTRES » / « POLITIQUES » / « CONCERNÉES »): `joinedLabel` tries them.
 */
import { fold } from "../../util/text";
import type { Item } from "./tables";

export type Field =
  | "diagnostic"
  | "objectifs"
  | "modalites"
  | "pilotes"
  | "partenaires"
  | "calendrier"
  | "indicateurs"
  | "moyens"
  | "budget"
  | "autresPolitiques"
  | "vigilance"
  | "principe"
  | "enjeux"
  /** A label of the document that the model does not keep (« Nom et fonction des pilotes »). */
  | "ignore";

export type Nature = "realisation" | "impact" | "resultat";

export interface FieldLabel {
  field: Field;
  /** For an indicator list: its nature when the label says it. */
  nature?: Nature;
  /** Text after the label on the same line (« Pilote : DPMIS »). */
  rest?: string;
}

/** Labels, folded (lower case, no accents), each the whole of its line but for a final colon. */
const LABELS: [RegExp, Field][] = [
  [/^(?:constats?|elements? de diagnostic|diagnostic|contexte|etat des lieux|enjeux et constats)$/, "diagnostic"],
  [
    /^(?:objectifs?(?: de l'action| de la fiche| vises| operationnels? de l'action| poursuivis)?|finalites?)$/,
    "objectifs",
  ],
  [
    /^(?:modalites(?: de mise en (?:oe|œ)uvre)?|declinaisons? operationnelles?|mise en (?:oe|œ)uvre|contenu(?: de l'action)?|descriptif(?: de l'action)?|actions?(?: a (?:mener|conduire)| prevues| envisagees)?|plan d'actions?)$/,
    "modalites",
  ],
  [
    /^(?:pilotes?|\(?pilote\(?s\)?|direction pilote|services? pilotes?|porteurs?(?: de l'action)?|pilotage|responsables?)$/,
    "pilotes",
  ],
  [
    /^(?:partenaires?(?: associes| concernes| mobilises)?|contributeurs?|acteurs? (?:associes|concernes)|partenariats?)$/,
    "partenaires",
  ],
  [
    /^(?:calendrier(?: previsionnel| de mise en (?:oe|œ)uvre| de realisation)?|calendrier ?\/ ?echeances?|echeances?|echeancier|delais?(?: de mise en (?:oe|œ)uvre)?|duree)$/,
    "calendrier",
  ],
  [
    /^(?:(?:principaux )?indicateurs?(?: d'evaluation| de suivi| de resultats?| de realisation| d'impact| de suivi et d'evaluation| d'activite)?|evaluation|criteres? d'evaluation)$/,
    "indicateurs",
  ],
  [/^(?:moyens?(?: mobilises| necessaires| humains et financiers)?|ressources)$/, "moyens"],
  [/^(?:budget|cout|financements?)(?: previsionnel)?$/, "budget"],
  [
    /^(?:autres? politiques? concernees?|articulation avec (?:les )?autres (?:politiques|schemas)|liens? avec d'autres (?:politiques|schemas))$/,
    "autresPolitiques",
  ],
  [/^(?:points? de vigilance|vigilances?|risques?)$/, "vigilance"],
  [/^principes?$/, "principe"],
  [/^enjeux?$/, "enjeux"],
  [/^(?:nom et fonction des pilotes|nature des actions(?: pratiques)?|pilotage et suivi|sommaire|notes?)$/, "ignore"],
];

/** The nature an indicator label or sub-heading gives: « de réalisation », « Impact : », « résultats ». */
export function natureOf(folded: string): Nature | undefined {
  if (/realisation/.test(folded)) return "realisation";
  if (/impact/.test(folded)) return "impact";
  if (/resultat/.test(folded)) return "resultat";
  return undefined;
}

/** A sub-heading inside an indicator list: « Réalisation : », « Indicateurs d'impact », « Résultats attendus ». */
export function recogniseNatureHeading(text: string): Nature | undefined {
  const f = fold(text).replace(/\s*:\s*$/, "");
  if (!/^(?:indicateurs? (?:de |d')?)?(?:realisation|impact|resultats?)(?: attendus?)?$/.test(f)) return undefined;
  return natureOf(f);
}

/** Lines are asked about several times (clean-up, the walk, labels cut over lines): answers are kept, a few thousand. */
const memo = new Map<string, FieldLabel | null>();

export function recogniseField(text: string): FieldLabel | null {
  const known = memo.get(text);
  if (known !== undefined) return known;
  if (memo.size > 20_000) memo.clear();
  const found = readField(text);
  memo.set(text, found);
  return found;
}

function readField(text: string): FieldLabel | null {
  const raw = text.trim();
  // « Pilote : DPMIS »: a label, a colon, the value.
  const colon = /^([^:]{3,60}?)\s*:\s*(.*)$/.exec(raw);
  const candidates: [string, string | undefined][] = [[raw.replace(/\s*:\s*$/, ""), undefined]];
  if (colon && colon[2]) candidates.push([colon[1]!, colon[2]]);
  for (const [label, rest] of candidates) {
    const f = fold(label)
      .replace(/\s*\/\s*/g, " / ")
      .replace(/ \/ /g, "/")
      .replace(/\s+/g, " ");
    for (const [re, field] of LABELS) {
      if (re.test(f) || re.test(f.replace(/\//g, " / ").replace(/\s+/g, " ")))
        return { field, nature: field === "indicateurs" ? natureOf(f) : undefined, ...(rest ? { rest } : {}) };
    }
  }
  return null;
}

/**
 * A label cut over up to three short lines: the label and how many items it takes. A single line is tried first.
 */
export function joinedLabel(items: Item[], i: number): { label: FieldLabel; taken: number } | null {
  const one = recogniseField(items[i]!.text);
  if (one) return { label: one, taken: 1 };
  let text = items[i]!.text;
  for (let k = 1; k <= 2 && i + k < items.length; k++) {
    const next = items[i + k]!;
    if (!next.text || next.text.length > 30 || text.length > 40 || next.cells) return null;
    text = `${text} ${next.text}`;
    const joined = recogniseField(text);
    if (joined && !joined.rest) return { label: joined, taken: k + 1 };
  }
  return null;
}
