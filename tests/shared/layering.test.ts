/**
 * The layering holds by construction: eslint.config.mjs refuses an import that goes up
 * (model ← engine ← hosts ← cli / taskpane; inside the engine, rollup below layout and validate).
 * Each case is a small source, linted as if it lived at its path, with the project's own config.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

interface Case {
  name: string;
  /** Where the source pretends to be: the rules go by folder. */
  path: string;
  source: string;
  refused: boolean;
}

const CASES: Case[] = [
  {
    name: "model imports the engine",
    path: "src/model/x.ts",
    source: 'import { layoutWorkbook } from "../engine/layout";\nexport const f = layoutWorkbook;\n',
    refused: true,
  },
  {
    name: "model imports an engine type",
    path: "src/model/referentiel/x.ts",
    source: 'import type { WorkbookPlan } from "../../engine/plan";\nexport type P = WorkbookPlan;\n',
    refused: true,
  },
  {
    name: "util imports the model",
    path: "src/util/x.ts",
    source: 'import { parseSchema } from "../model/parse";\nexport const f = parseSchema;\n',
    refused: true,
  },
  {
    name: "the engine imports a host",
    path: "src/engine/layout/x.ts",
    source: 'import { renderPlanToXlsx } from "../../hosts/xlsx/renderPlan";\nexport const f = renderPlanToXlsx;\n',
    refused: true,
  },
  {
    name: "the engine imports the CLI",
    path: "src/engine/x.ts",
    source: 'import { UserError } from "../cli/output";\nexport const E = UserError;\n',
    refused: true,
  },
  {
    name: "a host imports the task pane",
    path: "src/hosts/office/x.ts",
    source: 'import { PANE } from "../../taskpane/pane";\nexport const p = PANE;\n',
    refused: true,
  },
  {
    name: "rollup imports validate",
    path: "src/engine/rollup/x.ts",
    source: 'import { validateSnapshot } from "../validate";\nexport const f = validateSnapshot;\n',
    refused: true,
  },
  {
    name: "rollup imports the layout",
    path: "src/engine/rollup/x.ts",
    source: 'import { SOMMAIRE } from "../layout/sommaire";\nexport const s = SOMMAIRE;\n',
    refused: true,
  },
  {
    name: "rollup names a type of validate",
    path: "src/engine/rollup/x.ts",
    source: 'import type { Finding } from "../validate/findings";\nexport type F = Finding;\n',
    refused: false,
  },
  {
    name: "the engine imports the model",
    path: "src/engine/validate/x.ts",
    source: 'import { nodeIndex } from "../../model/nodes";\nexport const f = nodeIndex;\n',
    refused: false,
  },
  {
    name: "layout imports rollup",
    path: "src/engine/layout/x.ts",
    source: 'import { FIGURES } from "../rollup/figures";\nexport const f = FIGURES;\n',
    refused: false,
  },
  {
    name: "the CLI imports a host",
    path: "src/cli/x.ts",
    source: 'import { renderPlanToXlsx } from "../hosts/xlsx/renderPlan";\nexport const f = renderPlanToXlsx;\n',
    refused: false,
  },
];

/** The layering messages eslint gives each case, in one eslint process (loading the config takes seconds). */
function lint(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.source, { filePath: c.path });
        out.push(r.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ["-e", script, JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

test("an import across a boundary the wrong way is a lint error; the right way is not", () => {
  const messages = lint(CASES);
  const got = CASES.map((c, i) => ({ name: c.name, refused: messages[i]!.length > 0 }));
  expect(got).toEqual(CASES.map((c) => ({ name: c.name, refused: c.refused })));
  expect(messages[0]).toEqual([
    "'../engine/layout' import is restricted from being used by a pattern. Layering: model may not import from " +
      "engine, hosts, cli, taskpane, commands, manifest.",
  ]);
}, 120_000);
