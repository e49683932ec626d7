/**
 * Each partner file is read in a worker thread with a memory limit, so that
 * a file that exhausts memory or crashes the reader gets its own
 * `fichier.illisible` finding and every other file of the batch its report.
 * One worker serves the files in turn; after a failure the next file gets a
 * fresh one. Sources run without compiling (jest, tsx) have no worker script
 * and validate in this thread.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ReadReport } from "../engine/validate";
import { unreadableReport } from "../engine/validate/unreadable";
import type { ValidateFileOptions } from "./validateOne";

/** The heap a worker may use to read one workbook; BILAN_WORKER_HEAP_MB changes it (the README's « Limites »). */
export const WORKER_HEAP_MB = Number(process.env.BILAN_WORKER_HEAP_MB) || 3_072;

const SCRIPT = join(__dirname, "validateWorker.js");

let worker: Worker | undefined;
/** Files are validated one at a time: each call waits for the one before. */
let queue: Promise<unknown> = Promise.resolve();

/** A file's report, without its plan (its metadata stands for it): the worker keeps it. */
export function validateFile(file: string, options: ValidateFileOptions = {}): Promise<ReadReport> {
  const run = queue.then(() => (existsSync(SCRIPT) ? inWorker(file, options) : inThisThread(file, options)));
  queue = run.catch(() => undefined);
  return run;
}

/** Loaded only here: with a worker, this thread never loads the workbook reader. */
async function inThisThread(file: string, options: ValidateFileOptions): Promise<ReadReport> {
  const { sentBack, validateHere } = await import("./validateOne");
  return sentBack(await validateHere(file, options), options);
}

function startWorker(): Worker {
  const w = new Worker(SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  // A late error of a worker already given up must not throw in this thread.
  return w.on("error", () => undefined);
}

function inWorker(file: string, options: ValidateFileOptions): Promise<ReadReport> {
  const w = (worker ??= startWorker());
  // An idle worker does not keep the process alive; a busy one does.
  w.ref();
  return new Promise<ReadReport>((resolve) => {
    const settle = (report: ReadReport, broken: boolean) => {
      w.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (broken) {
        worker = undefined;
        void w.terminate();
      } else w.unref();
      resolve(report);
    };
    const onMessage = (report: ReadReport) => settle(report, false);
    const onError = (e: Error & { code?: string }) =>
      settle(
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? unreadableReport(file, "validate.file.outOfMemory", { max: WORKER_HEAP_MB })
          : unreadableReport(file, "validate.file.failed", { detail: e.message }),
        true,
      );
    const onExit = (code: number) =>
      settle(unreadableReport(file, "validate.file.failed", { detail: `exit ${code}` }), true);
    w.on("message", onMessage).on("error", onError).on("exit", onExit);
    w.postMessage({ file, options });
  });
}
