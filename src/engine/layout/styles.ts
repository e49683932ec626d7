/** The workbook's styles, by key. One place for colours so the bilan looks the same in every host. */
import type { CellStyle } from "../plan";
import { NBSP } from "../../util/typography";

/**
 * The colours of states: each says one thing, and none says it alone (a status cell holds its word, a future
 * period « prévu », a judged target its word, a required input a dark frame). They were chosen so that every
 * pair of them — and the error mark of validate/marks.ts (#FF8B8B) and a plain input (#FFFFFF) — differs by a
 * CIEDE2000 ΔE00 of at least 12, for normal vision and for a deuteranope (Machado et al. 2009, severity 1.0);
 * tests/engine/layout/palette.test.ts checks it. Closest pairs (ΔE00, deuteranope): Réalisé/En cours 12.2,
 * futur/saisie 12.5, Atteinte/Non atteinte 13.0, Réalisé/erreur 13.0, Non commencé/futur 13.5, futur/saisie
 * (normal vision) 14.6, Reporté/Atteinte 14.9, saisie vide/erreur 15.0; every other pair is further apart.
 * Dark fills take white text, light ones the ink: each pair has a contrast of at least 4.5:1 (WCAG AA).
 */
const STATE = {
  realise: { fill: "#6AD527", color: "#1F2937" },
  enCours: { fill: "#FFE81A", color: "#1F2937" },
  reporte: { fill: "#C8400F", color: "#FFFFFF" },
  abandonne: { fill: "#575757", color: "#FFFFFF" },
  nonCommence: { fill: "#7CC8F0", color: "#1F2937" },
  /** A required input still empty (« saisie attendue vide »); a target « non renseignée » says the same. */
  missing: { fill: "#F3FBBE", color: "#1F2937" },
  /** A period the sous-action does not plan. */
  unplanned: { fill: "#9A9A9A", color: "#1F2937" },
  /** A period planned after the campaign, with its word « prévu ». */
  futur: { fill: "#D3C9DA", color: "#1F2937" },
  atteinte: { fill: "#1B7D44", color: "#FFFFFF" },
  /** A target not met; a value on the wrong side of its target says the same. */
  nonAtteinte: { fill: "#8A1A0C", color: "#FFFFFF" },
} as const;

export const COLORS = {
  ink: "#1F2937",
  muted: "#6B7280",
  title: "#1E3A5F",
  fiche: "#DCE6F2",
  header: "#EEF2F7",
  border: "#B8C4D2",
  /** The frame of a required input: dark, so that it shows without colour vision and in greyscale print. */
  required: "#1E3A5F",
  input: "#FFFFFF",
  locked: "#F3F4F6",
  unplanned: STATE.unplanned.fill,
  futur: STATE.futur.fill,
  missing: STATE.missing,
  wrongDirection: STATE.nonAtteinte,
  /** The tab of the Contrôles sheet. */
  controles: "#C0392B",
  progress: "#5B9BD5",
  /** The conditional format of each status word: fill and text. */
  status: {
    Réalisé: STATE.realise,
    "En cours": STATE.enCours,
    Reporté: STATE.reporte,
    Abandonné: STATE.abandonne,
    "Non commencé": STATE.nonCommence,
  } as Record<string, { fill: string; color: string }>,
  /** A target judged (atteinte.ts JUGEMENTS): fill and text. */
  jugement: {
    atteinte: STATE.atteinte,
    nonAtteinte: STATE.nonAtteinte,
    nonRenseignee: STATE.missing,
    sansCible: { color: "#6B7280" },
  },
} as const;

/** Every state colour, by name: what the palette test compares. */
export const STATE_COLORS: Record<keyof typeof STATE, { fill: string; color: string }> = STATE;

const ro = { locked: true } as const;
// Cells of a row line up at the top: labels wrap over several lines, figures stay on their first.
const input = { locked: false, fill: COLORS.input, border: COLORS.border, vertical: "top" } as const;

