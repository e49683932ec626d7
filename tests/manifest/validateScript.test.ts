/**
 * `npm run validate`: the offline check first, then Microsoft's service; when
 * the service cannot be reached, that is a verdict of its own (exit 3, said),
 * never a silent pass or a bare failure.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { onlineVerdict } from "../../scripts/validate";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

test("what office-addin-manifest prints without a network is read as unreachable", () => {
  // Its output on this machine (no route to the service).
  const offline =
    "Error: Unable to contact the manifest validation service.\n" +
    "FetchError: request to https://validationgateway.omex.office.net/package/api/check?clientId=devx failed, " +
    "reason: getaddrinfo ENOTFOUND validationgateway.omex.office.net";
  expect(onlineVerdict(1, offline)).toBe("unreachable");
  expect(onlineVerdict(null, "")).toBe("unreachable");
  expect(onlineVerdict(0, "The manifest is valid.\n")).toBe("valid");
  expect(onlineVerdict(1, "The manifest is not valid.\n")).toBe("invalid");
});

test("--offline runs the offline check only, on the file given", () => {
  const r = spawnSync(process.execPath, [TSX, "scripts/validate.ts", "manifest.xml", "--offline"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("1. Vérification hors ligne de manifest.xml");
  expect(r.stdout).toContain("manifest.xml : 0 erreur(s), 0 avertissement(s)");
  expect(r.stdout).not.toContain("2. Validation");
}, 60_000);

test("an offline error stops before the service, with exit 2 for a missing file", () => {
  const r = spawnSync(process.execPath, [TSX, "scripts/validate.ts", "absent.xml"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("Fichier introuvable");
  expect(r.stdout).not.toContain("2. Validation");
}, 60_000);
