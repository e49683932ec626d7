/**
 * Amounts in euros written the French way, the same in Node and every browser
 * (toLocaleString's separators vary with the ICU data): spaces between
 * thousands, a decimal comma, cents only when there are some: « 1 200 000 € »,
 * « 62 800 000,50 € ».
 */
export function formatEuros(n: number): string {
  const [int = "0", cents = "00"] = Math.abs(n).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${n < 0 ? "-" : ""}${grouped}${cents === "00" ? "" : `,${cents}`} €`;
}
