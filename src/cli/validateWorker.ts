/** The worker thread of isolation.ts: validates the files it is sent, one at a time, and posts each report back. */
import { parentPort } from "node:worker_threads";
import { sentBack, validateHere, type ValidateFileOptions } from "./validateOne";

parentPort!.on("message", (job: { file: string; options: ValidateFileOptions }) => {
  // The plan stays here (its metadata is the report's): copying it to the other thread cost more than the checks.
  void validateHere(job.file, job.options).then((report) => parentPort!.postMessage(sentBack(report, job.options)));
});
