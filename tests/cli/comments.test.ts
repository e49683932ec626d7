/**
 * Comments partners type, as processes: `bilan validate` lists a threaded
 * comment and a note on input cells (and those elsewhere), and `carry-over`,
 * `upgrade` and `rollup -o` keep every one of them, as a note on the same
 * cell or as a row of *Non repris* (kept by the next run); the input file is
 * never modified.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuiltin } from "../../src/model/builtins";
import { renderPlanToXlsx } from "../../src/hosts/xlsx/renderPlan";
import { snapshotXlsx } from "../../src/hosts/xlsx/snapshot";
import { NON_REPRIS, nonReprisRows } from "../../src/engine/transfer";
import type { Finding } from "../../src/engine/validate";
import type { Snapshot } from "../../src/engine/snapshot";
import { fillValid } from "../support/fill";
import { planOf } from "../support/plans";
import { withComments } from "../support/comments";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "bilan-comments-cli-"));
const schema = loadBuiltin("fiche_action_5_2022_2026");
const plan = planOf(schema);
const campaign = plan.meta.campaignYear;
const [ind1, ind2] = schema.axes[0]!.fiches[0]!.indicateurs;
const binding = (key: string) => plan.meta.bindings.find((b) => b.key === key)!;
const thread = binding(`${ind1!.id}@valeur:${campaign}`);
const note = binding(`${ind2!.id}@source:${campaign}`);
const label = plan.meta.labels.find((l) => l.node === ind1!.id)!;

/** What was written, by a text each comment holds. */
const TEXTS = {
  thread: "Chiffre provisoire, en attente du rapport annuel.",
  reply: "Confirmé le 12/03.",
  note: "Source : tableau de bord CAF",
  label: "Libellé ambigu",
  sommaire: "Titre à revoir",
};

