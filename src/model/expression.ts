/**
 * The expression language of the rules an ODPE writes (`regles` of the model), read by a small recursive-descent
 * parser — never `eval` — into a tree that the validation evaluates.
 *
 *   expression := terme (("+" | "-") terme)*
 *   terme      := facteur (("*" | "/") facteur)*
 *   facteur    := "-" facteur | nombre | "(" expression ")" | fonction "(" id ")" | id [partie] [ "[" annee "]" ]
 *   partie     := ".numerateur" | ".denominateur"
 *   annee      := "Y" [("+" | "-") entier] | AAAA
 *
 * `fa_6.ind_2` is the indicator's value of the campaign year (a ratio: its rate, 0–100); `fa_6.ind_2[Y-1]` the
 * year before, `fa_6.ind_2[2024]` a given year; a ratio's parts are `fa_6.ind_2.numerateur` and
 * `fa_6.ind_2.denominateur`. A function counts the sous-actions of a fiche (or one sous-action)
 * in a state for the campaign: `realisees(fa_3)`, `en_cours(…)`, `reportees(…)`, `abandonnees(…)`,
 * `non_commencees(…)`, `non_renseignees(…)`. Numbers take a decimal point or comma (`0,5`).
 */

/** The state each counting function counts (model/vocabulaire.ts keys; undefined: none entered). */
export const COUNT_FUNCTIONS = {
  realisees: "realise",
  en_cours: "enCours",
  reportees: "reporte",
  abandonnees: "abandonne",
  non_commencees: "nonCommence",
  non_renseignees: undefined,
} as const;
export type CountFunction = keyof typeof COUNT_FUNCTIONS;

/** A part of a ratio, named after its indicator id (`fa_6.ind_2.numerateur`). */
export const RATIO_PARTS = ["numerateur", "denominateur"] as const;
export type RatioPart = (typeof RATIO_PARTS)[number];

/** A year of an indicator reference: relative to the campaign (`Y-1` → offset -1) or absolute. */
export type YearSelector = { offset: number } | { year: number };

export type Expr =
  | { kind: "nombre"; value: number }
  | { kind: "indicateur"; id: string; part?: RatioPart; year: YearSelector; text: string }
  | { kind: "compte"; fn: CountFunction; id: string; text: string }
  | { kind: "negatif"; operand: Expr }
  | { kind: "binaire"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr };

/** Why an expression cannot be read, and where: a 1-based column and the message key's words. */
export interface SyntaxError {
  column: number;
  problem:
    "operandExpected" | "closingExpected" | "unexpected" | "yearExpected" | "unknownFunction" | "idExpected" | "empty";
  found?: string;
}

/** A token: its kind, its text, its 0-based position; `n` for a number. */
interface Token {
  t: "num" | "id" | "op" | "end";
  text: string;
  at: number;
  n?: number;
}

const ID = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUM = /\d+(?:[.,]\d+)?/y;