const BASE_STYLES = {
  title: { ...ro, bold: true, size: 16, color: COLORS.title },
  /** An axe sheet's title, merged across the sheet: wrapped where printing cuts it at the first strip (print.ts). */
  axeTitle: { ...ro, bold: true, size: 16, color: COLORS.title, wrap: true, vertical: "top" },
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
  /** Headers of a summary row: smaller, so that « Avancement » fits a calendar column, yet no smaller than 10 pt: the sheet then prints at 80 % (8 pt) in two strips. */
  syntheseHeader: {
    ...ro,
    bold: true,
    size: 10,
    fill: COLORS.header,
    border: COLORS.border,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  },
  rowLabel: { ...ro, wrap: true, vertical: "top", border: COLORS.border },
  subRowLabel: { ...ro, wrap: true, vertical: "top", border: COLORS.border, indent: 2, italic: true },
  subIndicatorLabel: { ...ro, wrap: true, vertical: "top", border: COLORS.border, indent: 2 },
  cellInfo: { ...ro, wrap: true, vertical: "top", horizontal: "center", border: COLORS.border, color: COLORS.muted },
  jalonLabel: { ...ro, italic: true, wrap: true, vertical: "top", color: COLORS.title, border: COLORS.border },
  jalon: { ...ro, vertical: "top", horizontal: "center", color: COLORS.title, border: COLORS.border },
  unplanned: {
    ...ro,
    fill: COLORS.unplanned,
    border: COLORS.border,
    horizontal: "center",
    color: STATE.unplanned.color,
  },
  futur: {
    ...ro,
    fill: COLORS.futur,
    border: COLORS.border,
    horizontal: "center",
    vertical: "top",
    italic: true,
    size: 10,
    color: STATE.futur.color,
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
    numberFormat: `0.0"${NBSP}%"`,
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
  /** Every status cell of a campaign is expected: framed as required. Wrapped: « Non commencé » is wider than a
   * period column, and breaks between its words. */
  inputStatus: { ...input, border: COLORS.required, horizontal: "center", wrap: true },
  /** An earlier campaign's status, locked: on the locked fill, so that it does not look like a status to enter. */
  statutRepris: {
    ...ro,
    fill: COLORS.locked,
    horizontal: "center",
    vertical: "top",
    border: COLORS.border,
    italic: true,
    color: COLORS.muted,
  },
  // General: a decimal typed into a count shows as typed (3,5, not « 4 »), for validate to flag and the user to see.
  inputCount: { ...input, horizontal: "right", numberFormat: "General" },
  inputDecimal: { ...input, horizontal: "right", numberFormat: "#,##0.##" },
  inputRate: { ...input, horizontal: "right", numberFormat: `0.0"${NBSP}%"` },
  inputAmount: { ...input, horizontal: "right", numberFormat: `#,##0.00"${NBSP}€"` },
  lockedAmount: {
    ...ro,
    vertical: "top",
    fill: COLORS.locked,
    border: COLORS.border,
    horizontal: "right",
    numberFormat: `#,##0.00"${NBSP}€"`,
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

/** The input styles a required value takes, framed by `COLORS.required`. */
const REQUIRABLE = [
  "inputCount",
  "inputDecimal",
  "inputRate",
  "inputAmount",
  "inputDate",
  "inputText",
  "inputBoolean",
] as const;
export type Requirable = (typeof REQUIRABLE)[number];

/** The style of a required input of this style: the same, in a dark frame (what is expected does not rely on yellow). */
export const requis = (style: Requirable): `${Requirable}Requis` => `${style}Requis`;

export const STYLES = {
  ...BASE_STYLES,
  ...(Object.fromEntries(REQUIRABLE.map((k) => [requis(k), { ...BASE_STYLES[k], border: COLORS.required }])) as Record<
    `${Requirable}Requis`,
    CellStyle
  >),
};

export type StyleKey = keyof typeof STYLES;
