/**
 * French typography of the texts the workbook shows: a non-breaking space (U+00A0, the same everywhere) before
 * « : ; ? ! % » and inside « », numbers written the French way (Intl, fr-FR), counted nouns with their plural,
 * and the plural of a schéma's level names (« Modalités de mise en œuvre », not « Modalité de mise en œuvres »).
 * One module, so that every text of the layout follows the same rules.
 */

/** The space of French typography before a high punctuation mark and inside guillemets. */
export const NBSP = "\u00A0";

/** The marks typo works around: a text without any is left as it is. */
const TYPO_MARKS = /[:;?!%«»]/;

/**
 * The text with its spaces made typographic: a space (or none, after a word) before « : ; ? ! » becomes a
 * non-breaking one only when a space was there — « https://… », « 12:30 » and « ?! » are left alone — and so
 * does the space before « % » and inside « ». Idempotent.
 */
export function typo(text: string): string {
  // Most texts hold none of these marks: nothing to replace (the layout sets every text it shows).
  if (!TYPO_MARKS.test(text)) return text;
  return text
    .replace(/[ \u202F\u00A0]+([:;?!%])/g, `${NBSP}$1`)
    .replace(/(\d)%/g, `$1${NBSP}%`)
    .replace(/«[ \u202F\u00A0]*/g, `«${NBSP}`)
    .replace(/[ \u202F\u00A0]*»/g, `${NBSP}»`);
}

const groupSpaces = (s: string) => s.replace(/[\u202F\u00A0 ]/g, NBSP);

const formatters = new Map<string, Intl.NumberFormat>();

/** A number the French way: « 1 200 000 », « 92,8 »; at most `decimals` decimals, `exact` to always show them. */
export function nombre(n: number, decimals = 2, exact = false): string {
  // A formatter costs far more to make than to use: the layout writes thousands of numbers with a handful of them.
  const id = `${decimals}:${exact}`;
  let f = formatters.get(id);
  if (!f)
    formatters.set(
      id,
      (f = new Intl.NumberFormat("fr-FR", {
        minimumFractionDigits: exact ? decimals : 0,
        maximumFractionDigits: decimals,
      })),
    );
  // Intl writes U+202F between thousands in fr-FR: one kind of space in the workbook's texts.
  return groupSpaces(f.format(n));
}

/** A percentage of 0–100 the French way: « 92,8 % ». */
export const pourcent = (n: number, decimals = 1): string => `${nombre(n, decimals)}${NBSP}%`;

/** An amount in euros: « 1 200 000,00 € », cents always shown. */
export const euros = (n: number): string => `${nombre(n, 2, true)}${NBSP}€`;

/** A count and its noun: « 1 axe », « 0 axe », « 2 axes » (French takes the singular below 2). */
export function compte(n: number, singulier: string, pluriel = pluraliser(singulier)): string {
  return `${nombre(n, 0)}${NBSP}${Math.abs(n) >= 2 ? pluriel : singulier}`;
}

/** Words after which a level name's complement starts (« de mise en œuvre »): they and what follows stay as they are. */
const COMPLEMENT = new Set(["de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "pour", "par", "sur", "avec", "et"]);
/** Words of several letters that take no plural mark or an irregular one. */
const IRREGULIERS: Record<string, string> = { œil: "yeux", ciel: "cieux", bail: "baux", travail: "travaux" };
const INVARIABLES_EN_AL = new Set(["bal", "carnaval", "chacal", "festival", "récital", "régal", "final", "natal"]);
const EN_X = new Set(["bijou", "caillou", "chou", "genou", "hibou", "joujou", "pou"]);
/** First parts of a compound that stay singular: « sous-actions », « non-recours ». */
const PREFIXES = new Set(["sous", "non", "demi", "mi", "semi", "quasi", "avant", "arrière", "contre", "anti", "co"]);

function motAuPluriel(mot: string): string {
  if (mot.includes("-")) {
    const parts = mot.split("-");
    return parts.map((p, i) => (i === 0 && PREFIXES.has(p.toLowerCase()) ? p : motAuPluriel(p))).join("-");
  }
  const lower = mot.toLowerCase();
  if (!/\p{L}/u.test(mot) || mot.length < 2) return mot;
  if (IRREGULIERS[lower]) return keepCase(mot, IRREGULIERS[lower]);
  if (/[sxz]$/i.test(mot)) return mot;
  if (/al$/i.test(mot) && !INVARIABLES_EN_AL.has(lower)) return `${mot.slice(0, -2)}aux`;
  if (/(eau|au|eu)$/i.test(mot) && !["bleu", "pneu", "landau", "sarrau"].includes(lower)) return `${mot}x`;
  if (EN_X.has(lower)) return `${mot}x`;
  return `${mot}s`;
}

const keepCase = (model: string, word: string) =>
  model[0] === model[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;

/**
 * The plural of a level name, word by word up to its complement: « Axe » → « Axes », « Modalité de mise en
 * œuvre » → « Modalités de mise en œuvre », « Déclinaison opérationnelle » → « Déclinaisons opérationnelles »,
 * « Sous-action » → « Sous-actions », « Objectif stratégique » → « Objectifs stratégiques ».
 */
export function pluraliser(libelle: string): string {
  const words = libelle.split(" ");
  let complement = false;
  return words
    .map((w) => {
      if (complement || COMPLEMENT.has(w.toLowerCase()) || /^d['’]/i.test(w)) {
        complement = true;
        return w;
      }
      return motAuPluriel(w);
    })
    .join(" ");
}
