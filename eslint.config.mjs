// ESLint 9 flat config, used by `office-addin-lint check|fix` (npm run lint / lint:fix),
// which lints src/**/*.{ts,tsx,js,jsx} with the Office add-ins rules and prettier (.prettierrc).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The recommended block applies the TypeScript parser, the Office rules and prettier to
// .js/.ts files only: the same block is applied to .tsx below.
const scriptBlock = officeAddins.configs.recommended.find((c) => c.files?.some((f) => f.includes("ts")));

/**
 * The layering, by construction (model ← engine ← hosts ← cli / taskpane / commands): a folder imports only from
 * the folders below it. `util`, `i18n` and `shared` sit under the model. Each entry: the folder, and what it may
 * not import. Type-only imports are refused too: a lower layer that names an upper one's types depends on it.
 */
const UPPER = ["model", "engine", "hosts", "cli", "taskpane", "commands", "manifest"];
const LAYERS = [
  { files: ["src/util/**", "src/i18n/**", "src/shared/**"], above: UPPER },
  { files: ["src/model/**"], above: UPPER.slice(1) },
  { files: ["src/engine/**"], above: UPPER.slice(2) },
  { files: ["src/hosts/**"], above: UPPER.slice(3) },
];
/** An import path that goes into one of `folders` of src, relative (`../../engine/plan`) or not. */
const into = (folders) => `^(\\.{1,2}/)+(src/)?(${folders.join("|")})(/|$)`;

/**
 * Inside the engine, rollup is the lowest folder (layout writes its formulas, validate reads its keys): it may not
 * import layout nor validate, but their types, which make no loop at run time (the workbook's words it needs, the
 * statuses and Oui/Non, are in the model's vocabulary).
 */
const ROLLUP_UP = "^\\.\\./(validate|layout)(/|$)";

const layering = [
  ...LAYERS.map(({ files, above }) => ({
    files,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: into(above),
              message: `Layering: ${files[0].split("/")[1]} may not import from ${above.join(", ")}.`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ["src/engine/rollup/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: into(UPPER.slice(2)),
              message: "Layering: engine may not import from hosts, cli, taskpane, commands, manifest.",
            },
            {
              regex: ROLLUP_UP,
              message: "Layering: rollup is the engine's lowest folder; shared things live in the model or in rollup.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  { ...scriptBlock, files: ["**/*.tsx"] },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser },
    rules: {
      // TypeScript checks these itself; the core rules misfire on TypeScript code
      // (a zod schema and its inferred type share a name; DOM and Office globals).
      "no-undef": "off",
      "no-redeclare": "off",
      // A leading underscore or a rest sibling marks a value left out on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  ...layering,
  {
    files: ["**/*.tsx"],
    rules: {
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React import,
      // and TypeScript types the props.
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
];
