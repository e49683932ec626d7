/**
 * The sheets of a master's register of returns (engine/register.ts): *Suivi des
 * retours*, one row per expected return, filterable, whose state column is the
 * one input (a list: attendu, reçu, à corriger, validé); *Constats des retours*,
 * the findings of each submission, which each return links to; *Modifications*,
 * what each resubmission changed, value by value, with a link to the cell.
 * Names, headings, notes and the state list are in the workbook's language
 * (`workbook.retours.*`, states from `register.etat.*`: « Returns », "received"…);
 * a state is read back in either language (register.ts, etatOf).
 */
import { a1, colLetter, hyperlinkFormula } from "../../util/a1";
import type { Lang } from "../../i18n";
import type { Schema } from "../../model/schema";
import type { BindingOf, SheetPlan } from "../plan";
import { ETATS, REGISTER_ETAT_COL, REGISTER_HEADER_ROW, registerName, type Etat, type Register } from "../register";
import { etatWord, evenementText, retourName } from "../registerReport";
import { severityWord, type Severity } from "../validate/findings";
import { SheetBuilder } from "./sheetBuilder";
import { buildTableSheet, TABLE_HEADER_ROW } from "./tableSheet";
import { COLORS } from "./styles";
import { wordsOf, type Words } from "./words";

/** The findings sheet's name in a workbook of this language. */
export const constatsName = (lang: Lang): string => wordsOf(lang)("retours.sheet.constats");
/** The modifications sheet's name in a workbook of this language. */
export const modificationsName = (lang: Lang): string => wordsOf(lang)("retours.sheet.modifications");
/** The register's three sheets in a workbook of this language. */
export const retoursNames = (lang: Lang): string[] => [registerName(lang), constatsName(lang), modificationsName(lang)];
/** Their names in a French workbook. */
export const CONSTATS_SHEET = constatsName("fr");
export const MODIFICATIONS_SHEET = modificationsName("fr");
export const RETOURS_SHEETS = retoursNames("fr");

/** The register sheet's columns: the key of each heading (`workbook.retours.col.*`) and its width. */
const COLUMNS = [
  ["retour", 30],
  ["etat", 12],
  ["recu", 11],
  ["fichier", 20],
  ["empreinte", 15],
  ["erreurs", 8],
  ["avertissements", 14],
  ["constats", 12],
  ["modifications", 17],
  ["historique", 50],
] as const;
const WHO_WIDTH = COLUMNS[0][1];
const HISTORY_WIDTH = COLUMNS[COLUMNS.length - 1]![1];

const day = (iso: string) => iso.slice(0, 10);

export interface RetoursContext {
  /** The master's model: the names of its partenaires and territoires, said in the workbook's language. */
  schema: Schema;
  campaignYear: number;
  /** Where a key's cell is in the master, for a Modification row. */
  where: BindingOf;
  w: Words;
}

/** The states as the workbook says them, by their parameter name in the catalogues' texts. */
function etatParams(lang: Lang): Record<string, string> {
  const say = (e: Etat) => etatWord(lang, e);
  return { attendu: say("attendu"), recu: say("reçu"), aCorriger: say("à corriger"), valide: say("validé") };
}

