/**
 * A workbook's snapshot read straight from its XML: for each sheet, its name,
 * state and protection, and each cell's value and formula — all that
 * validation, rollups and consolidation read. exceljs builds the whole
 * document (styles, every cell object, validations) and costs several times
 * more than this on a large workbook; readWorkbook.ts keeps it for reading
 * everything back in tests, and tests/hosts/xlsx/valueReader.test.ts keeps the
 * two readers in agreement.
 *
 * The XML is parsed by saxes (the parser exceljs itself uses), as a stream of
 * events, element prefixes ignored. Values are read as exceljs gives them:
 * shared strings and inline rich text joined (phonetic runs left out),
 * numbers under a date format as `YYYY-MM-DD`, errors as their text, shared
 * formulas written out for each cell (exceljs's own `slideFormula`), and the
 * cells a merge covers beyond its first left empty.
 */
import type { SaxesTagPlain } from "saxes";
import type { SheetSnapshot, SnapCell, SnapValue } from "../../engine/snapshot";
import { a1, colNumber } from "../../util/a1";
import { localName, partText, saxParser, workbookSheets, xmlTrue, type Parts } from "./parts";

// exceljs's own translation of a shared formula, so that both readers agree.
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula(formula: string, from: string, to: string): string;
};

const REL_WORKSHEET = /\/relationships\/worksheet$/i;

/** The sheets of a workbook whose parts the guard kept, in tab order (chart and dialog sheets left out). */
export function readSheets(parts: Parts, { sheets, date1904 } = workbookSheets(parts)): SheetSnapshot[] {
  const strings = sharedStrings(parts);
  const dates = dateStyles(parts);
  const out: SheetSnapshot[] = [];
  for (const s of sheets) {
    if (!s.path || !REL_WORKSHEET.test(s.type ?? "")) continue;
    const xml = partText(parts, s.path);
    if (xml === undefined) throw new Error(`${s.path} : partie absente`);
    const read = readWorksheet(xml, s.path, { strings, dates, date1904 });
    out.push({ name: s.name, visible: s.state === "visible", protected: read.protected, cells: read.cells });
  }
  return out;
}

interface Context {
  strings: string[];
  /** Style indexes (`s`) whose number format shows a date. */
  dates: Set<number>;
  date1904: boolean;
}

/** One worksheet's cells, in the order of the file (rows, then columns). */
function readWorksheet(xml: string, path: string, ctx: Context): { cells: Map<string, SnapCell>; protected: boolean } {
  const cells = new Map<string, SnapCell>();
  const merges: string[] = [];
  /** A shared formula's master, by its `si`. */
  const shared = new Map<string, { formula: string; address: string }>();
  let isProtected = false;

  let row = 0;
  let col = 0;
  // The cell being read.
  let address = "";
  let type = "";
  let style = -1;
  let value: string | undefined;
  let formula: string | undefined;
  let formulaShare: { si: string; master: boolean } | undefined;
  let inline: string | undefined;
  /** Where text goes: `<v>`, `<f>`, an inline string's `<t>`, or nowhere. */
  let into: "v" | "f" | "t" | undefined;
  let phonetic = false;

  const parser = saxParser(path);
  parser.on("opentag", (tag: SaxesTagPlain) => {
    switch (localName(tag.name)) {
      case "row": {
        const r = Number(tag.attributes.r);
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
        return;
      }
      case "c": {
        const r = tag.attributes.r;
        const at = r ? /^\$?([A-Za-z]{1,3})\$?([1-9]\d*)$/.exec(r) : null;
        if (at) {
          col = colNumber(at[1]!);
          address = r === `${at[1]}${at[2]}` && at[1] === at[1]!.toUpperCase() ? r : a1(Number(at[2]), col);
        } else address = a1(row, ++col);
        type = tag.attributes.t ?? "n";
        style = tag.attributes.s === undefined ? -1 : Number(tag.attributes.s);
        value = formula = inline = formulaShare = undefined;
        return;
      }
      case "v":
        into = "v";
        return;
      case "f":
        into = "f";
        if (tag.attributes.t === "shared" && tag.attributes.si !== undefined)
          formulaShare = { si: tag.attributes.si, master: tag.attributes.ref !== undefined };
        return;
      case "is":
        inline = "";
        return;
      case "rPh":
        phonetic = true;
        return;
      case "t":
        if (inline !== undefined && !phonetic) into = "t";
        return;
      case "sheetProtection":
        isProtected = xmlTrue(tag.attributes.sheet);
        return;
      case "mergeCell":
        if (tag.attributes.ref) merges.push(tag.attributes.ref);
        return;
    }
  });
  const onText = (text: string) => {
    if (into === "v") value = (value ?? "") + text;
    else if (into === "f") formula = (formula ?? "") + text;
    else if (into === "t") inline += text;
  };
  // A CDATA section is text too (exceljs drops it).
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    switch (localName(tag.name)) {
      case "v":
      case "f":
      case "t":
        into = undefined;
        return;
      case "rPh":
        phonetic = false;
        return;
      case "c": {
        const cell = cellOf();
        if (cell) cells.set(address, cell);
        return;
      }
    }
  });

  function cellOf(): SnapCell | undefined {
    if (formulaShare) {
      if (formulaShare.master && formula) shared.set(formulaShare.si, { formula, address });
      else if (!formula) {
        const master = shared.get(formulaShare.si);
        if (master) formula = slideFormula(master.formula, master.address, address);
      }
    }
    if (formula) {
      const result = value === undefined || value === "" ? undefined : scalar(value, type, style, ctx);
      return result === undefined ? { formula: `=${formula}` } : { value: result, formula: `=${formula}` };
    }
    const v =
      type === "inlineStr" ? inline : value === undefined || value === "" ? undefined : scalar(value, type, style, ctx);
    return v === undefined ? undefined : { value: v };
  }

  parser.write(xml).close();
  for (const ref of merges) emptyCovered(cells, ref);
  return { cells, protected: isProtected };
}

