/** The worker thread of isolation.ts: validates the files it is sent, one at a time, and posts each report back. */
import { parentPort } from "node:worker_threads";
import { validateHere, type ValidateFileOptions } from "./validateOne";

parentPort!.on("message", (job: { file: string; options: ValidateFileOptions }) => {
  void validateHere(job.file, job.options).then((report) => parentPort!.postMessage(report));
});
