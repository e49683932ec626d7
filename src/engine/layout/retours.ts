/**
 * The sheets of a master's register of returns (engine/register.ts): *Suivi des
 * retours*, one row per expected return, filterable, whose state column is the
 * one input (a list: attendu, reçu, à corriger, validé); *Constats des retours*,
 * the findings of each submission, which each return links to; *Modifications*,
 * what each resubmission changed, value by value, with a link to the cell.
 */
import { a1, colLetter, hyperlinkFormula } from "../../util/a1";
import type { CellBinding, SheetPlan } from "../plan";
import { ETATS, REGISTER_ETAT_COL, REGISTER_HEADER_ROW, REGISTER_SHEET, type Register } from "../register";
import { evenementText } from "../registerReport";
import { SheetBuilder } from "./sheetBuilder";
import { buildTableSheet, TABLE_HEADER_ROW } from "./tableSheet";
import { COLORS } from "./styles";

export const CONSTATS_SHEET = "Constats des retours";
export const MODIFICATIONS_SHEET = "Modifications";
export const RETOURS_SHEETS = [REGISTER_SHEET, CONSTATS_SHEET, MODIFICATIONS_SHEET];

const COLUMNS: [string, number][] = [
  ["Retour", 30],
  ["État", 12],
  ["Reçu le", 11],
  ["Fichier", 20],
  ["Empreinte", 15],
  ["Erreurs", 8],
  ["Avertissements", 14],
  ["Constats", 12],
  ["Modifications", 17],
  ["Historique", 50],
];
const WHO_WIDTH = COLUMNS[0]![1];
const HISTORY_WIDTH = COLUMNS[COLUMNS.length - 1]![1];

const day = (iso: string) => iso.slice(0, 10);

/** Cell of a binding key in the master, for a Modifications row. */
type Where = (key: string) => CellBinding | undefined;

export function buildRetours(register: Register, campaignYear: number, where: Where): SheetPlan[] {
  const constatsRows = register.retours.flatMap((r) =>
    r.constats.map(([severity, place, rule, message]) => [r.who, severity, place, rule, message]),
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
        cells: [r.who, b ? `${b.sheet}!${b.address}` : "", key, avant ?? "", apres ?? ""],
        ...(b ? { link: { sheet: b.sheet, address: b.address } } : {}),
      });
    }

  const suivi = new SheetBuilder(REGISTER_SHEET, "annexe");
  const s = suivi.plan;
  s.tabColor = COLORS.controles;
  const awaited = register.retours.filter((r) => r.etat === "attendu").length;
  suivi.set(1, 2, "title", `Suivi des retours de la campagne ${campaignYear}`);
  suivi.set(
    2,
    2,
    "note",
    `${register.retours.length} retours attendus, ${awaited} sans réponse au ${day(register.date)}. ` +
      "La colonne État se modifie ici (reçu → validé, ou → à corriger) ; la consolidation suivante le relit.",
  );
  suivi.set(
    3,
    2,
    "note",
    "Un retour validé est verrouillé : un nouveau fichier pour lui est refusé tant que son état n'est pas changé.",
  );
  suivi.merge(2, 2, 2, COLUMNS.length + 1);
  suivi.merge(3, 2, 3, COLUMNS.length + 1);
  s.columnWidths[1] = 4;
  s.hiddenColumns.push(1);
  COLUMNS.forEach(([text, width], i) => {
    suivi.set(REGISTER_HEADER_ROW, i + 2, "tableHeader", text);
    s.columnWidths[i + 2] = width;
  });
  register.retours.forEach((r, i) => {
    const at = REGISTER_HEADER_ROW + 1 + i;
    suivi.set(at, 1, "meta", r.cut);
    suivi.setAsTyped(at, 2, "rowLabel", r.who);
    suivi.setAsTyped(at, REGISTER_ETAT_COL, "inputStatus", r.etat);
    suivi.set(at, 4, "cellInfo", r.recu ? day(r.recu) : undefined);
    suivi.setAsTyped(at, 5, "rowLabel", r.sources.map((x) => x.fichier).join(", ") || undefined);
    suivi.set(at, 6, "cellInfo", r.sources.map((x) => x.hash).join("+") || undefined);
    const checked = r.sources.length > 0 || r.ecarte !== undefined;
    suivi.set(at, 7, "cellInfo", checked ? r.erreurs : undefined);
    suivi.set(at, 8, "cellInfo", checked ? r.avertissements : undefined);
    const c = firstConstat.get(r.cut);
    if (c)
      suivi.set(at, 9, "link", `${r.constats.length} constat(s)`, {
        formula: hyperlinkFormula(CONSTATS_SHEET, a1(c, 1), `${r.constats.length} constat(s)`),
      });
    else suivi.set(at, 9, "cellInfo");
    const m = firstMod.get(r.cut);
    if (m)
      suivi.set(at, 10, "link", `${r.modifications.length} modification(s)`, {
        formula: hyperlinkFormula(MODIFICATIONS_SHEET, a1(m, 1), `${r.modifications.length} modification(s)`),
      });
    else suivi.set(at, 10, "cellInfo");
    const history = r.historique.map((e) => evenementText("fr", e));
    suivi.setAsTyped(at, 11, "rowLabel", history.join("\n") || undefined);
    // Tall enough for the name and for each event of the history on its own lines.
    const width = HISTORY_WIDTH - 2;
    const lines = history.reduce((n, h) => n + Math.ceil(h.length / width), 0);
    suivi.fitHeight(at, Math.max(r.who.length, lines * (WHO_WIDTH - 2)), WHO_WIDTH);
  });
  const last = REGISTER_HEADER_ROW + Math.max(1, register.retours.length);
  const etats = `${colLetter(REGISTER_ETAT_COL)}${REGISTER_HEADER_ROW + 1}:${colLetter(REGISTER_ETAT_COL)}${last}`;
  suivi.validate({
    ranges: [etats],
    rule: { type: "list", values: [...ETATS] },
    allowBlank: true,
    prompt: { title: "État du retour", message: "attendu, reçu, à corriger ou validé (validé verrouille le retour)." },
    error: { style: "stop", title: "État du retour", message: "Choisir : attendu, reçu, à corriger ou validé." },
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
    name: CONSTATS_SHEET,
    title: "Constats des retours",
    note: "Les erreurs et avertissements trouvés dans le dernier fichier de chaque retour.",
    columns: [
      ["Retour", 30],
      ["Gravité", 12],
      ["Où", 30],
      ["Règle", 20],
      ["Message", 70],
    ],
    rows: constatsRows,
  }).plan;
  const mods = buildTableSheet({
    name: MODIFICATIONS_SHEET,
    title: "Modifications",
    note: "Ce que le dernier envoi de chaque retour a changé par rapport au précédent, valeur par valeur (vide : cellule vide).",
    columns: [
      ["Retour", 30],
      ["Cellule", 30],
      ["Clé", 34],
      ["Ancienne valeur", 24],
      ["Nouvelle valeur", 24],
    ],
    rows: modRows.map((m) => m.cells),
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
