/**
 * `bilan import-text FILE.txt|.md|.docx [-o model.json] [--report report.md] [--corrections c.json | --from ref]`:
 * a draft model from a schéma's published text, and the review report of what the import was unsure of. With a
 * corrections file (decision key → value) or a corrected référentiel (`--from`), the person's choices are applied.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { inLang, t, type Lang } from "../i18n";
import { importText, type Corrections } from "../model/importText";
import { correctionsFromModel } from "../model/importText/corrections";
import { reviewReport } from "../model/importText/report";
import { parseSchema } from "../model/parse";
import { decodeText } from "../model/textFile";
import { docxText } from "../hosts/docx/paragraphs";
import { loadSchemaOrFail } from "./loadSchema";
import { printIssues, UserError, writeOutput } from "./output";

export interface ImportTextOptions {
  output?: string;
  report?: string;
  corrections?: string;
  from?: string;
  force: boolean;
}

async function readSource(file: string, lang: Lang): Promise<string> {
  if (!existsSync(file)) throw new UserError(t(lang, "file.notFound", { file }));
  const data = readFileSync(file);
  const ext = extname(file).toLowerCase();
  if (ext === ".docx") {
    try {
      return await docxText(data);
    } catch (e) {
      throw new UserError(t(lang, "importText.docxUnreadable", { file, reason: (e as Error).message }));
    }
  }
  if (ext !== ".txt" && ext !== ".md" && ext !== ".text" && ext !== ".markdown")
    throw new UserError(t(lang, "importText.unknownFormat", { file }));
  const decoded = decodeText(data, basename(file));
  if (!decoded.ok) throw new UserError(inLang(lang, decoded.error));
  return decoded.text;
}

function readCorrections(file: string, lang: Lang): Corrections {
  if (!existsSync(file)) throw new UserError(t(lang, "file.notFound", { file }));
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UserError(t(lang, "importText.badCorrections", { file, reason: (e as Error).message }));
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new UserError(t(lang, "importText.badCorrections", { file, reason: t(lang, "importText.notObject") }));
  return data as Corrections;
}

export async function importTextCommand(file: string, o: ImportTextOptions, lang: Lang): Promise<number> {
  if (o.corrections && o.from) throw new UserError(t(lang, "importText.oneCorrectionSource"));
  const text = await readSource(file, lang);
  let corrections: Corrections = {};
  if (o.corrections) corrections = readCorrections(o.corrections, lang);
  if (o.from) {
    const corrected = await loadSchemaOrFail(o.from, lang);
    corrections = correctionsFromModel(importText(text).decisions, corrected);
  }
  const started = Date.now();
  const { model, decisions } = importText(text, corrections);
  const elapsed = Date.now() - started;
  const inputs = [file, ...(o.corrections ? [o.corrections] : []), ...(o.from ? [o.from] : [])];
  const json = `${JSON.stringify(model, null, 2)}\n`;
  if (o.output) writeOutput(o.output, json, o.force, lang, inputs);
  else process.stdout.write(json);
  if (o.report) writeOutput(o.report, reviewReport(basename(file), decisions, lang), o.force, lang, inputs);

  const checked = parseSchema(model);
  const fiches = model.axes.reduce((n, a) => n + (a.fiches ?? []).length, 0);
  const open = decisions.filter((d) => !d.corrected).length;
  process.stderr.write(
    `${t(lang, "importText.done", { file, axes: model.axes.length, fiches, decisions: open, corrected: decisions.length - open, ms: elapsed })}\n`,
  );
  if (!checked.ok) {
    printIssues(o.output ?? file, checked.errors, checked.warnings, lang);
    return 1;
  }
  return 0;
}
