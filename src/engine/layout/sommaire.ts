/**
 * The Sommaire: what the workbook is, how to fill it in, and one row per axe
 * with its rollups, then the whole schéma's. Each axe's figures are summed
 * from its sheet's helper columns into hidden columns of its row; the rates
 * shown are formulas over those, and the total row sums them again.
 */
import { a1, hyperlinkFormula, range } from "../../util/a1";
import type { Axe, Fiche, Schema } from "../../model/schema";
import { langOf, type CellBinding, type PlanMeta } from "../plan";
import { FIGURES, SOMMAIRE_RATES } from "../rollup/figures";
import { figureFormulas, rateFormulas, type FigureFormulas, type RollupColumns } from "../rollup/formulas";
import { futurMark, SANS_CALENDRIER_MARK } from "./calendar";
import { definitionsBlock } from "./definitions";
import { historiqueName } from "./historique";
import { SheetBuilder } from "./sheetBuilder";
import { sommaireBudget } from "./sommaireBudget";
import { COLORS, type StyleKey } from "./styles";
import { statuts, statutWord } from "../../model/vocabulaire";
import { departementConnu } from "../../model/summary";
import type { Lang } from "../../i18n";
import { wordsOf, type NiveauxDits, type Words } from "./words";

/** The sheet's name in a workbook of this language. */
export const sommaireName = (lang: Lang): string => wordsOf(lang)("sheet.sommaire");
/** Its name in a French workbook. */
export const SOMMAIRE = sommaireName("fr");
/** Its name in a workbook, from the workbook's metadata. */
export const sommaireOf = (meta: Pick<PlanMeta, "lang">): string => sommaireName(langOf(meta));
/**
 * Rollup columns of the axe table (their headings: `workbook.sommaire.rollup.*`); their keys differ from the
 * figures' (`FIGURES`): both are binding keys of a row.
 */
export const SOMMAIRE_ROLLUPS = [
  ["calendrier"],
  ["enRetard"],
  ["sansEtat"],
  ["completude"],
  ["cibles"],
  ["atteinte"],
  ["controles"],
] as const;
/** How each rollup column is shown: a share (with a data bar), a count, or « n / N ». */
const ROLLUP_STYLE: Record<(typeof SOMMAIRE_ROLLUPS)[number][0], StyleKey> = {
  calendrier: "rollupValue",
  enRetard: "rollupCount",
  sansEtat: "rollupCount",
  completude: "rollupValue",
  cibles: "rollupText",
  atteinte: "rollupValue",
  controles: "rollupCount",
};
/** First rollup column, and the last column of the axe table. */
const ROLLUP_COL = 6;
const LAST_COL = ROLLUP_COL + SOMMAIRE_ROLLUPS.length - 1;
/** First of the hidden columns holding each row's figures, in `FIGURES` order (after the visible ones). */
const FIGURE_COL = LAST_COL + 4;

export interface SommaireAxe {
  axe: Axe;
  fiches: Fiche[];
  sheet: string;
}

