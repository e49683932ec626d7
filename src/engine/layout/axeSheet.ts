/**
 * One sheet per axe: the axe's summary at the top, then for each fiche action
 * a block with its header, its summary row, its calendar grid (sous-actions ×
 * periods, a status cell per planned period) and its indicator table (cible
 * and valeur per year; numérateur and dénominateur rows under a ratio, whose
 * rate is a formula; the achievement of the campaign's target).
 *
 * Rollups are live formulas: each sous-action and indicator row computes its
 * own figures in hidden helper columns (calendrier.ts, atteinte.ts), and the
 * summaries sum those columns (rollup/formulas.ts).
 */
import { a1, absolute, colLetter, range } from "../../util/a1";
import type { Axe, Fiche, Indicateur, Schema } from "../../model/schema";
import type { CellBinding, DefinedName } from "../plan";
import { JUGEMENT_KEYS, jugementWord, judgementCounts, judgementFormula, targetCell } from "../rollup/atteinte";
import { SOUS_ACTION_FIGURES, sousActionFormulas } from "../rollup/calendrier";
import { filledFormula } from "../rollup/excel";
import { RATES, type Rates } from "../rollup/figures";
import { figureFormulas, rateFormulas, type RollupColumns } from "../rollup/formulas";
import { budgetTable } from "./budgetTable";
import { jalonsByPeriod, sousActionCalendar, type CalendarGrid } from "../../model/calendarGrid";
import { familleOf, valueType, type Format } from "../../model/valueTypes";
import { futurMark, jalonText, SANS_CALENDRIER_MARK } from "./calendar";
import { inputStyle, sensLabel, statusValidation, textValidation, typeLabel, valueValidation } from "./inputs";
import { cibleCell, targetInputStyle, targetValidation } from "./cibles";
import { definedName } from "./naming";
import { recitBlock, recitValidation, reponseRows, type RecitContext } from "./recit";
import { SheetBuilder } from "./sheetBuilder";
import { COLORS, requis, type StyleKey } from "./styles";
import { STATUT_KEYS, statutWord } from "../../model/vocabulaire";
import type { NiveauxDits, Words } from "./words";

export const COL_ID = 1;
export const COL_LABEL = 2;
const FIRST = 3;

/** Column positions of an axe sheet, the same on every axe sheet of a workbook. */
export interface AxeColumns extends RollupColumns {
  periods: Map<string, number>;
  nature: number;
  type: number;
  unite: number;
  sens: number;
  reference: number;
  cible: Map<number, number>;
  valeur: Map<number, number>;
  source: number;
  commentaire: number;
  /**
   * A sous-action's comment of the campaign (the reason of a *Reporté* or *Abandonné*): the indicators' Commentaire
   * column, one cell of its own (no merge inside a data table: a screen reader reads each cell under its header),
   * or the column after the calendar when the calendar reaches that far.
   */
  motif: number;
  /** Whether the campaign's target was met, per indicator: a word (atteinte.ts). */
  atteinte: number;
  lastVisible: number;
  /**
   * Hidden helper columns: row kind, required flag and expected direction (read by conditional formats),
   * then what the rollups sum (RollupColumns): the fiche of the row, a sous-action's figures over its state
   * (`etat`), an indicator's target met and set.
   */
  kind: number;
  required: number;
  direction: number;
  etat: number;
}

export function axeColumns(schema: Schema, grid: CalendarGrid): AxeColumns {
  const periods = new Map(grid.periods.map((p, i) => [p, FIRST + i]));
  const years: number[] = [];
  for (let y = schema.periode.debut; y <= schema.periode.fin; y++) years.push(y);
  const cible = new Map(years.map((y, i) => [y, FIRST + 5 + 2 * i]));
  const valeur = new Map(years.map((y, i) => [y, FIRST + 6 + 2 * i]));
  const source = FIRST + 5 + 2 * years.length;
  const atteinte = source + 2;
  const motif = Math.max(source + 1, FIRST + grid.periods.length);
  const lastVisible = Math.max(atteinte, motif);
  return {
    periods,
    nature: FIRST,
    type: FIRST + 1,
    unite: FIRST + 2,
    sens: FIRST + 3,
    reference: FIRST + 4,
    cible,
    valeur,
    source,
    commentaire: source + 1,
    motif,
    atteinte,
    lastVisible,
    kind: lastVisible + 1,
    required: lastVisible + 2,
    direction: lastVisible + 3,
    fiche: lastVisible + 4,
    engagee: lastVisible + 5,
    statutsRequis: lastVisible + 6,
    etat: lastVisible + 7,
    realisee: lastVisible + 8,
    enCours: lastVisible + 9,
    retard: lastVisible + 10,
    nonRenseignee: lastVisible + 11,
    saisi: lastVisible + 12,
    cibleAtteinte: lastVisible + 13,
    cibleFixee: lastVisible + 14,
  };
}

