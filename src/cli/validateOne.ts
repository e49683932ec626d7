/**
 * One partner file read and validated in the calling thread: its report, or
 * one `fichier.illisible` finding when it cannot be read. The worker of
 * isolation.ts runs this for batches (`validateFile` there); the commands that
 * remake one workbook (carry-over, upgrade, rollup) read it here, snapshot included.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Schema } from "../model/schema";
import { unreadableReport, validateSnapshot, type ReadReport, type ValidationReport } from "../engine/validate";
import type { Snapshot } from "../engine/snapshot";
import { inflateRawNode } from "../hosts/xlsx/inflateNode";
import { snapshotXlsx } from "../hosts/xlsx/snapshot";

export interface ValidateFileOptions {
  expected?: Schema;
  year?: number;
  factor?: number;
  /** Beyond this modified z-score, a value is far from its earlier years (default 3.5). */
  zThreshold?: number;
  /** Only what a check prints (findings and completion): the model, metadata and values stay in the worker. */
  findingsOnly?: boolean;
}

/** The report as the calling thread gets it: without the plan (its metadata stands for it), or its findings alone. */
export function sentBack({ plan: _plan, ...report }: ValidationReport, options: ValidateFileOptions): ReadReport {
  if (!options.findingsOnly) return report;
  const { source, readable, findings, completion } = report;
  return { source, readable, findings, completion, values: new Map() };
}

export async function validateHere(file: string, options: ValidateFileOptions): Promise<ValidationReport> {
  return (await readAndValidate(file, options)).report;
}

/** The report of a file and, when it could be read, its snapshot (for what a workbook made from it keeps). */
export async function readAndValidate(
  file: string,
  options: ValidateFileOptions,
): Promise<{ report: ValidationReport; snapshot?: Snapshot }> {
  if (!existsSync(file)) return { report: unreadableReport(file, "validate.file.notFound") };
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    return { report: unreadableReport(file, "validate.file.unparsable", { detail: (e as Error).message }) };
  }
  try {
    const snap = await snapshotXlsx(data, basename(file), inflateRawNode);
    if (!snap.ok) return { report: unreadableReport(file, snap.refusal.key, snap.refusal.params) };
    const report = validateSnapshot(snap.snapshot, {
      ...(options.expected ? { expected: options.expected } : {}),
      ...(options.year !== undefined ? { year: options.year } : {}),
      ...(options.factor !== undefined ? { plausibilityFactor: options.factor } : {}),
      ...(options.zThreshold !== undefined ? { outlierThreshold: options.zThreshold } : {}),
    });
    return { report, snapshot: snap.snapshot };
  } catch (e) {
    // Whatever a hostile file makes fail, it is that file's finding, not the end of the batch.
    return {
      report: unreadableReport(file, "validate.file.failed", { detail: e instanceof Error ? e.message : String(e) }),
    };
  }
}
