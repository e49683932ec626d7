/**
 * `npm run validate [-- FILE] [--offline] [--lang fr|en]`: the manifest checked offline
 * (scripts/validate-manifest.ts), then by Microsoft's validation service (`office-addin-manifest validate`,
 * which needs the internet). FILE defaults to dist/manifest.xml once built (what is published), else
 * manifest.xml. Exit codes: 0 both passed, 1 an error was found, 2 no such file, 3 the service could not be
 * reached (the manifest was checked offline only: said, never taken for a pass); --offline skips the service.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { checkManifestOffline } from "./validate-manifest";

const root = path.resolve(__dirname, "..");

/** What office-addin-manifest prints, or Node's network errors, when the service is out of reach. */
const UNREACHABLE =
  /Unable to contact the manifest validation service|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|FetchError/;

export type OnlineVerdict = "valid" | "invalid" | "unreachable";

/** The service's answer from the command's exit status (null: killed, e.g. timed out) and output. */
export function onlineVerdict(status: number | null, output: string): OnlineVerdict {
  if (status === null || UNREACHABLE.test(output)) return "unreachable";
  return status === 0 ? "valid" : "invalid";
}

function say(fr: string, en: string, lang: string): void {
  console.log(lang === "en" ? en : `${fr}\n${en}`);
}

function main(argv: string[]): number {
  const offlineOnly = argv.includes("--offline");
  const rest = argv.filter((a) => a !== "--offline");
  const lang = rest.includes("--lang") && rest[rest.indexOf("--lang") + 1]?.startsWith("en") ? "en" : "fr";
  const given = rest.find((a, i) => !a.startsWith("--") && rest[i - 1] !== "--lang");
  const built = path.join(root, "dist", "manifest.xml");
  const manifest = given ?? (existsSync(built) ? built : path.join(root, "manifest.xml"));
  const shown = path.relative(process.cwd(), manifest) || manifest;

  say(`1. Vérification hors ligne de ${shown}`, `1. Offline check of ${shown}`, lang);
  const offline = checkManifestOffline([manifest, ...rest.filter((a) => a !== given)]);
  if (offline !== 0) return offline;
  if (offlineOnly) return 0;

  say(
    `2. Validation par le service de Microsoft (office-addin-manifest validate, accès à Internet nécessaire)`,
    `2. Validation by Microsoft's service (office-addin-manifest validate, needs the internet)`,
    lang,
  );
  const cli = require.resolve("office-addin-manifest/cli.js");
  const r = spawnSync(process.execPath, [cli, "validate", manifest], { encoding: "utf8", timeout: 120_000 });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  process.stdout.write(output);
  const verdict = onlineVerdict(r.status, output);
  if (verdict === "unreachable") {
    say(
      `\nLe service de validation de Microsoft est injoignable (pas d'accès à Internet, proxy ou pare-feu) : ` +
        `${shown} n'a été vérifié que hors ligne. Relancez npm run validate depuis un poste connecté ` +
        `(ou npm run validate -- --offline pour ne faire que la vérification hors ligne).`,
      `\nMicrosoft's validation service cannot be reached (no internet access, a proxy or a firewall): ` +
        `${shown} was checked offline only. Run npm run validate again from a connected machine ` +
        `(or npm run validate -- --offline for the offline check alone).`,
      lang,
    );
    return 3;
  }
  return verdict === "valid" ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