export interface AxeSheetContext {
  schema: Schema;
  /** The workbook's words, and the schéma's level names as it says them. */
  w: Words;
  niveaux: NiveauxDits;
  campaignYear: number;
  grid: CalendarGrid;
  cols: AxeColumns;
  bindings: CellBinding[];
  labels: { sheet: string; address: string; node: string; text: string }[];
  names: DefinedName[];
  /** Earlier campaigns' narrative (the *Bilans précédents* sheet), when the campaign is not the schéma's first year. */
  historique?: RecitContext["historique"];
}

/** A fiche's actors by name; a service listed with its direction shows under it: « DPPE (STE-CST, SAAP-CS) ». */
function partenaireNames(schema: Schema, ids: string[]): string {
  const byId = new Map(schema.partenaires.map((p) => [p.id, p]));
  const under = (id: string) => ids.filter((x) => x !== id && byId.get(x)?.rattachement === id);
  const named = (id: string): string => {
    const services = under(id);
    const nom = byId.get(id)?.nom ?? id;
    return services.length ? `${nom} (${services.map(named).join(", ")})` : nom;
  };
  const top = ids.filter((id) => !ids.includes(byId.get(id)?.rattachement ?? ""));
  return top.map(named).join(", ");
}

export function buildAxeSheet(name: string, axe: Axe, fiches: Fiche[], ctx: AxeSheetContext): SheetBuilder {
  const { schema, cols, campaignYear, w, niveaux } = ctx;
  const sheet = new SheetBuilder(name, "axe", w.lang);
  sheet.plan.axeId = axe.id;
  const last = cols.lastVisible;
  const s = sheet.plan;
  s.columnWidths[COL_ID] = 4;
  s.columnWidths[COL_LABEL] = 52;
  for (let c = FIRST; c <= last; c++) s.columnWidths[c] = 11;
  // A year's value holds amounts too (budget table, amount indicators): 999 999 999,99 € in full.
  for (const c of cols.valeur.values()) s.columnWidths[c] = 16;
  s.columnWidths[cols.commentaire] = Math.max(s.columnWidths[cols.commentaire] ?? 0, 28);
  s.columnWidths[cols.motif] = Math.max(s.columnWidths[cols.motif] ?? 0, 28);
  s.columnWidths[cols.source] = Math.max(s.columnWidths[cols.source] ?? 0, 16);
  s.hiddenColumns.push(COL_ID, ...HELPERS.map((h) => cols[h]));
  s.freeze = { rows: 2, columns: 2 };
  // The axe's title and note on every page, the labels left of every strip; a page per fiche (print.ts).
  s.print = { orientation: "landscape", paperSize: "A4", titleRows: "1:2", titleColumns: "B:B", rowBreaks: [] };
  s.tabColor = COLORS.title;

  const label = (row: number, node: string, text: string, style: StyleKey, mergeTo = COL_LABEL) => {
    sheet.set(row, COL_ID, "meta", node);
    sheet.set(row, COL_LABEL, style, text);
    sheet.merge(row, COL_LABEL, row, mergeTo);
    sheet.fitHeight(row, text.length, mergeTo === COL_LABEL ? 52 : 52 + (mergeTo - COL_LABEL) * 11);
    ctx.labels.push({ sheet: name, address: a1(row, COL_LABEL), node, text: sheet.typo(text) });
  };
  const bind = (b: Omit<CellBinding, "sheet" | "key" | "address">, row: number, col: number) => {
    const key = `${b.node}@${b.kind}${b.period ? `:${b.period}` : ""}`;
    ctx.bindings.push({ key, sheet: name, ...b, address: a1(row, col) });
  };

  label(1, axe.id, `${niveaux.axe} ${axe.numero} — ${axe.titre}`, "axeTitle", last);
  sheet.set(2, COL_LABEL, "note", w("axe.note", { year: campaignYear }));
  sheet.merge(2, COL_LABEL, 2, last);

  const axeText = `${niveaux.axe} ${axe.numero}`;
  let row = syntheseTable(sheet, 3, axe.id, axeText, figureFormulas(cols, {}), ctx, bind) + 1;
  const firstContentRow = row;
  const statusCells: string[] = [];
  const textCells: string[] = [];
  const recit: RecitContext = {
    w,
    campaignYear,
    debut: schema.periode.debut,
    first: FIRST,
    last,
    kindCol: cols.kind,
    ...(ctx.historique ? { historique: ctx.historique } : {}),
    bind,
    label: (r, node, text) => {
      sheet.set(r, COL_LABEL, "rowLabel", text);
      ctxLabel(ctx, sheet, r, node, text);
    },
    inputs: [],
  };
  for (const fiche of fiches) {
    const top = row;
    if (fiche !== fiches[0]) s.print.rowBreaks!.push(top);
    label(
      row++,
      fiche.id,
      w("ficheTitle", { fiche: niveaux.fiche, numero: fiche.numero, titre: fiche.titre }),
      "ficheHeader",
      last,
    );
    sheet.set(top, cols.kind, "meta", "fiche");
    const objectif = axe.objectifs.find((o) => o.id === fiche.objectif);
    const labelled = (label: string, text: string) => w("labelled", { label, text });
    const info = [
      objectif ? labelled(niveaux.objectif, objectif.titre) : undefined,
      fiche.pilotes.length
        ? labelled(w("axe.pilotes"), fiche.pilotesPublies ?? partenaireNames(schema, fiche.pilotes))
        : undefined,
      fiche.partenaires.length
        ? labelled(niveaux.partenaires, fiche.partenairesPublies ?? partenaireNames(schema, fiche.partenaires))
        : undefined,
      fiche.natureActions.length ? labelled(w("axe.natureActions"), fiche.natureActions.join(", ")) : undefined,
    ].filter((x): x is string => Boolean(x));
    for (const text of info) {
      sheet.set(row, COL_LABEL, "ficheInfo", text);
      sheet.merge(row, COL_LABEL, row, last);
      sheet.fitHeight(row, text.length, 52 + (last - COL_LABEL) * 11);
      row++;
    }
    row++;
    const ficheText = w("ficheNumber", { fiche: niveaux.fiche, numero: fiche.numero });
    row = syntheseTable(sheet, row, fiche.id, ficheText, figureFormulas(cols, { fiche: fiche.id }), ctx, bind) + 1;

    if (fiche.sousActions.length) row = calendarTable(sheet, fiche, row, ctx, statusCells, textCells, bind) + 1;
    if (fiche.indicateurs.length) row = indicatorTable(sheet, fiche, row, ctx, textCells, recit, bind) + 1;
    row = budgetTable(sheet, fiche, row, ctx, bind) + 1;
    row = recitBlock(sheet, fiche, row, recit) + 1;
    ctx.names.push({ name: definedName(fiche.id), sheet: name, ref: absolute(top, COL_ID, row - 2, last) });
    row++;
  }
  const lastRow = Math.max(row, firstContentRow + 1);

  if (statusCells.length) {
    sheet.validate(statusValidation(statusCells, w));
    // Gantt-like colours: one rule per status over the calendar columns, limited to sous-action rows by the hidden kind column.
    const first = Math.min(...cols.periods.values());
    const lastPeriod = Math.max(...cols.periods.values());
    const area = range(firstContentRow, first, lastRow, lastPeriod);
    const kindRef = `$${colLetter(cols.kind)}${firstContentRow}`;
    STATUT_KEYS.forEach((statut, i) =>
      sheet.conditional({
        ranges: [area],
        kind: "expression",
        formula: `=AND(${kindRef}="sa",${a1(firstContentRow, first)}="${statutWord(statut, w.lang)}")`,
        style: { ...COLORS.status[statutWord(statut, "fr")] },
        priority: 10 + i,
      }),
    );
    // Every status cell of the campaign is expected: still empty, it is marked as a required value is.
    sheet.conditional({
      ranges: statusCells,
      kind: "expression",
      formula: `=LEN(TRIM(${statusCells[0]}))=0`,
      style: { ...COLORS.missing },
      priority: 1,
    });
  }
  if (textCells.length) sheet.validate(textValidation(textCells, w("sourceOuCommentaire"), w));
  if (recit.inputs.length) sheet.validate(recitValidation(recit.inputs, w));
  // A text indicator's answer of the campaign, expected and still empty (its row kind says so: recit.ts).
  sheet.conditional({
    ranges: [range(firstContentRow, FIRST, lastRow, FIRST)],
    kind: "expression",
    formula: `=AND($${colLetter(cols.kind)}${firstContentRow}="rep",LEN(TRIM(${a1(firstContentRow, FIRST)}))=0)`,
    style: { ...COLORS.missing },
    priority: 1,
  });

  // The word of each target judged, coloured (the word says it; the colour helps the eye).
  const word = a1(firstContentRow, cols.atteinte).replace(/^([A-Z]+)/, "$$$1");
  JUGEMENT_KEYS.forEach((j, i) =>
    sheet.conditional({
      ranges: [range(firstContentRow, cols.atteinte, lastRow, cols.atteinte)],
      kind: "expression",
      formula: `=${word}="${jugementWord(j, w.lang)}"`,
      style: COLORS.jugement[j],
      priority: 20 + i,
    }),
  );

  // Required inputs of the campaign year still empty; values on the wrong side of their target.
  const v = cols.valeur.get(campaignYear);
  if (v !== undefined) {
    const col = colLetter(v);
    sheet.conditional({
      ranges: [range(firstContentRow, v, lastRow, v)],
      kind: "expression",
      formula: `=AND($${colLetter(cols.required)}${firstContentRow}=1,ISBLANK(${col}${firstContentRow}))`,
      style: { ...COLORS.missing },
      priority: 1,
    });
  }
  for (const [year, vc] of cols.valeur) {
    const c = cols.cible.get(year)!;
    const [vr, cr, dr] = [vc, c, cols.direction].map((x) => `${colLetter(x)}${firstContentRow}`);
    sheet.conditional({
      ranges: [range(firstContentRow, vc, lastRow, vc)],
      kind: "expression",
      formula: `=AND(ISNUMBER(${vr}),ISNUMBER(${cr}),$${dr}<>0,(${vr}-${cr})*$${dr}<0)`,
      style: { ...COLORS.wrongDirection },
      priority: 2,
    });
  }
  s.protection = { allowFormatRows: true, allowFormatColumns: true, allowAutoFilter: true };
  return sheet;
}

