/**
 * The message catalogues (src/i18n/fr.ts and en.ts), the one place for what the engine, the CLI, the
 * pane and the manifest validator say: every key in both languages, the same {{placeholders}} in both,
 * and no key that nothing in src uses any more.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { fr } from "../../src/i18n/fr";
import { en } from "../../src/i18n/en";

const SRC = join(__dirname, "../../src");
const CATALOGUES = ["i18n/fr.ts", "i18n/en.ts"];

/**
 * Namespaces whose keys are called by their short name inside their own module: the pane's `t("generate")`
 * says `pane.generate`, the manifest validator's `error("xml.malformed")` says `manifest.xml.malformed`, the layout's
 * `w("ind.cible")` says `workbook.ind.cible`.
 */
const SHORT_NAMES: Record<string, string> = { "pane.": "taskpane", "manifest.": "manifest", "workbook.": "engine" };

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(name) || CATALOGUES.includes(relative(SRC, path))) return [];
    return [{ path: relative(SRC, path), text: readFileSync(path, "utf8") }];
  });
}

/** The string literals of a source, and the heads of its template literals (`vue.${v}` gives `vue.`), as TypeScript reads them. */
function literals(text: string, path = "x.tsx"): { whole: Set<string>; heads: Set<string> } {
  const whole = new Set<string>();
  const heads = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) whole.add(node.text);
    else if (ts.isTemplateExpression(node)) heads.add(node.head.text);
    ts.forEachChild(node, visit);
  };
  visit(
    ts.createSourceFile(
      path,
      text,
      ts.ScriptTarget.Latest,
      false,
      path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  );
  return { whole, heads };
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();

test("every key has a French and an English text, neither empty", () => {
  const frKeys = Object.keys(fr).sort();
  const enKeys = Object.keys(en).sort();
  expect(frKeys.filter((k) => !(k in en))).toEqual([]);
  expect(enKeys.filter((k) => !(k in fr))).toEqual([]);
  const empty = [
    ...frKeys.filter((k) => !fr[k as keyof typeof fr].trim()),
    ...enKeys.filter((k) => !en[k as keyof typeof en].trim()),
  ];
  expect(empty).toEqual([]);
});

test("French and English texts have the same placeholders", () => {
  const differ = Object.keys(fr)
    .map((k) => ({ k, fr: placeholders(fr[k as keyof typeof fr]), en: placeholders(en[k as keyof typeof en]) }))
    .filter((x) => x.fr.join() !== x.en.join());
  expect(differ).toEqual([]);
});

/** Whether src uses a key: whole, by a template head (`validate.severity.${s}`), or by its short name in its module. */
function usedInSrc(): (key: string) => boolean {
  const files = sources(SRC);
  const all = files.map((f) => literals(f.text, f.path));
  const whole = new Set(all.flatMap((l) => [...l.whole]));
  const heads = new Set(all.flatMap((l) => [...l.heads]));
  // A namespace's own prefix as a template head (`pane.${key}`) is how short names are called, not a use of all.
  for (const ns of Object.keys(SHORT_NAMES)) heads.delete(ns);
  const shortUses = Object.fromEntries(
    Object.entries(SHORT_NAMES).map(([ns, dir]) => {
      const inDir = files.filter((f) => f.path.startsWith(`${dir}/`)).map((f) => literals(f.text, f.path));
      return [
        ns,
        { whole: new Set(inDir.flatMap((l) => [...l.whole])), heads: new Set(inDir.flatMap((l) => [...l.heads])) },
      ];
    }),
  );
  return (full: string) => {
    // A plural form (`key_one`, `key_other`) is used where its base is: i18next picks the form from `count`.
    const key = full.replace(/_(one|other)$/, "");
    if (whole.has(key) || [...heads].some((h) => h && key.startsWith(h))) return true;
    const ns = Object.keys(SHORT_NAMES).find((n) => key.startsWith(n));
    if (!ns) return false;
    const short = key.slice(ns.length);
    const uses = shortUses[ns]!;
    return uses.whole.has(short) || [...uses.heads].some((h) => h && short.startsWith(h));
  };
}

test("every key is used somewhere in src", () => {
  const used = usedInSrc();
  expect(Object.keys(fr).filter((k) => !used(k))).toEqual([]);
});

test("the dead-key search tells a used key from one nobody uses", () => {
  const used = usedInSrc();
  expect(used("pane.nobody.uses.this")).toBe(false);
  expect(used("manifest.nobody.uses.this")).toBe(false);
  expect(used("validate.nobody.uses.this")).toBe(false);
  expect(used("validate.type.decimals")).toBe(true); // whole, in the RULES registry
  expect(used("validate.severity.erreur")).toBe(true); // by a template head
  expect(used("pane.generate")).toBe(true); // by its short name in src/taskpane
  expect(used("manifest.xml.malformed")).toBe(true); // by its code in src/manifest
  expect(literals('// l\'axe\nissue("", "a.b", {}); t(`vue.${v}`)')).toEqual({
    whole: new Set(["", "a.b"]),
    heads: new Set(["vue."]),
  });
});
