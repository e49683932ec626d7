// ESLint 9 flat config, used by `office-addin-lint check|fix` (npm run lint / lint:fix),
// which lints src/**/*.{ts,tsx,js,jsx} with the Office add-ins rules and prettier (.prettierrc).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The recommended block applies the TypeScript parser, the Office rules and prettier to
// .js/.ts files only: the same block is applied to .tsx below.
const scriptBlock = officeAddins.configs.recommended.find((c) => c.files?.some((f) => f.includes("ts")));

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