type Bind = (b: Omit<CellBinding, "sheet" | "key" | "address">, row: number, col: number) => void;

const HELPERS = [
  "kind",
  "required",
  "direction",
  "fiche",
  "engagee",
  "statutsRequis",
  "etat",
  "realisee",
  "enCours",
  "retard",
  "nonRenseignee",
  "saisi",
  "cibleAtteinte",
  "cibleFixee",
] as const;

/** How each figure of a summary row is shown: a share, a count of sous-actions, or « n / N ». */
const SYNTHESE_STYLE: Record<keyof Rates, StyleKey> = {
  avancement: "rollupValue",
  enRetard: "rollupCount",
  nonRenseignees: "rollupCount",
  completude: "rollupValue",
  cibles: "rollupText",
  atteinte: "rollupValue",
};

/**
 * A summary of two rows: headers, then the rates of `node` (a fiche, or the whole axe) on a row that carries
 * `<node>#synthese` in column A, so that it is found again if rows move. Returns the row after it.
 */
function syntheseTable(
  sheet: SheetBuilder,
  row: number,
  node: string,
  text: string,
  figures: ReturnType<typeof figureFormulas>,
  ctx: AxeSheetContext,
  bind: Bind,
): number {
  const formulas = rateFormulas(figures);
  const { w } = ctx;
  sheet.set(row, COL_LABEL, "tableHeader", w("synthese.title", { year: ctx.campaignYear }));
  // Short words: the columns are 11 characters wide, and a header wraps on two lines at most.
  RATES.forEach((rate, i) => sheet.set(row, FIRST + i, "syntheseHeader", w(`synthese.${rate}`)));
  sheet.plan.rowHeights[row] = 36;
  const id = `${node}#synthese`;
  sheet.set(row + 1, COL_ID, "meta", id);
  sheet.set(row + 1, COL_LABEL, "rowLabel", text);
  ctxLabel(ctx, sheet, row + 1, id, text);
  RATES.forEach((rate, i) => {
    const formula = formulas[rate];
    sheet.set(row + 1, FIRST + i, SYNTHESE_STYLE[rate], undefined, { formula });
    bind({ node: id, kind: "synthese", period: rate, input: false, formula }, row + 1, FIRST + i);
  });
  return row + 2;
}

