/**
 * One partner file read and validated in the calling thread: its report, or
 * one `fichier.illisible` finding when it cannot be read. The worker of
 * isolation.ts runs this; commands call `validateFile` there.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Schema } from "../model/schema";
import { unreadableReport, validateSnapshot, type ValidationReport } from "../engine/validate";
import { snapshotXlsx } from "../hosts/xlsx/snapshot";

export interface ValidateFileOptions {
  expected?: Schema;
  year?: number;
  factor?: number;
}

export async function validateHere(file: string, options: ValidateFileOptions): Promise<ValidationReport> {
  if (!existsSync(file)) return unreadableReport(file, "validate.file.notFound");
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    return unreadableReport(file, "validate.file.unparsable", { detail: (e as Error).message });
  }
  try {
    const snap = await snapshotXlsx(data, basename(file));
    if (!snap.ok) return unreadableReport(file, snap.refusal.key, snap.refusal.params);
    return validateSnapshot(snap.snapshot, {
      ...(options.expected ? { expected: options.expected } : {}),
      ...(options.year !== undefined ? { year: options.year } : {}),
      ...(options.factor !== undefined ? { plausibilityFactor: options.factor } : {}),
    });
  } catch (e) {
    // Whatever a hostile file makes fail, it is that file's finding, not the end of the batch.
    return unreadableReport(file, "validate.file.failed", { detail: e instanceof Error ? e.message : String(e) });
  }
}
