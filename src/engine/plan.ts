/**
 * WorkbookPlan: everything a bilan workbook contains, as plain data. The layout
 * engine makes it from a model; the .xlsx host and the Office.js host render the
 * same plan, so what is tested on the plan holds for both.
 *
 * Conventions: rows and columns are 1-based; addresses are A1 without sheet
 * (`B7`, `C5:H5`); formulas are in the invariant (en-US) syntax and start with `=`.
 */
import type { Register } from "./register";

import type { Lang } from "../i18n";

export type Scalar = string | number | boolean;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** `#RRGGBB`. */
  color?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  indent?: number;
  /** Thin border on the four sides, of this colour. */
  border?: string;
  numberFormat?: string;
  /** Input cells are unlocked; everything else stays locked on protected sheets. */
  locked: boolean;
}

export interface CellPlan {
  row: number;
  col: number;
  /** A constant, or the formula's expected result type when `formula` is set. */
  value?: Scalar;
  formula?: string;
  /** Key into `WorkbookPlan.styles`. */
  style: string;
  /** A note on the cell: a partner's comment carried into a new workbook. */
  note?: string;
}

export type ValidationRule =
  | { type: "whole" | "decimal"; min?: number; max?: number }
  | { type: "date"; min: string; max: string }
  | { type: "list"; values: string[] }
  | { type: "textLength"; max: number }
  /**
   * A ratio's numerator or denominator: a number ≥ 0, and numerator ≤ denominator once the other part holds a
   * number. `other` is where the other part is from each cell of the ranges (rows and columns to add), as a
   * relative reference is. Excel has no such type: the hosts write it as a custom-formula validation
   * (`ratioPartFormula`).
   */
  | { type: "ratioPart"; part: "numerateur" | "denominateur"; other: { rows: number; cols: number } };

export interface ValidationPlan {
  /** Addresses or ranges on the sheet, e.g. `["E12", "E14:E15"]`. */
  ranges: string[];
  rule: ValidationRule;
  allowBlank: true;
  prompt: { title: string; message: string };
  error: { style: "stop" | "warning"; title: string; message: string };
}

export type ConditionalFormatPlan =
  | {
      ranges: string[];
      /** A formula relative to the top-left cell of the first range: true → the style applies. */
      kind: "expression";
      formula: string;
      style: { fill?: string; color?: string; bold?: boolean };
      /** Evaluated in this order; the first true stops (when the host supports it). */
      priority: number;
    }
  | {
      ranges: string[];
      kind: "dataBar";
      color: string;
      min: number;
      max: number;
      priority: number;
    };

export interface ProtectionPlan {
  /** Optional; no password by default. */
  password?: string;
  allowFormatRows: true;
  allowFormatColumns: true;
  allowAutoFilter: true;
}

/**
 * How a sheet prints. Builders say what the page is (orientation, title rows and columns, a page per fiche);
 * layout/print.ts then chooses the scale, where a sheet too wide for one page is cut, and the footer.
 */
export interface PrintPlan {
  orientation: "landscape" | "portrait";
  paperSize: "A4";
  /** Rows repeated at the top of each printed page, e.g. `"1:3"`. */
  titleRows?: string;
  /** Columns repeated at the left of each page when the sheet prints in several strips, e.g. `"B:B"`. */
  titleColumns?: string;
  /** Rows that start a page (a manual break above each): every fiche's header but the first. */
  rowBreaks?: number[];
  /** Percent the sheet prints at, fixed (no fitting): chosen by print.ts from the column widths. */
  scale?: number;
  /** Columns that start a page: where a sheet too wide for one page width is cut into strips, left to right. */
  columnBreaks?: number[];
  /** Footer, left and right, in Excel's header/footer codes (`&P` page, `&N` pages, `&A` the sheet, `&&` an ampersand). */
  footer?: { left: string; right: string };
  /** Margins in inches (left and right, top and bottom, the footer's distance from the bottom edge). */
  margins?: { side: number; top: number; bottom: number; footer: number };
}

export type SheetKind = "sommaire" | "axe" | "controles" | "meta" | "annexe";

export interface SheetPlan {
  name: string;
  kind: SheetKind;
  /** The stable id of the axe, for axe sheets. */
  axeId?: string;
  visibility: "visible" | "veryHidden";
  tabColor?: string;
  /** Width in characters by column number; missing columns keep the default. */
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  /** Heights in points of rows that need more than one line. */
  rowHeights: Record<number, number>;
  cells: CellPlan[];
  merges: string[];
  freeze?: { rows: number; columns: number };
  /** Range with filter buttons on its header row, e.g. `A3:J3`. */
  autoFilter?: string;
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  protection?: ProtectionPlan;
  print?: PrintPlan;
}