function calendarTable(
  sheet: SheetBuilder,
  fiche: Fiche,
  row: number,
  ctx: AxeSheetContext,
  statusCells: string[],
  textCells: string[],
  bind: Bind,
): number {
  const { grid, cols, w } = ctx;
  const byYear = grid.granularite !== "annee";
  const sousActions = ctx.niveaux.pluriel.sousAction.toLowerCase();
  sheet.set(row, COL_LABEL, "tableHeader", w("calendar.title", { sousActions }));
  if (byYear) sheet.merge(row, COL_LABEL, row + 1, COL_LABEL);
  const years = [...new Set(grid.periods.map((p) => p.slice(0, 4)))];
  for (const y of years) {
    const inYear = grid.periods.filter((p) => p.startsWith(y)).map((p) => cols.periods.get(p)!);
    sheet.set(row, inYear[0]!, "tableHeader", Number(y));
    for (const c of inYear.slice(1)) sheet.set(row, c, "tableHeader");
    sheet.merge(row, inYear[0]!, row, inYear[inYear.length - 1]!);
    if (byYear)
      for (const p of grid.periods.filter((x) => x.startsWith(y)))
        sheet.set(row + 1, cols.periods.get(p)!, "tableHeader", p.slice(5));
  }
  if (byYear) sheet.set(row + 1, COL_LABEL, "tableHeader");
  sheet.set(row, cols.motif, "tableHeader", w("calendar.motif", { year: ctx.campaignYear }));
  if (byYear) {
    sheet.set(row + 1, cols.motif, "tableHeader");
    sheet.merge(row, cols.motif, row + 1, cols.motif);
  }
  sheet.plan.rowHeights[row] = Math.max(sheet.plan.rowHeights[row] ?? 0, 30);
  row += byYear ? 2 : 1;

  // One row per milestone, its words in the wide label column (an 11-character period column would break them
  // mid-word), and a ◆ in the column of its period.
  const jalons = jalonsByPeriod(fiche, grid);
  for (const [p, c] of cols.periods)
    for (const jalon of jalons.get(p) ?? []) {
      const text = jalonText(w, jalon);
      sheet.set(row, COL_LABEL, "jalonLabel", text);
      sheet.fitHeight(row, text.length, 52);
      sheet.set(row, c, "jalon", "◆");
      row++;
    }

  for (const sa of fiche.sousActions) {
    // The published sentence that introduces this sous-action and the next ones, on its own row above them.
    if (sa.introduction) {
      sheet.set(row, COL_LABEL, "note", sa.introduction);
      sheet.fitHeight(row, sa.introduction.length, 52);
      row++;
    }
    const text = `${sa.numero ? `${sa.numero} ` : ""}${sa.libelle}`;
    sheet.set(row, COL_ID, "meta", sa.id);
    sheet.set(row, COL_LABEL, "rowLabel", text);
    sheet.set(row, cols.kind, "meta", "sa");
    sheet.fitHeight(row, text.length, 52);
    ctxLabel(ctx, sheet, row, sa.id, text);
    const cal = sousActionCalendar(fiche, sa, grid, ctx.campaignYear, ctx.schema.periode.fin);
    // Two lines at least, for a status of two words in a period column (« Non commencé »).
    if (cal.inputs.length) sheet.plan.rowHeights[row] = Math.max(sheet.plan.rowHeights[row] ?? 0, 30);
    const inputs = new Set(cal.inputs);
    const futurs = new Set(cal.futurs);
    const reprises = new Set(cal.reprises);
    for (const [p, c] of cols.periods) {
      if (inputs.has(p)) {
        sheet.set(row, c, "inputStatus");
        statusCells.push(a1(row, c));
        bind({ node: sa.id, kind: "statut", period: p, input: true }, row, c);
      } else if (reprises.has(p)) {
        // An earlier campaign's status, carried over: in sight, locked, not counted (sans calendrier publié).
        sheet.set(row, c, "statutRepris");
        bind({ node: sa.id, kind: "statut", period: p, input: false }, row, c);
      } else if (futurs.has(p)) {
        // Planned after the campaign: not an input yet, but bound, so that a value carried over lands here.
        sheet.set(row, c, "futur", futurMark(w.lang));
        bind({ node: sa.id, kind: "statut", period: p, input: false }, row, c);
      } else sheet.set(row, c, "unplanned", cal.publie ? undefined : SANS_CALENDRIER_MARK);
    }
    sheet.set(row, cols.fiche, "meta", fiche.id);
    sheet.set(row, cols.motif, "inputText");
    textCells.push(a1(row, cols.motif));
    bind({ node: sa.id, kind: "commentaire", period: String(ctx.campaignYear), input: true }, row, cols.motif);
    if (cal.inputs.length) {
      sheet.set(row, cols.engagee, "meta", 1);
      sheet.set(row, cols.statutsRequis, "meta", cal.inputs.length);
      const helper = sousActionFormulas(
        row,
        cal.inputs.map((p) => cols.periods.get(p)!),
        cal.fin,
        ctx.campaignYear,
        a1(row, cols.etat),
        w.lang,
      );
      for (const figure of ["etat", ...SOUS_ACTION_FIGURES] as const) {
        const formula = helper[figure];
        sheet.set(row, cols[figure], "meta", undefined, { formula });
        bind({ node: sa.id, kind: "synthese", period: figure, input: false, formula }, row, cols[figure]);
      }
    }
    row++;
  }
  return row;
}

