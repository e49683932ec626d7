/**
 * Notes and threaded comments of an .xlsx file: read from the zip (authors,
 * replies, the threaded comment's placeholder note not reported twice),
 * listed by validation as info findings, and written back as notes by the
 * .xlsx renderer in a file that exceljs and LibreOffice read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { loadBuiltin } from "../../../src/model/builtins";
import { renderPlanToXlsx } from "../../../src/hosts/xlsx/renderPlan";
import { snapshotXlsx } from "../../../src/hosts/xlsx/snapshot";
import { validateSnapshot } from "../../../src/engine/validate";
import type { Snapshot } from "../../../src/engine/snapshot";
import { fillValid } from "../../support/fill";
import { bindingCell, planOf } from "../../support/plans";
import { withComments } from "../../support/comments";
import { convertWithLibreOffice, disposeLibreOfficeProfile } from "../../support/libreoffice";

const schema = loadBuiltin("fiche_action_5_2022_2026");
const campaign = schema.periode.debut + 2;
const [ind1, ind2] = schema.axes[0]!.fiches[0]!.indicateurs;
const valueKey = `${ind1!.id}@valeur:${campaign}`;
const sourceKey = `${ind2!.id}@source:${campaign}`;

function bound(key: string) {
  const plan = planOf(schema);
  const b = plan.meta.bindings.find((x) => x.key === key)!;
  return { sheet: b.sheet, address: b.address };
}

async function snapshot(data: Uint8Array): Promise<Snapshot> {
  const snap = await snapshotXlsx(data, "retour.xlsx");
  if (!snap.ok) throw new Error(JSON.stringify(snap.refusal));
  return snap.snapshot;
}

const dir = mkdtempSync(join(tmpdir(), "bilan-comments-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  disposeLibreOfficeProfile();
});

async function returned(): Promise<Buffer> {
  const generated = await renderPlanToXlsx(fillValid(planOf(schema), schema));
  const value = bound(valueKey);
  const source = bound(sourceKey);
  return withComments(
    generated,
    value.sheet,
    [{ address: source.address, author: "Jean Martin", text: "Source : tableau de bord 2024 & relevé <CAF>" }],
    [
      {
        address: value.address,
        entries: [
          { author: "Marie Dupont", text: "Chiffre provisoire,\nen attente du rapport annuel." },
          { author: "Paul Lefèvre", text: "Confirmé le 12/03." },
        ],
      },
    ],
  );
}

test("a threaded comment (author, reply) and a note (author, runs) are read once each, placeholders left out", async () => {
  const snap = await snapshot(await returned());
  const value = bound(valueKey);
  const source = bound(sourceKey);
  const comments = snap.sheets.find((s) => s.name === value.sheet)!.comments!;
  expect(Object.fromEntries(comments)).toEqual({
    [value.address]: {
      kind: "fil",
      author: "Marie Dupont",
      text: "Chiffre provisoire,\nen attente du rapport annuel.",
      replies: [{ author: "Paul Lefèvre", text: "Confirmé le 12/03." }],
    },
    [source.address]: {
      kind: "note",
      author: "Jean Martin",
      text: "Jean Martin:\nSource : tableau de bord 2024 & relevé <CAF>",
    },
  });
  for (const s of snap.sheets) if (s.name !== value.sheet) expect(s.comments?.size).toBe(0);
});

test("validate lists each one as an info finding naming cell, author and text, in French and English", async () => {
  const report = validateSnapshot(await snapshot(await returned()));
  const value = bound(valueKey);
  const source = bound(sourceKey);
  const infos = report.findings.filter((f) => f.rule === "saisie.commentaire");
  expect(infos.map((f) => [f.severity, f.sheet, f.cell, f.node])).toEqual([
    ["info", value.sheet, value.address, ind1!.id],
    ["info", source.sheet, source.address, ind2!.id],
  ]);
  expect(infos[0]!.message).toBe(
    `Commentaire de Marie Dupont en ${value.address} sur « ${ind1!.libelle} » : « Chiffre provisoire, en attente du rapport annuel. » ; réponse de Paul Lefèvre : « Confirmé le 12/03. ».`,
  );
  expect(infos[0]!.messageEn).toBe(
    `Comment by Marie Dupont in ${value.address} on "${ind1!.libelle}": "Chiffre provisoire, en attente du rapport annuel."; reply by Paul Lefèvre: "Confirmé le 12/03.".`,
  );
  // Excel's « Jean Martin: » line is not repeated in the message; the value keeps the note as written.
  expect(infos[1]!.message).toBe(
    `Note de Jean Martin en ${source.address} sur « ${ind2!.libelle} » : « Source : tableau de bord 2024 & relevé <CAF> ».`,
  );
  expect(infos[1]!.value).toBe("Jean Martin:\nSource : tableau de bord 2024 & relevé <CAF>");
  expect(report.findings.some((f) => f.message.includes("[Threaded comment]"))).toBe(false);
  expect(report.comments?.map((c) => c.binding?.key)).toEqual([valueKey, sourceKey]);
  // Comments do not make a workbook wrong.
  expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("a comment outside the input cells is listed too, with the row it is on", async () => {
  const plan = fillValid(planOf(schema), schema);
  const label = plan.meta.labels.find((l) => l.node === ind1!.id)!;
  const data = await withComments(
    await renderPlanToXlsx(plan),
    "Sommaire",
    [{ address: "B2", author: "ODPE", text: "Titre à revoir" }],
    [],
  );
  const withLabel = await withComments(
    data,
    label.sheet,
    [],
    [{ address: label.address, entries: [{ author: "Marie Dupont", text: "Libellé ambigu" }] }],
  );
  const report = validateSnapshot(await snapshot(withLabel));
  const elsewhere = report.findings.filter((f) => f.rule === "saisie.commentaire-hors-saisie");
  expect(elsewhere.map((f) => [f.sheet, f.cell, f.node])).toEqual([
    ["Sommaire", "B2", undefined],
    [label.sheet, label.address, ind1!.id],
  ]);
  expect(elsewhere[0]!.message).toBe(
    "Note de ODPE en B2, hors des cellules de saisie (Sommaire) : « Titre à revoir ».",
  );
  expect(elsewhere[1]!.message).toContain(`(${ind1!.libelle})`);
});

test("notes of a plan are written with their drawing, in schema order, without an invented author; LibreOffice keeps them", async () => {
  const plan = fillValid(planOf(schema), schema);
  bindingCell(plan, valueKey).note = "Marie Dupont (commentaire repris comme note) :\nChiffre provisoire";
  const data = await renderPlanToXlsx(plan);
  const value = bound(valueKey);

  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files);
  expect(parts.filter((p) => /comments\d+\.xml$/.test(p))).toHaveLength(1);
  expect(parts.filter((p) => /vmlDrawing\d+\.vml$/.test(p))).toHaveLength(1);
  const comments = await zip.file(parts.find((p) => /comments\d+\.xml$/.test(p))!)!.async("string");
  expect(comments).toContain("<author></author>");
  for (const p of parts.filter((x) => /worksheets\/sheet\d+\.xml$/.test(x))) {
    const xml = await zip.file(p)!.async("string");
    if (!xml.includes("legacyDrawing")) continue;
    // CT_Worksheet: legacyDrawing after pageSetup and before extLst.
    expect(xml.indexOf("<legacyDrawing")).toBeGreaterThan(xml.indexOf("<pageSetup"));
    if (xml.includes("<extLst")) expect(xml.indexOf("<legacyDrawing")).toBeLessThan(xml.indexOf("<extLst"));
  }

  const expected = { kind: "note", text: "Marie Dupont (commentaire repris comme note) :\nChiffre provisoire" };
  const read = await snapshot(data);
  expect(read.sheets.find((s) => s.name === value.sheet)!.comments!.get(value.address)).toEqual(expected);

  const file = join(dir, "notes.xlsx");
  writeFileSync(file, data);
  const converted = await convertWithLibreOffice(file, join(dir, "lo"), "xlsx");
  const again = await snapshot(readFileSync(converted));
  expect(again.sheets.find((s) => s.name === value.sheet)!.comments!.get(value.address)?.text).toBe(expected.text);
}, 120_000);