function bilan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin", "bilan.js"), ...args], {
    encoding: "utf8",
    cwd: dir,
    env: { ...process.env, BILAN_LANG: "" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const hash = (file: string) =>
  createHash("sha256")
    .update(readFileSync(join(dir, file)))
    .digest("hex");

async function read(file: string): Promise<Snapshot> {
  const snap = await snapshotXlsx(readFileSync(join(dir, file)), file);
  if (!snap.ok) throw new Error(`${file}: ${JSON.stringify(snap.refusal)}`);
  return snap.snapshot;
}

/** Where each text went: a note (sheet!cell) or a Non repris row (its key). */
async function whereabouts(file: string): Promise<Record<keyof typeof TEXTS, string[]>> {
  const snap = await read(file);
  const rows = nonReprisRows(snap);
  const out = {} as Record<keyof typeof TEXTS, string[]>;
  for (const [name, text] of Object.entries(TEXTS) as [keyof typeof TEXTS, string][]) {
    out[name] = [];
    for (const s of snap.sheets)
      for (const [address, c] of s.comments ?? [])
        if (c.text.includes(text)) out[name].push(`note ${s.name}!${address}`);
    for (const r of rows) if (String(r[3]).includes(text)) out[name].push(`${NON_REPRIS} ${String(r[0])}`);
  }
  return out;
}

beforeAll(async () => {
  if (!existsSync(join(root, "dist", "cli", "index.js")))
    throw new Error("dist/ is missing: run `npm run build:cli` (npm test does it)");
  let data = await renderPlanToXlsx(fillValid(planOf(schema), schema));
  data = await withComments(
    data,
    thread.sheet,
    [{ address: note.address, author: "Jean Martin", text: TEXTS.note }],
    [
      {
        address: thread.address,
        entries: [
          { author: "Marie Dupont", text: TEXTS.thread },
          { author: "Paul Lefèvre", text: TEXTS.reply },
        ],
      },
      { address: label.address, entries: [{ author: "Marie Dupont", text: TEXTS.label }] },
    ],
  );
  data = await withComments(data, "Sommaire", [{ address: "B2", author: "ODPE", text: TEXTS.sommaire }], []);
  writeFileSync(join(dir, "retour.xlsx"), data);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("validate shows the threaded comment and the note on input cells, with cell, author and text", () => {
  const r = bilan("validate", "retour.xlsx", "--format", "json");
  expect(r.code).toBe(0);
  const findings = JSON.parse(r.out) as Finding[];
  const onInputs = findings.filter((f) => f.rule === "saisie.commentaire");
  expect(onInputs.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
    ["info", thread.sheet, thread.address],
    ["info", note.sheet, note.address],
  ]);
  expect(onInputs[0]!.message).toContain(`Commentaire de Marie Dupont en ${thread.address}`);
  expect(onInputs[0]!.message).toContain(TEXTS.thread);
  expect(onInputs[0]!.message).toContain(`réponse de Paul Lefèvre : « ${TEXTS.reply} »`);
  expect(onInputs[1]!.message).toContain(`Note de Jean Martin en ${note.address}`);
  expect(onInputs[1]!.message).toContain(TEXTS.note);
  expect(findings.filter((f) => f.rule === "saisie.commentaire-hors-saisie").map((f) => f.cell)).toEqual([
    "B2",
    label.address,
  ]);
  expect(r.err).toMatch(/0 erreur\(s\), 0 avertissement\(s\), 4 info\(s\)/);

  const table = bilan("validate", "retour.xlsx", "--lang", "en");
  expect(table.out).toContain(`Comment by Marie Dupont in ${thread.address}`);
  expect(table.out).toContain(TEXTS.note);
}, 60_000);

test("carry-over keeps both: a note on the same cell, or a row of Non repris; again at the next carry-over", async () => {
  const before = hash("retour.xlsx");
  const r = bilan("carry-over", "retour.xlsx", "--year", String(campaign + 1), "-o", "suivant.xlsx");
  expect(r.code).toBe(0);
  expect(hash("retour.xlsx")).toBe(before);
  expect(r.err).toContain("1 commentaire(s) ou note(s) repris comme notes sur leur cellule, 3 gardé(s)");
  const next = await whereabouts("suivant.xlsx");
  // Last campaign's value cell is still there (locked): the thread is a note on it, with its author and reply.
  expect(next).toEqual({
    thread: [`note ${thread.sheet}!${thread.address}`],
    reply: [`note ${thread.sheet}!${thread.address}`],
    // Last campaign's source column is not in the new workbook.
    note: [`${NON_REPRIS} ${note.key}#commentaire`],
    label: [`${NON_REPRIS} commentaire@${label.sheet}!${label.address}`],
    sommaire: [`${NON_REPRIS} commentaire@Sommaire!B2`],
  });
  const carried = (await read("suivant.xlsx")).sheets.find((s) => s.name === thread.sheet)!.comments!;
  expect(carried.get(thread.address)).toEqual({
    kind: "note",
    text: `Commentaire de Marie Dupont (repris comme note) :\n${TEXTS.thread}\nRéponse de Paul Lefèvre : ${TEXTS.reply}`,
  });

  expect(bilan("carry-over", "suivant.xlsx", "--year", String(campaign + 2), "-o", "apres.xlsx").code).toBe(0);
  expect(await whereabouts("apres.xlsx")).toEqual(next);
  // A rollup copy of the carried-over workbook keeps its Non repris rows too.
  expect(bilan("rollup", "suivant.xlsx", "-o", "suivant-copie.xlsx").code).toBe(0);
  expect(await whereabouts("suivant-copie.xlsx")).toEqual(next);
}, 180_000);

test("upgrade: a removed indicator's comments go to Non repris, the others stay on their cells", async () => {
  const v2 = structuredClone(schema) as unknown as {
    version: string;
    axes: { fiches: { indicateurs: unknown[] }[] }[];
  };
  v2.version = "1.1.0";
  v2.axes[0]!.fiches[0]!.indicateurs.shift();
  writeFileSync(join(dir, "modele-v2.json"), JSON.stringify(v2));
  const r = bilan("upgrade", "retour.xlsx", "--schema", "modele-v2.json", "-o", "v2.xlsx");
  expect(r.code).toBe(0);
  const up = await whereabouts("v2.xlsx");
  expect(up.thread).toEqual([`${NON_REPRIS} ${thread.key}#commentaire`]);
  expect(up.label).toEqual([`${NON_REPRIS} commentaire@${label.sheet}!${label.address}`]);
  expect(up.note).toHaveLength(1);
  expect(up.note[0]).toMatch(/^note /);
  const rows = nonReprisRows(await read("v2.xlsx"));
  const row = rows.find((x) => x[0] === `${thread.key}#commentaire`)!;
  expect(row).toEqual([
    `${thread.key}#commentaire`,
    ind1!.libelle,
    `${thread.sheet}!${thread.address}`,
    expect.stringContaining(TEXTS.reply),
    "commentaire sur une cellule qui n'a pas de place dans ce classeur",
  ]);
}, 60_000);

test("rollup -o keeps the comments on their cells and lists those elsewhere in Non repris", async () => {
  const r = bilan("rollup", "retour.xlsx", "-o", "copie.xlsx");
  expect(r.code).toBe(0);
  expect(await whereabouts("copie.xlsx")).toEqual({
    thread: [`note ${thread.sheet}!${thread.address}`],
    reply: [`note ${thread.sheet}!${thread.address}`],
    note: [`note ${note.sheet}!${note.address}`],
    label: [`${NON_REPRIS} commentaire@${label.sheet}!${label.address}`],
    sommaire: [`${NON_REPRIS} commentaire@Sommaire!B2`],
  });
  // The copy is still a valid bilan: its notes are listed, nothing else.
  const copy = JSON.parse(bilan("validate", "copie.xlsx", "--format", "json").out) as Finding[];
  expect(copy.filter((f) => f.severity !== "info")).toEqual([]);
  expect(copy.filter((f) => f.rule === "saisie.commentaire").map((f) => f.cell)).toEqual([
    thread.address,
    note.address,
  ]);
}, 60_000);

test("consolidate lists each partner's comments with its values, in « Valeurs par source »", async () => {
  const r = bilan("consolidate", "retour.xlsx", "-o", "maitre.xlsx");
  expect(r.code).toBe(0);
  const sheet = (await read("maitre.xlsx")).sheets.find((s) => s.name === "Valeurs par source")!;
  // The table's columns found by their headers: « Clé » and « Valeur ».
  const column = (header: string) =>
    [...sheet.cells].find(([, c]) => c.value === header)?.[0].replace(/\d+$/, "") ?? "?";
  const [keyCol, valueCol] = [column("Clé"), column("Valeur")];
  const rows = [...sheet.cells]
    .filter(([a]) => a.replace(/\d+$/, "") === keyCol)
    .map(([a, c]) => [String(c.value), a.slice(keyCol.length)]);
  const textOf = (key: string) => sheet.cells.get(`${valueCol}${rows.find(([k]) => k === key)?.[1]}`)?.value;
  expect(textOf(`${thread.key}#commentaire`)).toBe(
    `Commentaire de Marie Dupont (repris comme note) :\n${TEXTS.thread}\nRéponse de Paul Lefèvre : ${TEXTS.reply}`,
  );
  expect(textOf(`${note.key}#commentaire`)).toContain(TEXTS.note);
  expect(textOf(`commentaire@${label.sheet}!${label.address}`)).toContain(TEXTS.label);
  expect(textOf("commentaire@Sommaire!B2")).toContain(TEXTS.sommaire);
}, 60_000);