function ctxLabel(ctx: AxeSheetContext, sheet: SheetBuilder, row: number, node: string, text: string) {
  ctx.labels.push({ sheet: sheet.plan.name, address: a1(row, COL_LABEL), node, text: sheet.typo(text) });
}

function indicatorTable(
  sheet: SheetBuilder,
  fiche: Fiche,
  row: number,
  ctx: AxeSheetContext,
  textCells: string[],
  recit: RecitContext,
  bind: Bind,
): number {
  const { cols, campaignYear, w } = ctx;
  const h = row;
  const fixed: [number, string][] = [
    [COL_LABEL, w("ind.indicateurs")],
    [cols.nature, w("ind.nature")],
    [cols.type, w("ind.type")],
    [cols.unite, w("ind.unite")],
    [cols.sens, w("ind.sens")],
    [cols.reference, w("ind.reference")],
    [cols.source, w("ind.source")],
    [cols.commentaire, w("ind.commentaire")],
    [cols.atteinte, w("ind.atteinte", { year: campaignYear })],
  ];
  for (const [c, text] of fixed) {
    sheet.set(h, c, "tableHeader", text);
    sheet.set(h + 1, c, "tableHeader");
    sheet.merge(h, c, h + 1, c);
  }
  for (const [year, c] of cols.cible) {
    sheet.set(h, c, "tableHeader", year === campaignYear ? w("ind.campagne", { year }) : year);
    sheet.set(h, c + 1, "tableHeader");
    sheet.merge(h, c, h, c + 1);
    sheet.set(h + 1, c, "tableHeader", w("ind.cible"));
    sheet.set(h + 1, c + 1, "tableHeader", w("ind.valeur"));
  }
  row = h + 2;

  for (const ind of fiche.indicateurs) {
    const top = row;
    indicatorRow(sheet, fiche, ind, row, ctx, textCells, bind);
    row++;
    if (familleOf(ind.type) === "texte") row = reponseRows(sheet, ind, row, recit, textCells);
    if (familleOf(ind.type) === "ratio") {
      for (const part of ["numerateur", "denominateur"] as const) {
        partRow(sheet, fiche, ind, part, row, ctx, bind);
        row++;
      }
      // The rate of each year is derived from its parts (DESIGN: never entered, never averaged).
      for (const [year, vc] of cols.valeur) {
        const num = a1(top + 1, vc);
        const den = a1(top + 2, vc);
        const formula = `=IF(AND(ISNUMBER(${num}),ISNUMBER(${den}),${den}<>0),${num}/${den}*100,"")`;
        sheet.set(top, vc, "lockedRate", undefined, { formula });
        bind({ node: ind.id, kind: "taux", period: String(year), input: false, formula }, top, vc);
      }
    }
    ctx.names.push({
      name: definedName(ind.id),
      sheet: sheet.plan.name,
      ref: absolute(top, COL_ID, row - 1, cols.lastVisible),
    });
  }
  return row;
}