/** A `<v>` as its cell type says: a shared string, a text, a Yes/No, an error, a date or a number. */
function scalar(text: string, type: string, style: number, ctx: Context): SnapValue | undefined {
  switch (type) {
    case "s":
      return ctx.strings[Number(text)];
    case "str":
    case "inlineStr":
    case "e":
      return text;
    case "b":
      return Number(text) !== 0;
    case "d":
      return text.slice(0, 10);
    default: {
      const n = Number(text);
      if (Number.isNaN(n)) return text;
      return ctx.dates.has(style) ? excelDay(n, ctx.date1904) : n;
    }
  }
}

/** A date serial as the day it is (`YYYY-MM-DD`), as exceljs converts it. */
function excelDay(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The cells of a merged area after its first show nothing, whatever the file holds there. */
function emptyCovered(cells: Map<string, SnapCell>, ref: string): void {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(ref);
  if (!m) return;
  const [left, top, right, bottom] = [colNumber(m[1]!), Number(m[2]), colNumber(m[3]!), Number(m[4])];
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) if (r !== top || c !== left) cells.delete(a1(r, c));
}

/** The shared strings table: each `<si>`'s text, its runs joined, phonetic runs left out. */
function sharedStrings(parts: Parts): string[] {
  const path = "xl/sharedStrings.xml";
  const xml = partText(parts, path);
  if (xml === undefined) return [];
  const out: string[] = [];
  let current: string | undefined;
  let inT = false;
  let phonetic = false;
  const parser = saxParser(path);
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === "si") current = "";
    else if (name === "rPh") phonetic = true;
    else if (name === "t") inT = current !== undefined && !phonetic;
  });
  const onText = (text: string) => {
    if (inT) current += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    const name = localName(tag.name);
    if (name === "t") inT = false;
    else if (name === "rPh") phonetic = false;
    else if (name === "si") {
      out.push(current ?? "");
      current = undefined;
    }
  });
  parser.write(xml).close();
  return out;
}

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, as exceljs knows them). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** The cell styles (`cellXfs`) whose number format shows a date. */
function dateStyles(parts: Parts): Set<number> {
  const path = "xl/styles.xml";
  const xml = partText(parts, path);
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  if (xml !== undefined) {
    const parser = saxParser(path);
    parser.on("opentag", (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === "numFmt") custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formats.push(Number(tag.attributes.numFmtId ?? 0));
    });
    parser.on("closetag", (tag) => {
      if (localName(tag.name) === "cellXfs") inCellXfs = false;
    });
    parser.write(xml).close();
  }
  const out = new Set<number>();
  formats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) out.add(i);
  });
  return out;
}

/** exceljs's rule: once bracketed and quoted parts are removed, a date format has one of y m d h M s b. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
