#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build:cli` (run automatically by `npm ci`).
const path = require("node:path");
const fs = require("node:fs");
const entry = path.join(__dirname, "..", "dist", "cli", "index.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("bilan : le programme n'est pas compilé — lancer « npm run build:cli ».\n");
  process.exit(2);
}
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
require(entry)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