const LOCKED_STYLE: Record<Format, StyleKey> = {
  entier: "lockedValue",
  euros: "lockedValue",
  decimal: "lockedValue",
  pourcent: "lockedRate",
  ouiNon: "lockedText",
  texte: "lockedText",
  niveau: "lockedText",
  date: "lockedDate",
};
/** The style of a locked value, baseline or target cell of the indicator (a ratio's are rates). */
const lockedStyle = (ind: Indicateur): StyleKey => LOCKED_STYLE[valueType(ind.type).formatCible];

function indicatorRow(
  sheet: SheetBuilder,
  fiche: Fiche,
  ind: Indicateur,
  row: number,
  ctx: AxeSheetContext,
  textCells: string[],
  bind: Bind,
): void {
  const { cols, campaignYear, w } = ctx;
  // A sub-indicator reads as the published list does: « dont : … », indented under its parent.
  const text = ind.parent ? w("axe.sousIndicateur", { libelle: ind.libelle }) : ind.libelle;
  sheet.set(row, COL_ID, "meta", ind.id);
  sheet.set(row, COL_LABEL, ind.parent ? "subIndicatorLabel" : "rowLabel", text);
  sheet.fitHeight(row, text.length, 52);
  ctxLabel(ctx, sheet, row, ind.id, text);
  sheet.set(row, cols.nature, "cellInfo", w(`nature.${ind.nature}`));
  sheet.set(row, cols.type, "cellInfo", typeLabel(w, ind.type));
  sheet.set(row, cols.unite, "cellInfo", ind.unite ?? "");
  sheet.set(row, cols.sens, "cellInfo", sensLabel(w, ind.sens));
  sheet.set(row, cols.reference, lockedStyle(ind), targetCell(ind, ind.reference?.valeur, w.lang));
  const isRatio = familleOf(ind.type) === "ratio";
  sheet.set(row, cols.kind, "meta", "ind");
  sheet.set(row, cols.required, "meta", ind.obligatoire && !isRatio ? 1 : 0);
  sheet.set(row, cols.direction, "meta", ind.sens === "hausse" ? 1 : ind.sens === "baisse" ? -1 : 0);
  sheet.set(row, cols.fiche, "meta", fiche.id);
  rollupCells(sheet, ind, row, ctx, bind);

  for (const [year, c] of cols.cible) {
    const cible = cibleCell(ind, year, campaignYear);
    if (cible.kind === "saisie") {
      sheet.set(row, c, targetInputStyle(ind));
      sheet.validate(targetValidation(ctx.schema, ind, year, [a1(row, c)], w));
    } else
      sheet.set(row, c, lockedStyle(ind), cible.kind === "modele" ? targetCell(ind, cible.valeur, w.lang) : undefined);
    if (cible.kind === "saisie" || cible.kind === "reprise")
      bind({ node: ind.id, kind: "cible", period: String(year), input: cible.kind === "saisie" }, row, c);
    if (isRatio) continue; // its valeur cells are formulas, written by the caller
    const vc = cols.valeur.get(year)!;
    if (familleOf(ind.type) === "texte") {
      // Its answers have rows of their own, wide enough to read (recit.ts).
      if (year <= campaignYear) sheet.set(row, vc, "cellInfo", "↓");
      else sheet.set(row, vc, "lockedText");
    } else if (year === campaignYear) {
      sheet.set(row, vc, ind.obligatoire ? requis(inputStyle(ind.type)) : inputStyle(ind.type));
      sheet.validate(valueValidation(ctx.schema, ind, [a1(row, vc)], w));
      bind({ node: ind.id, kind: "valeur", period: String(year), input: true }, row, vc);
    } else {
      sheet.set(row, vc, lockedStyle(ind));
      bind({ node: ind.id, kind: "valeur", period: String(year), input: false }, row, vc);
    }
  }
  for (const [kind, col] of [
    ["source", cols.source],
    ["commentaire", cols.commentaire],
  ] as const) {
    sheet.set(row, col, "inputText");
    textCells.push(a1(row, col));
    bind({ node: ind.id, kind, period: String(campaignYear), input: true }, row, col);
  }
}

