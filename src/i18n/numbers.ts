/**
 * Numbers inside messages, written as each language reads them: « 0,5 » and « 1 200 € » in French,
 * "0.5" and "€1,200" in English. A message built with them says its numbers in its own language.
 */
import { formatEuros } from "../util/euros";
import { formatFrenchNumber } from "../util/frenchNumber";
import type { PerLang } from "./index";

export function num(n: number): PerLang {
  return { fr: formatFrenchNumber(n), en: String(n) };
}

/** English amounts: comma between thousands, a decimal point, cents only when there are some. */
function englishEuros(n: number): string {
  const [int = "0", cents = "00"] = Math.abs(n).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}€${grouped}${cents === "00" ? "" : `.${cents}`}`;
}

export function euros(n: number): PerLang {
  return { fr: formatEuros(n), en: englishEuros(n) };
}