export interface DefinedName {
  /** Valid Excel name (letters, digits, `_` and `.`), from the stable id. */
  name: string;
  sheet: string;
  /** Absolute range on that sheet: `$B$5:$K$20`. */
  ref: string;
}

/**
 * What a bound cell holds. Entered: `statut` (a sous-action's period), `valeur`, `numerateur`, `denominateur`,
 * `cible` (an indicator's target of a year, when the model sets none), `source`, `commentaire` (an indicator's, or
 * a sous-action's reason for its status), the fiche's narrative of a year (`realisations`, `difficultes`,
 * `perspectives`) and its budget of a year (`vote`, `engage`, `mandate`: amounts voted, committed, paid).
 * Computed: `taux`, `synthese`, `rollup`.
 */
export type BindingKind =
  | "statut"
  | "valeur"
  | "numerateur"
  | "denominateur"
  | "cible"
  | "taux"
  | "source"
  | "commentaire"
  | "realisations"
  | "difficultes"
  | "perspectives"
  | "vote"
  | "engage"
  | "mandate"
  | "synthese"
  | "rollup";

/** What one input or rollup cell is, so that a workbook can be read back by id. */
export interface CellBinding {
  /** Unique in the workbook: `<node id>@<what>`, e.g. `fa_1.ind_2@valeur:2024`. */
  key: string;
  node: string;
  /**
   * What the cell holds. Computed cells: `taux` (a ratio's rate), `synthese` (a rollup on an axe sheet: a
   * sous-action's or indicator's helper figure, a fiche's or the axe's summary; found, like every cell of an
   * axe sheet, on the row that carries its node id in column A) and `rollup` (a cell of the Sommaire, at a
   * fixed place).
   */
  kind: BindingKind;
  /** Year or period the cell is for; for `synthese` and `rollup`, the figure (`avancement`, `fait`…). */
  period?: string;
  sheet: string;
  address: string;
  /**
   * The id hidden column A holds on the cell's row, when it is not the node's own (`rowIdOf`): a fiche's narrative
   * row of a year, a text indicator's answer row of a year.
   */
  rowId?: string;
  input: boolean;
  /** For computed cells: the formula that must be there. */
  formula?: string;
}

/** One partner / territory workbook merged into a consolidated one. */
export interface SourceRef {
  /** What it covers: `territoire:<id>`, `partenaire:<id>` or `ensemble` (the whole schéma). */
  cut: string;
  /** Its name for people: « Territoire TAD Nord », « Ensemble du schéma ». */
  who: string;
  /** Hash of its values (cut, campaign, structure and every entered value): the same content, the same hash. */
  hash: string;
  /** Its file name when it was merged. */
  fichier: string;
}

export interface PlanMeta {
  /** Format of the metadata itself, raised when it changes. */
  metaVersion: 1;
  modelId: string;
  modelVersion: string;
  /** Hash of the model's structure (ids, types, order): tells whether two workbooks share a structure. */
  structureHash: string;
  campaignYear: number;
  granularite: string;
  generatedAt: string;
  cut?: { kind: "partenaire" | "territoire"; id: string; nom: string };
  /**
   * The language of the workbook's own words and values (statuses, Oui/Non, judgements), when not French:
   * absent in a French workbook, as in every workbook made before it was recorded.
   */
  lang?: Lang;
  /** A consolidated workbook: the partner / territory workbooks it holds, so that none is ever counted twice. */
  sources?: SourceRef[];
  /** A consolidated workbook: its register of returns (engine/register.ts). */
  register?: Register;
  /** Ids of the fiches the workbook holds (all, or those of the cut). */
  fiches: string[];
  /** Label cells that must keep their text (the row's id is in the hidden column A next to them). */
  labels: { sheet: string; address: string; node: string; text: string }[];
  bindings: CellBinding[];
}

export interface WorkbookPlan {
  meta: PlanMeta;
  /** The model, as JSON, stored in the workbook so that it can be checked and upgraded without the source file. */
  modelJson: string;
  styles: Record<string, CellStyle>;
  sheets: SheetPlan[];
  names: DefinedName[];
}

/** The language of a workbook, from its metadata (French when it names none). */
export const langOf = (meta: Pick<PlanMeta, "lang">): Lang => meta.lang ?? "fr";

/** A binding by its key: the first of that key, as `bindings.find` would give it. */
export type BindingOf = (key: string) => CellBinding | undefined;

/**
 * The lookup of a binding by key, indexed on first use: scanning 49,000 bindings per lookup made a ×10
 * workbook's checks quadratic, and a workbook that never looks one up builds no index.
 */
export function bindingsByKey(bindings: readonly CellBinding[]): BindingOf {
  let index: Map<string, CellBinding> | undefined;
  return (key) => {
    if (!index) {
      index = new Map();
      for (const b of bindings) if (!index.has(b.key)) index.set(b.key, b);
    }
    return index.get(key);
  };
}
