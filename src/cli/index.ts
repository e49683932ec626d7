/** `bilan`: the command-line front end over the same model and engine as the add-in. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option, type OutputConfiguration } from "commander";
import { parseLang, t, type Lang } from "../i18n";
import { GRANULARITES } from "../model/schema";
import type { GenerateOptions } from "./commands";
import { UserError } from "./output";
import type { ValidateCliOptions } from "./validate";
import type { ExportTidyOptions } from "./exportTidy";
import type { ConsolidateOptions } from "./consolidate";
import type { RollupCliOptions } from "./rollup";
import type { ImportTextOptions } from "./importText";
import type { RegisterCliOptions } from "./register";
import { localiseCommander, localiseError } from "./usage";

// Each command's module is loaded when that command runs: the spreadsheet library alone takes a second or more
// to load, which `validate` (whose files are read in a worker) and `--help` need not pay in the main thread.
const commands = () => import("./commands");

/** The language `--lang` asks for, if given. */
function explicitLang(argv: string[]): Lang | undefined {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return undefined;
  return parseLang(argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1]);
}

function langFromArgv(argv: string[]): Lang {
  return explicitLang(argv) ?? parseLang(process.env.BILAN_LANG);
}

/** The version of the package (package.json sits two folders up, from src/cli and from dist/cli alike). */
function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}

/** Where commander writes: stdout and stderr unless a test says otherwise. */
export type CommanderOutput = Pick<OutputConfiguration, "writeOut" | "writeErr">;

/**
 * `lang`: the run's language, of its messages and of the workbooks `generate` and `demo` make. `asked`: the one
 * `--lang` gave, which alone turns the workbook that `carry-over`, `upgrade` and `consolidate` read into another
 * language (they keep its language otherwise).
 */