/**
 * An indicator's share of the fiche's rollups: its required inputs filled, and whether its target of the
 * campaign was met — a word in the visible column, read from the row's target cell (the model's target or the
 * one entered), and 1/0 for « met » and « set » in helper columns that the summaries sum.
 */
function rollupCells(sheet: SheetBuilder, ind: Indicateur, row: number, ctx: AxeSheetContext, bind: Bind): void {
  const { cols, campaignYear } = ctx;
  const vc = cols.valeur.get(campaignYear)!;
  if (ind.obligatoire) {
    const cells =
      familleOf(ind.type) === "ratio"
        ? [a1(row + 1, vc), a1(row + 2, vc)]
        : familleOf(ind.type) === "texte" // its answer of the campaign: the last of its answer rows (recit.ts)
          ? [a1(row + 1 + campaignYear - ctx.schema.periode.debut, FIRST)]
          : [a1(row, vc)];
    const formula = filledFormula(cells);
    sheet.set(row, cols.saisi, "meta", undefined, { formula });
    bind({ node: ind.id, kind: "synthese", period: "saisi", input: false, formula }, row, cols.saisi);
  }
  // A ratio's value cell of the year is its rate.
  const target = a1(row, cols.cible.get(campaignYear)!);
  const formula = judgementFormula(ind, a1(row, vc), target, ctx.w.lang);
  sheet.set(row, cols.atteinte, "jugement", undefined, formula ? { formula } : {});
  if (!formula) return;
  bind({ node: ind.id, kind: "synthese", period: "atteinte", input: false, formula }, row, cols.atteinte);
  const counts = judgementCounts(a1(row, cols.atteinte), ctx.w.lang);
  for (const [figure, f] of [
    ["cibleAtteinte", counts.atteinte],
    ["cibleFixee", counts.fixee],
  ] as const) {
    sheet.set(row, cols[figure], "meta", undefined, { formula: f });
    bind({ node: ind.id, kind: "synthese", period: figure, input: false, formula: f }, row, cols[figure]);
  }
}

