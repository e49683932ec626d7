/**
 * Recognisers of the headings of a plan d'actions, each a small rule over one line: the level it opens (axe,
 * objectif, fiche, sous-action), its published number in any of the usual styles (« 1. », « I.1 », « N° 5 »,
 * « FICHE ACTION N°12 », « Action 5.1. ») and its title. A table of contents entry (« … p.4-5 ») is recognised as
 * such: it gives the structure, not a place where content starts.
 */

export type Level = "axe" | "objectif" | "fiche" | "sousAction";

export interface Heading {
  level: Level;
  /** The level's name as the document writes it (« Orientation », « Objectif stratégique »). */
  label: string;
  numero?: string;
  titre: string;
  /** An entry of a table of contents (it ends with a page reference). */
  toc: boolean;
  /** Recognised by its number alone (« 4. Diversifier… »): said in the report when it is a guess. */
  numberedOnly?: boolean;
}

const SEP = String.raw`\s*(?:[:.\-–—)]\s*)*`;
const NUM = String.raw`(?:n\s*°|n[o°]\.?|num[ée]ro|#)?\s*`;
const ROMAN = "[IVXL]+";

/** A table of contents' page reference at the end of a line: « p.4 », « p. 4-5 », « 12 » after a tab or dots. */
const PAGE_REF = /(?:\s+p\.\s*\d+(?:\s*[-–]\s*\d+)?|\t\s*\d{1,3}|\s*\.{3,}\s*\d{1,3})\s*$/i;

const AXE = new RegExp(
  String.raw`^(axe|orientation|objectif\s+strat[ée]gique|priorit[ée]|ambition|volet)(?:\s+strat[ée]gique)?\s+${NUM}(\d{1,2}|${ROMAN})\b${SEP}(.*)$`,
  "iu",
);
const OBJECTIF = new RegExp(
  String.raw`^(objectifs?\s+op[ée]rationnels?|objectif\s+g[ée]n[ée]ral|sous-objectif)(?:\s+${NUM}((?:${ROMAN}|\d{1,2})(?:\.\d{1,2})*)\b)?${SEP}(.*)$`,
  "iu",
);
/** « Fiche action N°12 », « FICHE 1.2 » (numbered within its axe), « ACTION 5 » (« Action 5.1 » is a sous-action). */
const FICHE = new RegExp(
  String.raw`^(fiches?[-\s]+actions?|fiche)\s+${NUM}((?:${ROMAN}|\d{1,2})\.\d{1,2}|\d{1,3}[a-z]?)(?![.,]\d)${SEP}(.*)$|^(action)\s+${NUM}(\d{1,3}[a-z]?)(?![.,]\d)${SEP}(.*)$`,
  "iu",
);
const SOUS_ACTION = new RegExp(
  String.raw`^(action|sous-action|mesure|d[ée]clinaison)\s+${NUM}(\d{1,3}(?:\.\d{1,2})+)\.?${SEP}(.*)$`,
  "iu",
);
/** « Action : développer… » under « Fiche action N° 1 »: the fiche's title. */
const UNNUMBERED_TITLE = /^(action|intitul[ée](?: de l'action)?|titre(?: de l'action)?)\s*:\s*(\S.*)$/iu;
/** « 4. Diversifier les modes… », « IV. … », « 2) … ». */
const NUMBERED = /^(\d{1,2}|[IVX]{1,4})[.)]\s+(\p{Lu}.*)$/u;

const capitalised = (label: string) =>
  label.charAt(0).toUpperCase() + label.slice(1).toLowerCase().replace(/\s+/g, " ");

/** The title of a heading written in capitals is kept as written: a later rule may lower it. */
function parts(line: string): { text: string; toc: boolean } {
  const toc = PAGE_REF.test(line);
  return { text: toc ? line.replace(PAGE_REF, "").trim() : line.trim(), toc };
}

export function recogniseHeading(line: string): Heading | null {
  const { text, toc } = parts(line);
  let m = SOUS_ACTION.exec(text);
  if (m) return { level: "sousAction", label: capitalised(m[1]!), numero: m[2]!, titre: m[3]!.trim(), toc };
  m = AXE.exec(text);
  if (m) return { level: "axe", label: capitalised(m[1]!), numero: m[2]!.toUpperCase(), titre: m[3]!.trim(), toc };
  m = OBJECTIF.exec(text);
  if (m && (m[2] || /^\s*:/.test(text.slice(m[1]!.length)))) {
    return { level: "objectif", label: capitalised(m[1]!), numero: m[2]?.toUpperCase(), titre: m[3]!.trim(), toc };
  }
  m = FICHE.exec(text);
  if (m) {
    const [label, numero, titre] = m[1] ? [m[1], m[2]!, m[3]!] : [m[4]!, m[5]!, m[6]!];
    return { level: "fiche", label: capitalised(label), numero: numero.toUpperCase(), titre: titre.trim(), toc };
  }
  return null;
}

/** A heading known by its number only: a fiche of a document whose fiches carry no « Fiche » word. */
export function recogniseNumbered(line: string): Heading | null {
  const { text, toc } = parts(line);
  const m = NUMBERED.exec(text);
  if (!m || text.length > 300) return null;
  return { level: "fiche", label: "Fiche action", numero: m[1]!, titre: m[2]!.trim(), toc, numberedOnly: true };
}

/** « Action : développer… »: the title of the fiche just opened. */
export function recogniseTitleLine(line: string): string | null {
  const m = UNNUMBERED_TITLE.exec(line.trim());
  return m ? m[2]!.trim() : null;
}

/** A title written in capitals (« STRUCTURER UNE OFFRE… ») in sentence case, acronyms of a few letters kept. */
export function sentenceCase(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "");
  let t = title;
  if (letters.length > 12 && upper.length / letters.length > 0.8) t = title.toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