export function buildProgram(
  lang: Lang,
  setExit: (code: number) => void,
  output: CommanderOutput = {},
  asked?: Lang,
): Command {
  // The words in the help's <placeholders>, in the user's language (commander names options by their flags alone).
  const w = {
    file: t(lang, "cli.term.file"),
    files: t(lang, "cli.term.files"),
    schema: t(lang, "cli.term.schema"),
    year: t(lang, "cli.term.year"),
    name: t(lang, "cli.term.name"),
    lang: t(lang, "cli.term.lang"),
    char: t(lang, "cli.term.char"),
  };
  const program = new Command("bilan")
    .description(t(lang, "cli.description"))
    .version(`bilan ${version()}`, "-V, --version", t(lang, "cli.version"))
    // The default told is the language without --lang (BILAN_LANG, else French), not the one this run was given.
    .addOption(
      new Option(`--lang <${w.lang}>`, t(lang, "cli.lang"))
        .choices(["fr", "en"])
        .default(lang, t(lang, "cli.usage.choice", { value: parseLang(process.env.BILAN_LANG) })),
    )
    // Usage errors go to stderr (commander's default), in the user's language.
    .configureOutput({ ...output, outputError: (str, write) => write(localiseError(str, lang)) })
    // Misuse exits 2 like an unreadable file (commander's own exit is 1, the code of a model with errors).
    .exitOverride();

  const run = (fn: () => number | Promise<number>) => async () => setExit(await fn());
  // A command that prints a report (validate, register): its format, where it goes, and a CSV's manners.
  const reportOptions = (command: Command, formatHelp: string): Command =>
    command
      .addOption(new Option("--format <format>", formatHelp).choices(["table", "csv", "json"]).default("table"))
      .option(`-o, --output <${w.file}>`, t(lang, "cli.validate.output"))
      .option("--force", t(lang, "cli.force"), false)
      .addOption(new Option(`--delimiter <${w.char}>`, t(lang, "cli.delimiter")).choices([",", ";"]).default(","))
      .option("--bom", t(lang, "cli.bom"), false);
  const year = (v: string) => {
    if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError(t(lang, "cli.generate.badYear", { value: v }));
    return Number(v);
  };
  const factor = (v: string) => {
    const n = Number(v.trim().replace(",", "."));
    if (!/^\s*\d+(?:[.,]\d+)?\s*$/.test(v) || !(n > 1))
      throw new InvalidArgumentError(t(lang, "cli.validate.badFactor", { value: v }));
    return n;
  };
  const threshold = (v: string) => {
    const n = Number(v.trim().replace(",", "."));
    if (!/^\s*\d+(?:[.,]\d+)?\s*$/.test(v) || !(n > 0))
      throw new InvalidArgumentError(t(lang, "cli.validate.badThreshold", { value: v }));
    return n;
  };

  program
    .command("schemas")
    .description(t(lang, "cli.schemas.description"))
    .option("--json", t(lang, "cli.json"))
    .action((o: { json?: boolean }) => run(async () => (await commands()).schemas(Boolean(o.json), lang))());

  program
    .command("check-schema")
    .description(t(lang, "cli.check.description"))
    .argument(`<${w.file}>`, t(lang, "cli.check.file"))
    .option(`--sheet <${w.name}>`, t(lang, "cli.sheet"))
    .option("--json", t(lang, "cli.json"))
    .action((file: string, o: { sheet?: string; json?: boolean }) =>
      run(async () => (await commands()).checkSchema(file, o.sheet, Boolean(o.json), lang))(),
    );

  program
    .command("export-schema")
    .description(t(lang, "cli.export.description"))
    .argument(`<${w.schema}>`, t(lang, "cli.export.schema"))
    .addOption(
      new Option("--format <format>", t(lang, "cli.export.format")).choices(["json", "csv", "xlsx"]).default("json"),
    )
    .option(`-o, --output <${w.file}>`, t(lang, "cli.output"))
    .option("--force", t(lang, "cli.force"), false)
    .addOption(new Option(`--delimiter <${w.char}>`, t(lang, "cli.delimiter")).choices([",", ";", "\\t"]).default(","))
    .option("--bom", t(lang, "cli.bom"), false)
    .option(`--sheet <${w.name}>`, t(lang, "cli.sheet"))
    .action(
      (
        ref: string,
        o: {
          format: "json" | "csv" | "xlsx";
          output?: string;
          force: boolean;
          delimiter: string;
          bom: boolean;
          sheet?: string;
        },
      ) =>
        run(async () =>
          (await commands()).exportSchema(ref, { ...o, delimiter: o.delimiter === "\\t" ? "\t" : o.delimiter }, lang),
        )(),
    );

  program
    .command("generate")
    .description(t(lang, "cli.generate.description"))
    .requiredOption(`--schema <id|${w.file}>`, t(lang, "cli.export.schema"))
    .option(`--year <${w.year}>`, t(lang, "cli.generate.year"), year)
    .option("--partner <id>", t(lang, "cli.generate.partner"))
    .option("--territory <id>", t(lang, "cli.generate.territory"))
    .addOption(new Option("--granularity <g>", t(lang, "cli.generate.granularity")).choices([...GRANULARITES]))
    .option("--password <p>", t(lang, "cli.generate.password"))
    .requiredOption(`-o, --output <${w.file}.xlsx>`, t(lang, "cli.generate.output"))
    .option("--force", t(lang, "cli.force"), false)
    .option(`--sheet <${w.name}>`, t(lang, "cli.sheet"))
    .action((o: GenerateOptions) => run(async () => (await commands()).generate(o, lang))());

  reportOptions(
    program
      .command("validate")
      .description(t(lang, "cli.validate.description"))
      .argument(`<${w.files}...>`, t(lang, "cli.validate.files"))
      .option(`--schema <id|${w.file}>`, t(lang, "cli.validate.schema"))
      .option(`--year <${w.year}>`, t(lang, "cli.validate.year"), year),
    t(lang, "cli.validate.format"),
  )
    .option("--factor <n>", t(lang, "cli.validate.factor"), factor, 3)
    .option("--z-threshold <n>", t(lang, "cli.validate.zThreshold"), threshold, 3.5)
    .action((files: string[], o: ValidateCliOptions) =>
      run(async () => (await import("./validate")).validateCommand(files, o, lang))(),
    );

  program
    .command("rollup")
    .description(t(lang, "cli.rollup.description"))
    .argument(`<${w.file}>`, t(lang, "cli.rollup.file"))
    .option(`-o, --output <${w.file}.xlsx>`, t(lang, "cli.rollup.output"))
    .option("--json", t(lang, "cli.rollup.json"), false)
    .option("--force", t(lang, "cli.force"), false)
    .action((file: string, o: RollupCliOptions) =>
      run(async () => (await import("./rollup")).rollupCommand(file, o, lang))(),
    );

  program
    .command("consolidate")
    .description(t(lang, "cli.consolidate.description"))
    .argument(`<${w.files}...>`, t(lang, "cli.validate.files"))
    .option(`--schema <id|${w.file}>`, t(lang, "cli.validate.schema"))
    .requiredOption(`-o, --output <${w.file}.xlsx>`, t(lang, "cli.generate.output"))
    .option("--force", t(lang, "cli.force"), false)
    .option("--z-threshold <n>", t(lang, "cli.consolidate.zThreshold"), threshold, 3.5)
    .action((files: string[], o: ConsolidateOptions) =>
      run(async () => (await import("./consolidate")).consolidateCommand(files, { ...o, lang: asked }, lang))(),
    );

  reportOptions(
    program
      .command("register")
      .description(t(lang, "cli.register.description"))
      .argument(`<${w.file}>`, t(lang, "cli.register.file")),
    t(lang, "cli.register.format"),
  ).action((file: string, o: RegisterCliOptions) =>
    run(async () => (await import("./register")).registerCommand(file, o, lang))(),
  );

  program
    .command("export")
    .description(t(lang, "cli.exportTidy.description"))
    .argument(`<${w.files}...>`, t(lang, "cli.validate.files"))
    .addOption(
      new Option("--format <format>", t(lang, "cli.exportTidy.format")).choices(["csv", "json"]).default("csv"),
    )
    .option(`-o, --output <${w.file}>`, t(lang, "cli.validate.output"))
    .option("--force", t(lang, "cli.force"), false)
    .addOption(new Option(`--delimiter <${w.char}>`, t(lang, "cli.delimiter")).choices([",", ";"]).default(","))
    .option("--bom", t(lang, "cli.bom"), false)
    .action((files: string[], o: ExportTidyOptions) =>
      run(async () => (await import("./exportTidy")).exportTidyCommand(files, o, lang))(),
    );

  program
    .command("import-text")
    .description(t(lang, "importText.description"))
    .argument(`<${w.file}>`, t(lang, "importText.file"))
    .option(`-o, --output <${w.file}.json>`, t(lang, "importText.output"))
    .option(`--report <${w.file}.md>`, t(lang, "importText.report"))
    .option(`--corrections <${w.file}.json>`, t(lang, "importText.corrections"))
    .option(`--from <${w.file}>`, t(lang, "importText.from"))
    .option("--force", t(lang, "cli.force"), false)
    .action((file: string, o: ImportTextOptions) =>
      run(async () => (await import("./importText")).importTextCommand(file, o, lang))(),
    );

  program
    .command("carry-over")
    .description(t(lang, "cli.carryOver.description"))
    .argument(`<${w.file}>`, t(lang, "cli.rollup.file"))
    .requiredOption(`--year <${w.year}>`, t(lang, "cli.carryOver.year"), year)
    .requiredOption(`-o, --output <${w.file}.xlsx>`, t(lang, "cli.generate.output"))
    .option("--force", t(lang, "cli.force"), false)
    .action((file: string, o: { year: number; output: string; force: boolean }) =>
      run(async () => (await import("./carryOver")).carryOverCommand(file, { ...o, lang: asked }, lang))(),
    );

  program
    .command("upgrade")
    .description(t(lang, "cli.upgrade.description"))
    .argument(`<${w.file}>`, t(lang, "cli.rollup.file"))
    .requiredOption(`--schema <id|${w.file}>`, t(lang, "cli.upgrade.schema"))
    .requiredOption(`-o, --output <${w.file}.xlsx>`, t(lang, "cli.generate.output"))
    .option("--force", t(lang, "cli.force"), false)
    .action((file: string, o: { schema: string; output: string; force: boolean }) =>
      run(async () => (await import("./carryOver")).upgradeCommand(file, { ...o, lang: asked }, lang))(),
    );

  program
    .command("demo")
    .description(t(lang, "cli.demo.description"))
    .action(() => run(async () => (await commands()).demo(lang))());

  localiseCommander(program, lang);
  return program;
}

export async function main(argv: string[], output: CommanderOutput = {}): Promise<number> {
  const lang = langFromArgv(argv);
  let code = 0;
  try {
    await buildProgram(lang, (c) => (code = c), output, explicitLang(argv)).parseAsync(argv);
  } catch (e) {
    // Commander has already written its message (or the help that was asked for).
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // Users get a sentence, not a stack trace.
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${e instanceof UserError ? message : t(lang, "cli.unexpected", { message })}\n`);
    return e instanceof UserError ? e.exitCode : 2;
  }
  return code;
}

if (require.main === module) {
  // `bilan … | head` closes the pipe early: stop quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