function partRow(
  sheet: SheetBuilder,
  fiche: Fiche,
  ind: Indicateur,
  part: "numerateur" | "denominateur",
  row: number,
  ctx: AxeSheetContext,
  bind: Bind,
): void {
  const { cols, campaignYear, w } = ctx;
  const p = part === "numerateur" ? ind.numerateur : ind.denominateur;
  const text = w(part === "numerateur" ? "ind.numerateur" : "ind.denominateur", { libelle: p?.libelle ?? "" });
  sheet.set(row, COL_ID, "meta", `${ind.id}#${part}`);
  sheet.set(row, COL_LABEL, "subRowLabel", text);
  sheet.fitHeight(row, text.length, 50);
  ctxLabel(ctx, sheet, row, `${ind.id}#${part}`, text);
  sheet.set(row, cols.unite, "cellInfo", p?.unite ?? "");
  sheet.set(row, cols.kind, "meta", part === "numerateur" ? "num" : "den");
  sheet.set(row, cols.required, "meta", ind.obligatoire ? 1 : 0);
  sheet.set(row, cols.direction, "meta", 0);
  sheet.set(row, cols.fiche, "meta", fiche.id);
  sheet.set(row, cols.atteinte, "jugement");
  for (const [year, vc] of cols.valeur) {
    if (year === campaignYear) {
      sheet.set(row, vc, ind.obligatoire ? requis("inputDecimal") : "inputDecimal");
      // The numerator's row is just above the denominator's.
      const other = { rows: part === "numerateur" ? 1 : -1, cols: 0 };
      sheet.validate(valueValidation(ctx.schema, ind, [a1(row, vc)], w, { part, other }));
      bind({ node: ind.id, kind: part, period: String(year), input: true }, row, vc);
    } else {
      sheet.set(row, vc, "lockedValue");
      bind({ node: ind.id, kind: part, period: String(year), input: false }, row, vc);
    }
  }
}