export function buildSommaire(
  schema: Schema,
  meta: PlanMeta,
  axes: SommaireAxe[],
  generatedAt: Date,
  bindings: CellBinding[],
  cols: RollupColumns,
  w: Words,
  niveaux: NiveauxDits,
): SheetBuilder {
  const name = sommaireName(w.lang);
  const sheet = new SheetBuilder(name, "sommaire", w.lang);
  const s = sheet.plan;
  s.columnWidths = { 1: 2, 2: 58, 3: 10, 4: 13, 5: 12 };
  for (let c = ROLLUP_COL; c <= LAST_COL; c++) s.columnWidths[c] = 14;
  s.tabColor = COLORS.title;
  s.print = { orientation: "landscape", paperSize: "A4", titleColumns: "A:B" };
  s.protection = { allowFormatRows: true, allowFormatColumns: true, allowAutoFilter: true };
  // Running texts end at column F, within the first printed strip (print.ts cuts a wider sheet into strips): a text
  // merged across the whole table would be cut mid-sentence at the strip's edge. B–F hold about 120 characters.
  const textTo = 6;
  const textWidth = 120;
  const line = (row: number, style: "title" | "subtitle" | "text" | "label" | "note", text: string) => {
    sheet.set(row, 2, style, text);
    sheet.merge(row, 2, row, textTo);
  };

  line(1, "title", schema.titre);
  line(
    2,
    "subtitle",
    [departementConnu(schema.departement), `${schema.periode.debut}-${schema.periode.fin}`].filter(Boolean).join(" · "),
  );
  line(3, "label", w("sommaire.campagne", { year: meta.campaignYear }));
  const date = generatedAt.toLocaleDateString(w.lang === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris" });
  line(4, "note", w("sommaire.generated", { date, id: schema.id, version: schema.version }));
  if (meta.cut) line(5, "label", w(`sommaire.cut.${meta.cut.kind}`, { nom: meta.cut.nom }));

  line(7, "label", w("sommaire.help"));
  const y = meta.campaignYear;
  const indicateurs = axes.some((a) => a.fiches.some((f) => f.indicateurs.length));
  const precedents = y > schema.periode.debut;
  // Only what this schéma's workbook holds (a schéma without indicators is not told how to fill them), numbered.
  const help = [
    w("sommaire.help.sheets", {
      axe: niveaux.axe.toLowerCase(),
      fiche: niveaux.fiche.toLowerCase(),
      sousActions: niveaux.pluriel.sousAction.toLowerCase(),
      indicateurs: indicateurs ? w("sommaire.help.sheetsIndicateurs") : "",
    }),
    w("sommaire.help.calendar", {
      year: y,
      statuts: statuts(w.lang).join(", "),
      reporte: statutWord("reporte", w.lang),
      abandonne: statutWord("abandonne", w.lang),
      futur: futurMark(w.lang),
      sans: SANS_CALENDRIER_MARK,
    }),
    indicateurs ? w("sommaire.help.indicateurs", { year: y }) : undefined,
    w("sommaire.help.budget", {
      year: y,
      fiche: niveaux.fiche.toLowerCase(),
      precedents: precedents ? w("sommaire.help.precedents", { previous: y - 1, sheet: historiqueName(w) }) : "",
    }),
    w("sommaire.help.colours"),
    w("sommaire.help.rows"),
  ]
    .filter((x): x is string => x !== undefined)
    .map((text, i) => `${i + 1}. ${text}`);
  help.forEach((text, i) => {
    line(8 + i, "text", text);
    sheet.fitHeight(8 + i, text.length, textWidth);
  });

  const h = 9 + help.length;
  // Each schéma's words for its levels (« Actions en retard » where sous-actions are called actions).
  const sousActions = niveaux.pluriel.sousAction;
  const headers = [
    niveaux.axe,
    niveaux.pluriel.fiche,
    sousActions,
    w("sommaire.indicateurs"),
    ...SOMMAIRE_ROLLUPS.map(([key]) => w(`sommaire.rollup.${key}`, { sousActions })),
  ];
  headers.forEach((text, i) => sheet.set(h, 2 + i, "tableHeader", text));
  s.rowHeights[h] = 32;
  /** A row's rollups: its figures in the hidden columns (`figures` gives their formulas), the rates over them, the errors. */
  const rollupRow = (row: number, node: string, figures: (f: (typeof FIGURES)[number]) => string) => {
    const bind = (period: string, col: number, formula?: string) =>
      bindings.push({
        key: `${node}@rollup:${period}`,
        node,
        kind: "rollup",
        period,
        sheet: name,
        address: a1(row, col),
        input: false,
        ...(formula ? { formula } : {}),
      });
    const cells = {} as FigureFormulas;
    FIGURES.forEach((f, j) => {
      const formula = `=${figures(f)}`;
      sheet.set(row, FIGURE_COL + j, "meta", undefined, { formula });
      bind(f, FIGURE_COL + j, formula);
      cells[f] = a1(row, FIGURE_COL + j);
    });
    const rates = rateFormulas(cells);
    SOMMAIRE_ROLLUPS.forEach(([key], j) => {
      const rate = SOMMAIRE_RATES[key];
      const formula = rate && rates[rate];
      sheet.set(row, ROLLUP_COL + j, ROLLUP_STYLE[key], undefined, formula ? { formula } : {});
      bind(key, ROLLUP_COL + j, formula);
    });
  };
  s.hiddenColumns.push(...FIGURES.map((_, j) => FIGURE_COL + j));

  axes.forEach(({ axe, fiches, sheet: target }, i) => {
    const row = h + 1 + i;
    const text = sheet.typo(`${niveaux.axe} ${axe.numero} — ${axe.titre}`);
    sheet.set(row, 2, "link", text, { formula: hyperlinkFormula(target, "A1", text) });
    sheet.fitHeight(row, text.length, 58);
    sheet.set(row, 3, "cellInfo", fiches.length);
    sheet.set(
      row,
      4,
      "cellInfo",
      fiches.reduce((n, f) => n + f.sousActions.length, 0),
    );
    sheet.set(
      row,
      5,
      "cellInfo",
      fiches.reduce((n, f) => n + f.indicateurs.length, 0),
    );
    const figures = figureFormulas(cols, { sheet: target });
    rollupRow(row, axe.id, (f) => figures[f]);
  });

  const first = h + 1;
  const total = first + axes.length;
  sheet.set(total, 2, "rollupLabel", w("ensemble"));
  const counts = [
    axes.reduce((n, a) => n + a.fiches.length, 0),
    axes.reduce((n, a) => n + a.fiches.reduce((m, f) => m + f.sousActions.length, 0), 0),
    axes.reduce((n, a) => n + a.fiches.reduce((m, f) => m + f.indicateurs.length, 0), 0),
  ];
  counts.forEach((n, j) => sheet.set(total, 3 + j, "cellInfo", n));
  rollupRow(total, schema.id, (f) => {
    const col = FIGURE_COL + FIGURES.indexOf(f);
    return `SUM(${range(first, col, total - 1, col)})`;
  });
  const shares = SOMMAIRE_ROLLUPS.flatMap(([key], j) =>
    ROLLUP_STYLE[key] === "rollupValue" ? [range(first, ROLLUP_COL + j, total, ROLLUP_COL + j)] : [],
  );
  sheet.conditional({ ranges: shares, kind: "dataBar", color: COLORS.progress, min: 0, max: 1, priority: 1 });
  const next = sommaireBudget(sheet, schema, meta, axes, total + 2, bindings, cols, w, niveaux);
  definitionsBlock(sheet, next + 1, textTo, textWidth, w);
  s.freeze = { rows: 0, columns: 0 };
  return sheet;
}
