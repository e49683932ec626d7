/**
 * The plan's styles, validations and conditional formats in the shapes the
 * Excel JavaScript API takes. Pure functions: the host applies them.
 */
import type { CellStyle, ConditionalFormatPlan, ValidationPlan, ValidationRule } from "../../engine/plan";
import { ratioPartFormulaAt } from "../../engine/layout/inputs";

/** Excel's largest number: a decimal validation without bounds still needs two. */
const ANY_NUMBER = 9.99999999999999e307;

/** Column width in characters (the plan's unit, as in .xlsx) → points (Office.js' unit). */
export const widthInPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

export interface OfficeFormat {
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  fill?: string;
  horizontalAlignment?: (typeof HORIZONTAL)[keyof typeof HORIZONTAL];
  verticalAlignment?: (typeof VERTICAL)[keyof typeof VERTICAL];
  wrapText: boolean;
  indentLevel?: number;
  border?: string;
  locked: boolean;
}

export function officeFormat(s: CellStyle): OfficeFormat {
  return {
    font: {
      name: "Calibri",
      size: s.size ?? 11,
      bold: Boolean(s.bold),
      italic: Boolean(s.italic),
      color: s.color ?? "#000000",
    },
    ...(s.fill ? { fill: s.fill } : {}),
    ...(s.horizontal ? { horizontalAlignment: HORIZONTAL[s.horizontal] } : {}),
    ...(s.vertical ? { verticalAlignment: VERTICAL[s.vertical] } : {}),
    wrapText: Boolean(s.wrap),
    ...(s.indent ? { indentLevel: s.indent } : {}),
    ...(s.border ? { border: s.border } : {}),
    locked: s.locked,
  };
}

type Operator = "Between" | "GreaterThanOrEqualTo" | "LessThanOrEqualTo";
interface Basic {
  formula1: number | string;
  formula2?: number | string;
  operator: Operator;
}

export type OfficeValidationRule =
  | { wholeNumber: Basic }
  | { decimal: Basic }
  | { date: Basic }
  | { textLength: Basic }
  | { list: { inCellDropDown: true; source: string } }
  | { custom: { formula: string } };

function basic(min: number | undefined, max: number | undefined): Basic {
  if (min !== undefined && max !== undefined) return { formula1: min, formula2: max, operator: "Between" };
  if (min !== undefined) return { formula1: min, operator: "GreaterThanOrEqualTo" };
  if (max !== undefined) return { formula1: max, operator: "LessThanOrEqualTo" };
  return { formula1: -ANY_NUMBER, formula2: ANY_NUMBER, operator: "Between" };
}

/** `2024-01-31` → `=DATE(2024,1,31)`: a formula, the one date form every Excel reads the same. */
function dateFormula(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `=DATE(${y},${m},${d})`;
}

/** The rule in Office.js' shape; `at` is the top-left cell of the range it is set on (relative references start there). */
export function officeRule(r: ValidationRule, at: { row: number; col: number }): OfficeValidationRule {
  switch (r.type) {
    case "whole":
      return { wholeNumber: basic(r.min, r.max) };
    case "decimal":
      return { decimal: basic(r.min, r.max) };
    case "date":
      return { date: { formula1: dateFormula(r.min), formula2: dateFormula(r.max), operator: "Between" } };
    case "textLength":
      return { textLength: { formula1: r.max, operator: "LessThanOrEqualTo" } };
    case "list":
      return { list: { inCellDropDown: true, source: r.values.join(",") } };
    case "ratioPart":
      return { custom: { formula: ratioPartFormulaAt(r, at.row, at.col) } };
  }
}

/** Whether a rule's formula holds relative references, so that it must be set range by range. */
export const isRelative = (r: ValidationRule) => r.type === "ratioPart";

export function officeValidation(v: ValidationPlan, at: { row: number; col: number }) {
  return {
    rule: officeRule(v.rule, at),
    prompt: { showPrompt: true, title: v.prompt.title, message: v.prompt.message },
    errorAlert: {
      showAlert: true,
      style: v.error.style === "stop" ? ("Stop" as const) : ("Warning" as const),
      title: v.error.title,
      message: v.error.message,
    },
    ignoreBlanks: v.allowBlank,
  };
}

/** Conditional formats in evaluation order (Office.js priority 0 is evaluated first). */
export function orderedFormats(formats: ConditionalFormatPlan[]): ConditionalFormatPlan[] {
  return formats
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.priority - b.f.priority || a.i - b.i)
    .map(({ f }) => f);
}

/** A constant as Office.js must receive it: text that looks like a formula or a number is kept as text. */
export function constantInput(value: string | number | boolean): string | number | boolean {
  if (typeof value !== "string") return value;
  // A leading `'` is Excel's text prefix itself: a text that starts with one keeps it only behind another.
  return /^[=+\-@']/.test(value) || (value.trim() !== "" && !Number.isNaN(Number(value))) ? `'${value}` : value;
}
