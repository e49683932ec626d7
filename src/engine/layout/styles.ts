/** The workbook's styles, by key. One place for colours so the bilan looks the same in every host. */
import type { CellStyle } from "../plan";

export const COLORS = {
  ink: "#1F2937",
  muted: "#6B7280",
  title: "#1E3A5F",
  fiche: "#DCE6F2",
  header: "#EEF2F7",
  border: "#B8C4D2",
  input: "#FFFFFF",
  locked: "#F3F4F6",
  unplanned: "#D9D9D9",
  /** Planned after the campaign: lighter than unplanned, with its word « prévu ». */
  futur: "#EDEDED",
  missing: "#FFF4CE",
  wrongDirection: "#F8D7DA",
  progress: "#5B9BD5",
  status: {
    Réalisé: "#C6EFCE",
    "En cours": "#FFEB9C",
    Reporté: "#F8CBAD",
    Abandonné: "#BFBFBF",
    "Non commencé": "#FCE4D6",
  } as Record<string, string>,
  /** A target judged (atteinte.ts JUGEMENTS): fill and text. */
  jugement: {
    atteinte: { fill: "#C6EFCE", color: "#006100" },
    nonAtteinte: { fill: "#FFC7CE", color: "#9C0006" },
    nonRenseignee: { fill: "#FFEB9C", color: "#9C5700" },
    sansCible: { color: "#6B7280" },
  },
} as const;

const ro = { locked: true } as const;
// Cells of a row line up at the top: labels wrap over several lines, figures stay on their first.
const input = { locked: false, fill: COLORS.input, border: COLORS.border, vertical: "top" } as const;

export const STYLES = {
  title: { ...ro, bold: true, size: 16, color: COLORS.title },
  subtitle: { ...ro, size: 11, color: COLORS.muted },
  text: { ...ro, wrap: true, vertical: "top" },
  label: { ...ro, bold: true, color: COLORS.ink, vertical: "top" },
  note: { ...ro, italic: true, color: COLORS.muted, wrap: true, vertical: "top" },
  ficheHeader: { ...ro, bold: true, size: 12, fill: COLORS.fiche, color: COLORS.title, vertical: "middle", wrap: true },
  ficheInfo: { ...ro, wrap: true, vertical: "top", color: COLORS.ink },
  tableHeader: {
    ...ro,
    bold: true,
    fill: COLORS.header,
    border: COLORS.border,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  },
  /** Headers of a summary row: smaller, so that « Avancement » fits a calendar column. */
  syntheseHeader: {
    ...ro,
    bold: true,
    size: 9,
    fill: COLORS.header,
    border: COLORS.border,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  },
  rowLabel: { ...ro, wrap: true, vertical: "top", border: COLORS.border },
  subRowLabel: { ...ro, wrap: true, vertical: "top", border: COLORS.border, indent: 2, italic: true },
  cellInfo: { ...ro, wrap: true, vertical: "top", horizontal: "center", border: COLORS.border, color: COLORS.muted },
  jalonLabel: { ...ro, italic: true, wrap: true, vertical: "top", color: COLORS.title, border: COLORS.border },
  jalon: { ...ro, vertical: "top", horizontal: "center", color: COLORS.title, border: COLORS.border },
  unplanned: { ...ro, fill: COLORS.unplanned, border: COLORS.border, horizontal: "center", color: COLORS.muted },
  futur: {
    ...ro,
    fill: COLORS.futur,
    border: COLORS.border,
    horizontal: "center",
    vertical: "top",
    italic: true,
    size: 9,
    color: COLORS.muted,
  },
  lockedValue: {
    ...ro,
    vertical: "top",
    fill: COLORS.locked,
    border: COLORS.border,
    horizontal: "right",
    numberFormat: "#,##0.##",
  },
  lockedRate: {
    ...ro,
    vertical: "top",
    fill: COLORS.locked,
    border: COLORS.border,
    horizontal: "right",
    numberFormat: '0.0" %"',
  },
  lockedText: { ...ro, fill: COLORS.locked, border: COLORS.border, wrap: true, vertical: "top" },
  lockedDate: {
    ...ro,
    vertical: "top",
    fill: COLORS.locked,
    border: COLORS.border,
    horizontal: "center",
    numberFormat: "dd/mm/yyyy",
  },
  // Wrapped: « Non commencé » is wider than a period column, and breaks between its words.
  inputStatus: { ...input, horizontal: "center", wrap: true },
  statutRepris: {
    ...ro,
    horizontal: "center",
    vertical: "top",
    border: COLORS.border,
    italic: true,
    color: COLORS.muted,
  },
  // General: a decimal typed into a count shows as typed (3,5, not « 4 »), for validate to flag and the user to see.
  inputCount: { ...input, horizontal: "right", numberFormat: "General" },
  inputDecimal: { ...input, horizontal: "right", numberFormat: "#,##0.##" },
  inputRate: { ...input, horizontal: "right", numberFormat: '0.0" %"' },
  inputAmount: { ...input, horizontal: "right", numberFormat: '#,##0.00" €"' },
  lockedAmount: {
    ...ro,
    vertical: "top",
    fill: COLORS.locked,
    border: COLORS.border,
    horizontal: "right",
    numberFormat: '#,##0.00" €"',
  },
  inputDate: { ...input, horizontal: "center", numberFormat: "dd/mm/yyyy" },
  inputText: { ...input, wrap: true },
  inputBoolean: { ...input, horizontal: "center" },
  inputNarrative: { ...input, wrap: true, horizontal: "left" },
  lockedNarrative: { ...ro, fill: COLORS.locked, border: COLORS.border, wrap: true, vertical: "top", italic: true },
  rollupLabel: { ...ro, bold: true, fill: COLORS.header, border: COLORS.border, wrap: true, vertical: "middle" },
  /** A locked share of a row (a budget's consumption rate). */
  lockedShare: {
    ...ro,
    vertical: "top",
    fill: COLORS.locked,
    border: COLORS.border,
    horizontal: "right",
    numberFormat: "0%",
  },
  rollupValue: { ...ro, vertical: "top", bold: true, border: COLORS.border, horizontal: "center", numberFormat: "0%" },
  rollupText: { ...ro, vertical: "top", bold: true, border: COLORS.border, horizontal: "center" },
  jugement: { ...ro, vertical: "top", fill: COLORS.locked, border: COLORS.border, horizontal: "center", wrap: true },
  rollupCount: { ...ro, vertical: "top", bold: true, border: COLORS.border, horizontal: "center", numberFormat: "0" },
  link: { ...ro, color: "#0563C1", wrap: true, vertical: "top", border: COLORS.border },
  meta: { ...ro },
} satisfies Record<string, CellStyle>;

export type StyleKey = keyof typeof STYLES;