function tokenize(src: string): Token[] | SyntaxError {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    NUM.lastIndex = i;
    const n = NUM.exec(src);
    if (n) {
      out.push({ t: "num", n: Number(n[0].replace(",", ".")), at: i, text: n[0] });
      i += n[0].length;
      continue;
    }
    ID.lastIndex = i;
    const id = ID.exec(src);
    if (id) {
      // A trailing dot belongs to no id (`fa_1.` is a typo): left for the parser to refuse.
      const text = id[0].replace(/\.+$/, "");
      out.push({ t: "id", at: i, text });
      i += text.length;
      continue;
    }
    if ("+-*/()[]".includes(c)) {
      out.push({ t: "op", at: i, text: c });
      i++;
      continue;
    }
    return { column: i + 1, problem: "unexpected", found: c };
  }
  out.push({ t: "end", at: src.length, text: "" });
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get next(): Token {
    return this.tokens[this.i]!;
  }
  private take(): Token {
    return this.tokens[this.i++]!;
  }
  private fail(problem: SyntaxError["problem"], token = this.next): never {
    throw { column: token.at + 1, problem, ...(token.t !== "end" ? { found: token.text } : {}) } as SyntaxError;
  }
  private isOp(value: string): boolean {
    return this.next.t === "op" && this.next.text === value;
  }
  private expect(value: string, problem: SyntaxError["problem"]): void {
    if (!this.isOp(value)) this.fail(problem);
    this.i++;
  }

  whole(): Expr {
    if (this.tokens.length === 1) this.fail("empty");
    const e = this.expression();
    if (this.i !== this.tokens.length - 1) this.fail("unexpected");
    return e;
  }

  private expression(): Expr {
    let left = this.terme();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.take().text as "+" | "-";
      left = { kind: "binaire", op, left, right: this.terme() };
    }
    return left;
  }

  private terme(): Expr {
    let left = this.facteur();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.take().text as "*" | "/";
      left = { kind: "binaire", op, left, right: this.facteur() };
    }
    return left;
  }

  private facteur(): Expr {
    const tok = this.next;
    if (tok.t === "op" && tok.text === "-") {
      this.i++;
      return { kind: "negatif", operand: this.facteur() };
    }
    if (tok.t === "num") {
      this.i++;
      return { kind: "nombre", value: tok.n! };
    }
    if (tok.t === "op" && tok.text === "(") {
      this.i++;
      const e = this.expression();
      this.expect(")", "closingExpected");
      return e;
    }
    if (tok.t !== "id") return this.fail("operandExpected");
    this.i++;
    if (this.isOp("(")) {
      if (!(tok.text in COUNT_FUNCTIONS)) this.fail("unknownFunction", tok);
      this.i++;
      const arg = this.next;
      if (arg.t !== "id") this.fail("idExpected");
      this.i++;
      this.expect(")", "closingExpected");
      return { kind: "compte", fn: tok.text as CountFunction, id: arg.text, text: `${tok.text}(${arg.text})` };
    }
    const part = RATIO_PARTS.find((p) => tok.text.endsWith(`.${p}`));
    const ref = { id: part ? tok.text.slice(0, -part.length - 1) : tok.text, ...(part ? { part } : {}) };
    if (!this.isOp("[")) return { kind: "indicateur", ...ref, year: { offset: 0 }, text: tok.text };
    this.i++;
    const year = this.year();
    this.expect("]", "closingExpected");
    const sel = "year" in year ? String(year.year) : year.offset ? `Y${year.offset > 0 ? "+" : ""}${year.offset}` : "Y";
    return { kind: "indicateur", ...ref, year, text: `${tok.text}[${sel}]` };
  }

  private year(): YearSelector {
    const tok = this.next;
    if (tok.t === "num" && /^\d{4}$/.test(tok.text)) {
      this.i++;
      return { year: tok.n! };
    }
    if (tok.t !== "id" || tok.text !== "Y") return this.fail("yearExpected");
    this.i++;
    if (!this.isOp("+") && !this.isOp("-")) return { offset: 0 };
    const sign = this.take().text === "-" ? -1 : 1;
    const n = this.next;
    if (n.t !== "num" || !/^\d+$/.test(n.text)) return this.fail("yearExpected");
    this.i++;
    return { offset: sign * n.n! };
  }
}

export function parseExpression(src: string): { ok: true; expr: Expr } | { ok: false; error: SyntaxError } {
  const tokens = tokenize(src);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  try {
    return { ok: true, expr: new Parser(tokens).whole() };
  } catch (e) {
    if (e && typeof e === "object" && "problem" in e) return { ok: false, error: e as SyntaxError };
    throw e;
  }
}

/** Every indicator and counting reference of an expression, left to right. */
export function referencesOf(e: Expr): Extract<Expr, { kind: "indicateur" | "compte" }>[] {
  switch (e.kind) {
    case "nombre":
      return [];
    case "indicateur":
    case "compte":
      return [e];
    case "negatif":
      return referencesOf(e.operand);
    case "binaire":
      return [...referencesOf(e.left), ...referencesOf(e.right)];
  }
}

/** The year a selector names for a campaign. */
export const yearOf = (sel: YearSelector, campaign: number): number =>
  "year" in sel ? sel.year : campaign + sel.offset;
