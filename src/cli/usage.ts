/**
 * commander's own texts in the user's language: the help's titles and option notes, the help option and command,
 * and the usage errors, worded from the message catalogues like every other message of the CLI.
 *
 * commander writes its errors in English only, with their details inside the sentence; they are reworded here from
 * those sentences (commander 14's wording, pinned by tests/cli/usage.test.ts). One commander would word otherwise
 * still loses its English « error: » for the user's word.
 */
import { Help, type Command, type Option } from "commander";
import { t, type Lang, type MessageKey } from "../i18n";

/** The titles commander passes to `styleTitle`. */
const TITLES: Record<string, MessageKey> = {
  "Usage:": "cli.usage.title.usage",
  "Arguments:": "cli.usage.title.arguments",
  "Options:": "cli.usage.title.options",
  "Commands:": "cli.usage.title.commands",
};

/** A private-use character, never in a help text, that stands for a no-break space while commander wraps. */
const HELD = "\ue000";

/** Help texts: titles, « [command] », and an option's choices and default. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  const plain = new Help();
  return {
    // commander wraps at any white space, a no-break space too: it is held out of its sight while it wraps.
    boxWrap: (str: string, width: number) =>
      plain.boxWrap(str.replace(/\u00a0/g, HELD), width).replace(new RegExp(HELD, "g"), "\u00a0"),
    styleTitle: (title: string) => (TITLES[title] ? t(lang, TITLES[title]) : title),
    commandUsage: (cmd: Command) => plain.commandUsage(cmd).replace("[command]", t(lang, "cli.usage.command")),
    optionDescription: (option: Option) => {
      const choices = option.argChoices?.map((value) => t(lang, "cli.usage.choice", { value })).join(", ");
      // A switch's default (false) tells a user nothing; a value's default does.
      const value =
        option.defaultValue !== undefined && (option.required || option.optional)
          ? (option.defaultValueDescription ?? t(lang, "cli.usage.choice", { value: String(option.defaultValue) }))
          : undefined;
      const note =
        choices && value !== undefined
          ? t(lang, "cli.usage.choicesDefault", { choices, value })
          : choices
            ? t(lang, "cli.usage.choices", { choices })
            : value !== undefined
              ? t(lang, "cli.usage.default", { value })
              : "";
      return note ? `${option.description} (${note})` : option.description;
    },
  };
}

type Rewording = [RegExp, (m: RegExpMatchArray, lang: Lang) => string];

/** commander's error sentences, each with its rewording. */
const ERRORS: Rewording[] = [
  [/^missing required argument '(.+)'$/, (m, lang) => t(lang, "cli.usage.missingArgument", { name: m[1]! })],
  [/^option '(.+)' argument missing$/, (m, lang) => t(lang, "cli.usage.optionMissingArgument", { option: m[1]! })],
  [/^required option '(.+)' not specified$/, (m, lang) => t(lang, "cli.usage.requiredOption", { option: m[1]! })],
  [/^unknown option '(.+)'$/, (m, lang) => t(lang, "cli.usage.unknownOption", { option: m[1]! })],
  [/^unknown command '(.+)'$/, (m, lang) => t(lang, "cli.usage.unknownCommand", { command: m[1]! })],
  [
    /^too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, lang) => t(lang, "cli.usage.excessArguments", { expected: m[1]!, got: m[2]! }),
  ],
  [
    /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    (m, lang) =>
      t(lang, "cli.usage.badChoice", {
        option: m[1]!,
        value: m[2]!,
        choices: m[3]!
          .split(", ")
          .map((value) => t(lang, "cli.usage.choice", { value }))
          .join(", "),
      }),
  ],
  // Our own parsers' reasons (a year, a factor) already name the value.
  [
    /^option '(.+)' argument '.*' is invalid\. (.+)$/s,
    (m, lang) => t(lang, "cli.usage.badValue", { option: m[1]!, reason: m[2]! }),
  ],
];

/** commander's suggestion after an unknown option or command. */
const SUGGESTION = /\n\(Did you mean (?:one of )?(.+)\?\)$/;

/** An error as commander writes it (« error: … », maybe a suggestion, a newline), in the user's language. */
export function localiseError(text: string, lang: Lang): string {
  let message = text.replace(/\n$/, "").replace(/^error: /, "");
  const suggestion = SUGGESTION.exec(message);
  if (suggestion) message = message.slice(0, suggestion.index);
  const known = ERRORS.map(([re, word]) => [re.exec(message), word] as const).find(([m]) => m);
  const said = t(lang, "cli.usage.error", { message: known ? known[1](known[0]!, lang) : message });
  return `${said}${suggestion ? `\n${t(lang, "cli.usage.didYouMean", { candidates: suggestion[1]! })}` : ""}\n`;
}

/**
 * Applies the user's language to `program` and to its commands (call it once they are all declared): help option,
 * help command, help texts, errors, and after an error the line that says where the help is (not the whole help,
 * which would push the error off the screen).
 */
export function localiseCommander(program: Command, lang: Lang): void {
  program.helpCommand(`help ${t(lang, "cli.usage.command")}`, t(lang, "cli.usage.helpCommand"));
  for (const cmd of [program, ...program.commands]) {
    const name = cmd === program ? program.name() : `${program.name()} ${cmd.name()}`;
    cmd
      .helpOption("-h, --help", t(lang, "cli.usage.help"))
      .configureHelp(helpConfiguration(lang))
      .showHelpAfterError(t(lang, "cli.usage.helpHint", { command: name }));
  }
}
