/**
 * Clean-up of a published text before any recogniser reads it: what a PDF or Word copy leaves in the text
 * (ligatures, non-breaking spaces, curly apostrophes, soft hyphens, words cut at line ends, footnote markers,
 * page numbers, running headers and footers). Every line keeps the number it has in the source, for the report.
 */

export interface SourceLine {
  /** 1-based line number in the source text. */
  n: number;
  text: string;
}

const LIGATURES: Record<string, string> = { ﬁ: "fi", ﬂ: "fl", ﬀ: "ff", ﬃ: "ffi", ﬄ: "ffl", ﬅ: "st", ﬆ: "st" };

/** One line's characters made plain: ligatures, spaces, apostrophes, soft hyphens, footnote markers. */
export function cleanChars(line: string): string {
  return (
    line
      .normalize("NFC")
      .replace(/[ﬁﬂﬀﬃﬄﬅﬆ]/g, (c) => LIGATURES[c]!)
      .replace(/[\u00A0\u202F\u2007\u2009]/g, " ")
      .replace(/[\u00AD\u200B\uFEFF]/g, "")
      .replace(/[’‘ʼ`]/g, "'")
      // Footnote markers: superscript digits glued to a word (« santé¹ »), markdown ones (« 1^{er} » stays « 1er »).
      .replace(/(\p{L}|[.,;:)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu, "$1")
      .replace(/\^\{?([\p{L}\d]+)\}?/gu, "$1")
      // Markdown emphasis, never meaningful here (« **CALENDRIER/ », « *Cekoïa Conseil* »).
      .replace(/\*\*/g, "")
      // Runs of spaces inside a line (leading ones mark a sub-item's indentation and stay).
      .replace(/(\S) {2,}/g, "$1 ")
      .replace(/[ \t]+$/g, "")
  );
}

/** Markdown emphasis by single stars (« (*taux de jeunes…*) »), once cut words are joined back. */
export function dropEmphasis(line: string): string {
  return line.replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s),.;:])/g, "$1$2");
}

/** A page number alone on its line: « 12 », « - 12 - », « p. 12 », « 12 / 40 ». Years (four digits) are not. */
export const PAGE_NUMBER = /^\s*(?:-\s*)?(?:p(?:age|\.)\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?\s*$/i;

/**
 * A word cut at the end of a line (« accompa- » + « gnement ») is put back together when the next line starts in
 * lower case; « Nord- » + « Essonne » or « 2022- » + « 2024 » keep their hyphen.
 */
export function joinHyphenated(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = { ...lines[i]! };
    while (/\p{Ll}-$/u.test(cur.text) && !/\s-$/.test(cur.text) && i + 1 < lines.length) {
      const next = lines[i + 1]!.text.trimStart();
      const m = /^(\p{Ll}+)(.*)$/u.exec(next);
      if (!m) break;
      cur.text = cur.text.slice(0, -1) + m[1]! + m[2]!;
      i++;
    }
    out.push(cur);
  }
  return out;
}

/**
 * Running headers and footers: a short line printed again and again (at least `times`), that no recogniser claims
 * (`keep`: a heading repeated on each page of a fiche is content) and that is not a list item. A line that mostly
 * comes right under a label is a value, not a footer: « DPMIS » under « Direction pilote », fiche after fiche.
 */
export function dropRepeated(
  lines: SourceLine[],
  keep: (text: string) => boolean,
  isLabel: (text: string) => boolean,
  times = 3,
): SourceLine[] {
  const counts = new Map<string, { all: number; underLabel: number; labelStart: boolean }>();
  const texts = lines.map((l) => l.text.trim()).filter(Boolean);
  for (const k of texts) {
    if (k.length > 80 || k.includes("\t")) continue;
    const c = counts.get(k) ?? { all: 0, underLabel: 0, labelStart: false };
    c.all++;
    counts.set(k, c);
  }
  // Only lines repeated often enough are looked at more closely.
  texts.forEach((k, i) => {
    const c = counts.get(k);
    if (!c || c.all < times) return;
    const previous = texts[i - 1];
    if (previous && (isLabel(previous) || isLabel(`${previous} ${k}`))) c.underLabel++;
    // The first part of a label cut over lines (« AUTRE POLITIQUE » / « CONCERNÉE »).
    const next = texts[i + 1];
    if (next && (isLabel(`${k} ${next}`) || (texts[i + 2] && isLabel(`${k} ${next} ${texts[i + 2]}`))))
      c.labelStart = true;
  });
  return lines.filter((l) => {
    const k = l.text.trim();
    const c = counts.get(k);
    if (!k || !c || c.all < times || /^[-–•*➤→]/.test(k)) return true;
    return keep(k) || c.labelStart || c.underLabel * 2 > c.all;
  });
}

/** The text split into cleaned lines, page numbers removed, cut words joined; blank lines kept (they separate). */
export function cleanText(
  raw: string,
  keep: (text: string) => boolean,
  isLabel: (text: string) => boolean,
): SourceLine[] {
  const lines = raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((text, i) => ({ n: i + 1, text: cleanChars(text) }))
    .map((l) => (PAGE_NUMBER.test(l.text) ? { ...l, text: "" } : l));
  const joined = joinHyphenated(lines).map((l) => ({ ...l, text: dropEmphasis(l.text) }));
  return dropRepeated(joined, keep, isLabel);
}
