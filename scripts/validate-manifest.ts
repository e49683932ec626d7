/**
 * Offline check of the add-in manifest.
 *
 *   npx tsx scripts/validate-manifest.ts [manifest.xml] [--assets DIR] [--origin URL] [--commands FILE] [--lang fr|en]
 *
 * Prints every issue and exits with 1 when there is at least one error. Icons are looked up in assets/ under the
 * folder the manifest was made for (its pane's page: https://localhost:3000/ or ADDIN_URL's), unless --origin says.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEV_BASE, hostedCheckOptions, publishedBaseOf } from "../src/manifest/hostedManifest";
import { extractAssociatedFunctions, validateManifest, type ManifestIssue } from "../src/manifest/validateManifest";

const root = path.resolve(__dirname, "..");

function parseArgs(argv: string[]) {
  const args = {
    manifest: "manifest.xml",
    assets: path.join(root, "assets"),
    origin: undefined as string | undefined,
    commands: path.join(root, "src", "commands", "commands.ts"),
    lang: (process.env.LANG ?? "").toLowerCase().startsWith("en") ? "en" : "fr",
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a}: valeur manquante / missing value`);
      return v;
    };
    if (a === "--assets") args.assets = path.resolve(next());
    else if (a === "--origin") args.origin = next();
    else if (a === "--commands") args.commands = path.resolve(next());
    else if (a === "--lang") args.lang = next().toLowerCase().startsWith("en") ? "en" : "fr";
    else if (a === "--help" || a === "-h") {
      console.log(
        "usage: validate-manifest [manifest.xml] [--assets DIR] [--origin URL] [--commands FILE] [--lang fr|en]",
      );
      process.exit(0);
    } else args.manifest = a;
  }
  return args;
}

function show(kind: string, file: string, issue: ManifestIssue, lang: string): string {
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  const text = lang === "en" ? issue.messageEn : issue.message;
  return `${kind} ${where} [${issue.code}] ${issue.path}\n    ${text}`;
}

/** The check, printed; 0 without error, 1 with errors, 2 when the file is missing. */
export function checkManifestOffline(argv: string[]): number {
  const args = parseArgs(argv);
  const manifestPath = path.resolve(args.manifest);
  const en = args.lang === "en";
  if (!existsSync(manifestPath)) {
    console.error(en ? `File not found: ${manifestPath}` : `Fichier introuvable : ${manifestPath}`);
    return 2;
  }
  const functionNames = existsSync(args.commands)
    ? extractAssociatedFunctions(readFileSync(args.commands, "utf8"))
    : undefined;
  if (!functionNames) {
    console.warn(
      en
        ? `(commands file ${args.commands} not found: function names not checked)`
        : `(fichier de commandes ${args.commands} introuvable : noms de fonctions non vérifiés)`,
    );
  }
  const xml = readFileSync(manifestPath, "utf8");
  const where = args.origin ? { devServerOrigin: args.origin } : hostedCheckOptions(publishedBaseOf(xml) ?? DEV_BASE);
  const report = validateManifest(xml, { assetsDir: args.assets, functionNames, ...where });
  const name = path.relative(process.cwd(), manifestPath) || manifestPath;
  for (const e of report.errors) console.log(show(en ? "ERROR" : "ERREUR", name, e, args.lang));
  for (const w of report.warnings) console.log(show(en ? "WARNING" : "AVERTISSEMENT", name, w, args.lang));
  const summary = en
    ? `${name}: ${report.errors.length} error(s), ${report.warnings.length} warning(s)`
    : `${name} : ${report.errors.length} erreur(s), ${report.warnings.length} avertissement(s)`;
  console.log(summary);
  return report.errors.length > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = checkManifestOffline(process.argv.slice(2));
