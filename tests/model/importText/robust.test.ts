/**
 * The import does not depend on how the text was copied: the same seed with Windows line ends, curly apostrophes,
 * non-breaking spaces, ligatures, words cut at line ends, page numbers and a running footer gives the same model and
 * the same decision keys.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importText } from "../../../src/model/importText";

const SEEDS = [
  "000_f347ab01f42fc101.txt",
  "001_f92ac682515ef611.txt",
  "002_1cf57db32b0c75ec.txt",
  "004_0b9c7487d1540e19.txt",
];

/** The text as another PDF reader would give it. */
function roughen(text: string): string {
  const lines = text.split("\n").flatMap((l, i) => {
    // A running footer and a page number at every 40th blank line.
    if (l === "" && i % 40 === 0)
      return ["", "Conseil départemental — Schéma enfance famille", "", `- ${1 + i / 40} -`, ""];
    // A long plain line cut inside a long word, as a justified PDF line is.
    const m = /^(.{60,}?\s)(\p{Ll}{4})(\p{Ll}{4,})(\s.*)$/u.exec(l);
    if (m && !l.includes("\t") && !l.includes("<")) return [`${m[1]}${m[2]}-`, `${m[3]}${m[4]}`];
    return [l];
  });
  return lines.join("\r\n").replace(/'/g, "’").replace(/ :/g, "\u00A0:").replace(/fi/g, "ﬁ");
}

describe.each(SEEDS)("seed %s copied another way", (seed) => {
  const text = readFileSync(join(__dirname, "..", "..", "fixtures", "seeds", seed), "utf8");
  it("gives the same model and the same decisions", () => {
    const plain = importText(text);
    const rough = importText(roughen(text));
    expect(roughen(text)).not.toBe(text);
    expect(rough.model).toEqual(plain.model);
    expect(rough.decisions.map((d) => d.key)).toEqual(plain.decisions.map((d) => d.key));
  });
});
