/**
 * The CLI's manners, run in this process (no spawn: main() is what bin/bilan.js calls): help and usage errors in the
 * user's language, misuse exits 2 on stderr, --version, a workbook written only to .xlsx.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli";
import { localiseError } from "../../src/cli/usage";

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "bilan-usage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `bilan ARGS` in this process: exit code, stdout, stderr (commander's and the commands' own). */
async function bilan(...args: string[]) {
  let out = "";
  let err = "";
  const stdout = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  const saved = process.env.BILAN_LANG;
  process.env.BILAN_LANG = "";
  try {
    const code = await main(["node", "bilan", ...args], {
      writeOut: (s) => (out += s),
      writeErr: (s) => (err += s),
    });
    return { code, out, err };
  } finally {
    process.env.BILAN_LANG = saved;
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const COMMANDS = [
  "schemas",
  "check-schema",
  "export-schema",
  "generate",
  "validate",
  "rollup",
  "consolidate",
  "export",
  "carry-over",
  "upgrade",
  "import-text",
  "demo",
];

/** commander's English, which French help and errors must not show. */
const COMMANDER_ENGLISH =
  /Usage:|Options:|Arguments:|Commands:|display help|\(choices:|default:|error:|required option|not specified|unknown (option|command)|Did you mean|Allowed choices|is invalid/;

describe("help", () => {
  test.each<[string | undefined]>([[undefined], ...COMMANDS.map((c): [string] => [c])])(
    "bilan %s --help is French, with no English of commander",
    async (cmd) => {
      const r = await bilan(...(cmd ? [cmd] : []), "--help");
      expect(r.code).toBe(0);
      expect(r.err).toBe("");
      expect(r.out).toMatch(new RegExp(`^Utilisation : bilan${cmd ? ` ${cmd}` : ""} `));
      expect(r.out).toContain("Options :");
      expect(r.out).toContain("-h, --help");
      expect(r.out).toContain("affiche l'aide de la commande");
      expect(r.out).not.toMatch(COMMANDER_ENGLISH);
      // The placeholders are French words too.
      expect(r.out).not.toMatch(/<(file|files|schema|yyyy|name|lang|char)\b/);
    },
  );

  test("the main help lists the commands, the help command and --version in French; a switch shows no « false »", async () => {
    const r = await bilan("--help");
    expect(r.out).toMatch(/^Utilisation : bilan \[options\] \[commande\]$/m);
    expect(r.out).toMatch(/^Commandes :$/m);
    expect(r.out).toMatch(/^ {2}help \[commande\] +affiche l'aide d'une commande$/m);
    expect(r.out).toMatch(/^ {2}-V, --version +affiche la version$/m);
    // A choice in guillemets is never split across lines, its no-break spaces kept.
    expect(r.out).not.toMatch(/\n\s*[:;»]/);
    expect(r.out.replace(/[ \n]+/g, " ")).toContain(
      "au choix\u00a0: «\u00a0fr\u00a0», «\u00a0en\u00a0»\u00a0; par défaut\u00a0: «\u00a0fr\u00a0»",
    );
    expect((await bilan("generate", "--help")).out).not.toMatch(/false/);
  });

  test("English help is English", async () => {
    for (const args of [["--help"], ["export", "--help"], ["generate", "--help"]]) {
      const r = await bilan("--lang", "en", ...args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage: bilan/);
      expect(r.out).toContain("display help for command");
      expect(r.out).not.toMatch(/Utilisation|au choix|par défaut|affiche|commande\b|classeur/);
    }
    // The default told is the language without --lang, not this run's.
    expect((await bilan("--lang", "en", "--help")).out).toMatch(/\(choices:\s+“fr”, “en”; default: “fr”\)/);
  });

  test("a default is told once", async () => {
    const factor = /^ {2}--factor <n> +([^]*?)\n {2}-/m.exec((await bilan("validate", "--help")).out)![1]!;
    expect(factor.replace(/[ \n]+/g, " ")).toBe(
      "écart toléré avant l'alerte de plausibilité (un facteur) (par défaut\u00a0: «\u00a03\u00a0»)",
    );
  });

  test("export offers only the formats it accepts; export-schema all three", async () => {
    const format = (out: string) => /^ {2}--format <format> +([^]*?)\n {2}-/m.exec(out)![1]!.replace(/[ \n]+/g, " ");
    expect(format((await bilan("export", "--help")).out)).toBe(
      "format de sortie : csv ou json (au choix\u00a0: «\u00a0csv\u00a0», «\u00a0json\u00a0»\u00a0; par défaut\u00a0: «\u00a0csv\u00a0»)",
    );
    expect(format((await bilan("--lang", "en", "export", "--help")).out)).toBe(
      "output format: csv or json (choices: “csv”, “json”; default: “csv”)",
    );
    expect(format((await bilan("export-schema", "--help")).out)).toMatch(/^format de sortie : json, csv ou xlsx /);
  });

  test.each([["carry-over"], ["upgrade"]])("%s --help calls its FILE a workbook, not a model file", async (cmd) => {
    const fr = (await bilan(cmd, "--help")).out;
    expect(fr).toMatch(/^ {2}fichier +classeur de bilan rempli \(\.xlsx\) ; il n'est\s+jamais modifié$/m);
    expect(fr).not.toContain("fichier du modèle");
    const en = (await bilan("--lang", "en", cmd, "--help")).out;
    expect(en).toMatch(/^ {2}file +filled-in bilan workbook \(\.xlsx\); it is never\s+modified$/m);
    expect(en).not.toContain("model file");
  });
});

describe("misuse exits 2 with a French sentence on stderr and where the help is", () => {
  test.each([
    ["a missing argument", ["check-schema"], "erreur : il manque l'argument <fichier>", "bilan check-schema"],
    [
      "a missing required option",
      ["generate", "-o", "x.xlsx"],
      "erreur : l'option --schema <id|fichier> est obligatoire",
      "bilan generate",
    ],
    [
      "an option without its value",
      ["validate", "x.xlsx", "--year"],
      "erreur : l'option --year <aaaa> attend une valeur",
      "bilan validate",
    ],
    [
      "an unknown option",
      ["schemas", "--jsno"],
      "erreur : option inconnue : --jsno\n(vouliez-vous dire --json ?)",
      "bilan schemas",
    ],
    [
      "an unknown command",
      ["valider"],
      "erreur : commande inconnue : valider\n(vouliez-vous dire validate ?)",
      "bilan",
    ],
    [
      "an unknown format",
      ["export", "x.xlsx", "--format", "xlsx"],
      "erreur : --format <format> : «\u00a0xlsx\u00a0» n'est pas une valeur possible (au choix : «\u00a0csv\u00a0», «\u00a0json\u00a0»)",
      "bilan export",
    ],
    [
      "a year that is no year",
      ["generate", "--schema", "orne_2017_2021", "-o", "x.xlsx", "--year", "20x4"],
      "erreur : --year <aaaa> : année « 20x4 » invalide (attendu : quatre chiffres)",
      "bilan generate",
    ],
    [
      "a factor that is no number",
      ["validate", "x.xlsx", "--factor", "abc"],
      "erreur : --factor <n> : facteur « abc » invalide",
      "bilan validate",
    ],
    [
      "a factor under 1",
      ["validate", "x.xlsx", "--factor", "0,5"],
      "erreur : --factor <n> : facteur « 0,5 » invalide",
      "bilan validate",
    ],
    [
      "an empty factor",
      ["validate", "x.xlsx", "--factor", ""],
      "erreur : --factor <n> : facteur «  » invalide",
      "bilan validate",
    ],
    [
      "a two-digit year",
      ["validate", "x.xlsx", "--year", "24"],
      "erreur : --year <aaaa> : année « 24 » invalide",
      "bilan validate",
    ],
    [
      "a year in words",
      ["generate", "--schema", "orne_2017_2021", "--year", "deux", "-o", "x.xlsx"],
      "erreur : --year <aaaa> : année « deux » invalide",
      "bilan generate",
    ],
    [
      "a year with a letter O",
      ["carry-over", "x.xlsx", "--year", "2O25", "-o", "y.xlsx"],
      "erreur : --year <aaaa> : année « 2O25 » invalide",
      "bilan carry-over",
    ],
    [
      "too many arguments",
      ["rollup", "a.xlsx", "b.xlsx"],
      "erreur : trop d'arguments : 2 au lieu de 1",
      "bilan rollup",
    ],
    ["no command at all", [], "Utilisation : bilan [options] [commande]", undefined],
  ])("%s", async (_what, args, sentence, help) => {
    const r = await bilan(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.startsWith(sentence)).toBe(true);
    if (help) expect(r.err.endsWith(`\nAide : ${help} --help\n`)).toBe(true);
    expect(r.err).not.toMatch(COMMANDER_ENGLISH);
  });

  test("in English, the same in English", async () => {
    const r = await bilan("--lang", "en", "generate", "--schema", "orne_2017_2021");
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: required option -o, --output <file.xlsx> not specified\nHelp: bilan generate --help\n");
    const year = await bilan("--lang", "en", "carry-over", "a.xlsx", "-o", "b.xlsx", "--year", "20x4");
    expect(year.code).toBe(2);
    expect(year.err).toMatch(/^error: --year <yyyy>: invalid year “20x4” \(expected four digits\)\n/);
    expect(year.err).not.toMatch(/erreur|année|attendu/);
  });

  test("a sentence commander would word otherwise keeps its words, with the user's « erreur »", () => {
    expect(localiseError("error: something new\n", "fr")).toBe("erreur : something new\n");
    expect(localiseError("error: unknown option '--x'\n(Did you mean one of --a, --b?)\n", "fr")).toBe(
      "erreur : option inconnue : --x\n(vouliez-vous dire --a, --b ?)\n",
    );
  });
});

test("--version prints the package's version and exits 0", async () => {
  const { version } = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version: string;
  };
  for (const flag of ["--version", "-V"])
    expect(await bilan(flag)).toEqual({ code: 0, out: `bilan ${version}\n`, err: "" });
});

describe("a workbook is written only to a .xlsx file", () => {
  test.each([
    ["generate", (o: string) => ["generate", "--schema", "fiche_action_5_2022_2026", "-o", o]],
    [
      "export-schema --format xlsx",
      (o: string) => ["export-schema", "fiche_action_5_2022_2026", "--format", "xlsx", "-o", o],
    ],
    ["rollup -o", (o: string) => ["rollup", join(dir, "absent.xlsx"), "-o", o]],
    ["consolidate", (o: string) => ["consolidate", join(dir, "absent.xlsx"), "-o", o]],
    ["carry-over", (o: string) => ["carry-over", join(dir, "absent.xlsx"), "--year", "2030", "-o", o]],
    ["upgrade", (o: string) => ["upgrade", join(dir, "absent.xlsx"), "--schema", "orne_2017_2021", "-o", o]],
  ])("%s refuses bilan.txt and bilan (no extension), before reading anything", async (_cmd, args) => {
    for (const name of ["bilan.txt", "bilan"]) {
      const output = join(dir, name);
      const r = await bilan(...args(output));
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toBe(
        `${output} : un classeur s'écrit dans un fichier .xlsx (par exemple ${join(dir, "bilan.xlsx")})\n`,
      );
      expect(existsSync(output)).toBe(false);
    }
  });

  test("the name's case does not matter; English on request", async () => {
    const output = join(dir, "BILAN.XLSX");
    expect((await bilan("generate", "--schema", "fiche_action_5_2022_2026", "-o", output)).code).toBe(0);
    expect(existsSync(output)).toBe(true);
    const r = await bilan("--lang", "en", "generate", "--schema", "fiche_action_5_2022_2026", "-o", "bilan.xls");
    expect(r.err).toBe("bilan.xls: a workbook is written to a .xlsx file (for example bilan.xlsx)\n");
  });
});