export function buildRetours(register: Register, { schema, campaignYear, where, w }: RetoursContext): SheetPlan[] {
  const lang = w.lang;
  const constatsSheet = constatsName(lang);
  const modsSheet = modificationsName(lang);
  const who = new Map(register.retours.map((r) => [r.cut, retourName(r, schema, lang)]));
  const constatsRows = register.retours.flatMap((r) =>
    r.constats.map(([severity, place, rule, message, messageEn]) => [
      who.get(r.cut)!,
      severityWord(lang, severity as Severity),
      place,
      rule,
      lang === "en" ? messageEn : message,
    ]),
  );
  const firstConstat = new Map<string, number>();
  let row = TABLE_HEADER_ROW + 1;
  for (const r of register.retours) {
    if (r.constats.length) firstConstat.set(r.cut, row);
    row += r.constats.length;
  }
  const modRows: { cells: (string | number | boolean)[]; link?: { sheet: string; address: string } }[] = [];
  const firstMod = new Map<string, number>();
  for (const r of register.retours)
    for (const [key, avant, apres] of r.modifications) {
      if (!firstMod.has(r.cut)) firstMod.set(r.cut, TABLE_HEADER_ROW + 1 + modRows.length);
      const b = where(key);
      modRows.push({
        cells: [who.get(r.cut)!, b ? `${b.sheet}!${b.address}` : "", key, avant ?? "", apres ?? ""],
        ...(b ? { link: { sheet: b.sheet, address: b.address } } : {}),
      });
    }
  const etats = etatParams(lang);

  const suivi = new SheetBuilder(registerName(lang), "annexe", lang);
  const s = suivi.plan;
  s.tabColor = COLORS.controles;
  const awaited = register.retours.filter((r) => r.etat === "attendu").length;
  suivi.set(1, 2, "title", w("retours.title", { year: campaignYear }));
  suivi.set(
    2,
    2,
    "note",
    w("retours.note", {
      expected: register.retours.length,
      silent: awaited,
      date: day(register.date),
      col: w("retours.col.etat"),
      ...etats,
    }),
  );
  suivi.set(3, 2, "note", w("retours.lock", etats));
  suivi.merge(2, 2, 2, COLUMNS.length + 1);
  suivi.merge(3, 2, 3, COLUMNS.length + 1);
  s.columnWidths[1] = 4;
  s.hiddenColumns.push(1);
  COLUMNS.forEach(([key, width], i) => {
    suivi.set(REGISTER_HEADER_ROW, i + 2, "tableHeader", w(`retours.col.${key}`));
    s.columnWidths[i + 2] = width;
  });
  register.retours.forEach((r, i) => {
    const at = REGISTER_HEADER_ROW + 1 + i;
    const name = who.get(r.cut)!;
    suivi.set(at, 1, "meta", r.cut);
    suivi.setAsTyped(at, 2, "rowLabel", name);
    suivi.setAsTyped(at, REGISTER_ETAT_COL, "inputStatus", etatWord(lang, r.etat));
    suivi.set(at, 4, "cellInfo", r.recu ? day(r.recu) : undefined);
    suivi.setAsTyped(at, 5, "rowLabel", r.sources.map((x) => x.fichier).join(", ") || undefined);
    suivi.set(at, 6, "cellInfo", r.sources.map((x) => x.hash).join("+") || undefined);
    const checked = r.sources.length > 0 || r.ecarte !== undefined;
    suivi.set(at, 7, "cellInfo", checked ? r.erreurs : undefined);
    suivi.set(at, 8, "cellInfo", checked ? r.avertissements : undefined);
    const c = firstConstat.get(r.cut);
    const constats = w("retours.constats", { n: r.constats.length });
    if (c) suivi.set(at, 9, "link", constats, { formula: hyperlinkFormula(constatsSheet, a1(c, 1), constats) });
    else suivi.set(at, 9, "cellInfo");
    const m = firstMod.get(r.cut);
    const mods = w("retours.modifications", { n: r.modifications.length });
    if (m) suivi.set(at, 10, "link", mods, { formula: hyperlinkFormula(modsSheet, a1(m, 1), mods) });
    else suivi.set(at, 10, "cellInfo");
    const history = r.historique.map((e) => evenementText(lang, e));
    suivi.setAsTyped(at, 11, "rowLabel", history.join("\n") || undefined);
    // Tall enough for the name and for each event of the history on its own lines.
    const width = HISTORY_WIDTH - 2;
    const lines = history.reduce((n, h) => n + Math.ceil(h.length / width), 0);
    suivi.fitHeight(at, Math.max(name.length, lines * (WHO_WIDTH - 2)), WHO_WIDTH);
  });
  const last = REGISTER_HEADER_ROW + Math.max(1, register.retours.length);
  const range = `${colLetter(REGISTER_ETAT_COL)}${REGISTER_HEADER_ROW + 1}:${colLetter(REGISTER_ETAT_COL)}${last}`;
  const title = w("retours.etat.title");
  suivi.validate({
    ranges: [range],
    rule: { type: "list", values: ETATS.map((e) => etatWord(lang, e)) },
    allowBlank: true,
    prompt: { title, message: w("retours.etat.prompt", etats) },
    error: { style: "stop", title, message: w("retours.etat.error", etats) },
  });
  s.freeze = { rows: REGISTER_HEADER_ROW, columns: 2 };
  s.autoFilter = `B${REGISTER_HEADER_ROW}:${colLetter(COLUMNS.length + 1)}${REGISTER_HEADER_ROW}`;
  s.protection = { allowFormatRows: true, allowFormatColumns: true, allowAutoFilter: true };
  s.print = {
    orientation: "landscape",
    paperSize: "A4",
    titleRows: `${REGISTER_HEADER_ROW}:${REGISTER_HEADER_ROW}`,
    titleColumns: "B:B",
  };

  const constats = buildTableSheet({
    name: constatsSheet,
    title: constatsSheet,
    note: w("retours.constats.note"),
    columns: [
      [w("retours.col.retour"), 30],
      [w("retours.constats.col.gravite"), 12],
      [w("retours.constats.col.ou"), 30],
      [w("retours.constats.col.regle"), 20],
      [w("retours.constats.col.message"), 70],
    ],
    rows: constatsRows,
    lang,
  }).plan;
  const mods = buildTableSheet({
    name: modsSheet,
    title: modsSheet,
    note: w("retours.modifications.note"),
    columns: [
      [w("retours.col.retour"), 30],
      [w("retours.modifications.col.cellule"), 30],
      [w("retours.modifications.col.cle"), 34],
      [w("retours.modifications.col.avant"), 24],
      [w("retours.modifications.col.apres"), 24],
    ],
    rows: modRows.map((m) => m.cells),
    lang,
  }).plan;
  modRows.forEach((m, i) => {
    const cell = mods.cells.find((c) => c.row === TABLE_HEADER_ROW + 1 + i && c.col === 2);
    if (cell && m.link) {
      cell.formula = hyperlinkFormula(m.link.sheet, m.link.address, String(cell.value ?? ""));
      cell.style = "link";
    }
  });
  return [s, constats, mods];
}
