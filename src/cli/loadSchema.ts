/** Finds the model a command is about: a built-in id, or a JSON / CSV / XLSX file. */
import { existsSync, readFileSync } from "node:fs";
import { extname, basename } from "node:path";
import { BUILTIN_IDS, isBuiltin, loadBuiltin } from "../model/builtins";
import { issue, type ModelIssue } from "../model/issues";
import { parseSchemaJson, type ParseResult } from "../model/parse";
import { readCsv } from "../model/referentiel/csv";
import { decodeText } from "../model/textFile";
import { fromTable } from "../model/referentiel/fromTable";
import { inLang, type Lang, type Params } from "../i18n";
import type { Schema } from "../model/schema";
import { printInfos, UserError } from "./output";
import { withTypedTargets } from "../engine/layout/cibles";

/** `infos`: how the file was read (an encoding other than UTF-8), said once to the user. */
export type Loaded = ParseResult & { unreadable?: boolean; infos?: ModelIssue[] };

const unreadable = (file: string, code: Parameters<typeof issue>[1], params: Params = {}): Loaded => ({
  ok: false,
  unreadable: true,
  errors: [issue("", code, { file, ...params })],
  warnings: [],
});

export async function loadSchema(ref: string, sheet?: string): Promise<Loaded> {
  if (isBuiltin(ref)) return { ok: true, schema: loadBuiltin(ref), warnings: [] };
  if (!existsSync(ref)) {
    return /[./\\]/.test(ref)
      ? unreadable(ref, "file.notFound")
      : unreadable(ref, "cli.unknownSchema", { value: ref, known: BUILTIN_IDS.join(", ") });
  }
  const name = basename(ref);
  let data: Buffer;
  try {
    data = readFileSync(ref);
  } catch (e) {
    return unreadable(name, "file.unreadable", { reason: (e as Error).message });
  }
  const ext = extname(ref).toLowerCase();
  if (ext === ".json" || ext === ".csv" || ext === ".tsv" || ext === ".txt") {
    const decoded = decodeText(data, name);
    if (!decoded.ok) return { ok: false, unreadable: true, errors: [decoded.error], warnings: [] };
    const parsed = ext === ".json" ? parseSchemaJson(decoded.text) : fromTable(readCsv(decoded.text, name));
    return { ...parsed, infos: decoded.infos };
  }
  if (ext === ".xlsx") {
    // The workbook reader is loaded only for a workbook: `validate` reads partner files in a worker, and loading
    // exceljs in this thread too was a good part of its time on an Essonne-sized file.
    const { BilanWorkbook, readReferentielXlsx, RefusedWorkbook, SheetNotFound } =
      await import("../hosts/xlsx/referentielSheet");
    try {
      return fromTable(await readReferentielXlsx(data, name, sheet));
    } catch (e) {
      // The same reasons, in the same words, as `validate` gives for a partner's file.
      if (e instanceof RefusedWorkbook) return unreadable(name, e.refusal.key, e.refusal.params);
      if (e instanceof BilanWorkbook) return fromBilan(ref, name);
      if (e instanceof SheetNotFound)
        return unreadable(name, "ref.sheetMissing", { sheet: e.sheet, known: e.known.join(", ") });
      return unreadable(name, "file.unreadable", { reason: (e as Error).message });
    }
  }
  return unreadable(name, "file.unknownFormat");
}

/** The model a command is given with --schema, or a UserError with its errors. */
export async function loadSchemaOrFail(ref: string, lang: Lang): Promise<Schema> {
  const loaded = await loadSchema(ref);
  printInfos(loaded.infos, lang);
  if (!loaded.ok) throw new UserError(loaded.errors.map((e) => inLang(lang, e)).join("\n"));
  return loaded.schema;
}

/** A bilan workbook: the model it was made from, with the targets typed in it (layout/cibles.ts). */
async function fromBilan(file: string, name: string): Promise<Loaded> {
  const { readAndValidate } = await import("./validateOne");
  const { report } = await readAndValidate(file, {});
  if (!report.schema || !report.values) {
    const f = report.findings[0];
    return unreadable(name, "file.unreadable", { reason: f?.message ?? "" });
  }
  const { schema, count } = withTypedTargets(report.schema, report.values);
  return { ok: true, schema, warnings: [], infos: [issue("", "ref.fromBilan", { file: name, count })] };
}
