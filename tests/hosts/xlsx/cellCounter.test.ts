/** The guard's cell counter: `<c>` elements only, with any prefix, wherever the chunks are cut. */
import { CellCounter } from "../../../src/hosts/xlsx/cellCounter";

const XML =
  '<?xml version="1.0"?><worksheet><cols><col min="1"/></cols><sheetData><row r="1">' +
  '<c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c><c/><c>\n</c><x:c r="C1"/><cc/><x:cc/>' +
  '</row></sheetData><conditionalFormatting><cfRule type="x"/></conditionalFormatting><!-- <c> --></worksheet>';

test("counts <c …>, <c>, <c/> and <x:c …>, not <col>, <cc>, <cfRule> nor closing tags", () => {
  const counter = new CellCounter();
  counter.feed(Buffer.from(XML));
  // The comment's <c> counts too: a scan that parses nothing errs on the side of more.
  expect(counter.count).toBe(6);
});

test.each([1, 2, 3, 7])("the same count when the XML comes in chunks of %i bytes", (size) => {
  const counter = new CellCounter();
  const bytes = Buffer.from(XML);
  for (let i = 0; i < bytes.length; i += size) counter.feed(bytes.subarray(i, i + size));
  expect(counter.count).toBe(6);
});
