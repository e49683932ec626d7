/**
 * The text of a Word document (.docx): a zip whose `word/document.xml` holds paragraphs (`<w:p>`) of runs
 * (`<w:t>`), tabs (`<w:tab/>`) and breaks. One line per paragraph, table cells separated by tabs, so that the
 * importer reads it as it reads a copied text.
 */
import JSZip from "jszip";

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Paragraphs of the document body, one per line; a table row is one line, its cells joined by a tab. */
export function documentXmlText(xml: string): string {
  const paragraph = (p: string) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)]
      .map((m) => (m[2] === "tab" ? "\t" : m[2] ? "\n" : decode(m[1]!)))
      .join("");
  const cellText = (cell: string) => [...cell.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => paragraph(p[0])).join(" ");
  const lines: string[] = [];
  // In document order: a table row (found first where it starts) is one line of its cells, else a paragraph.
  for (const m of xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>|<w:p\b[\s\S]*?<\/w:p>|<w:p\s*\/>/g)) {
    if (m[0].startsWith("<w:tr"))
      lines.push([...m[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((c) => cellText(c[0])).join("\t"));
    else lines.push(paragraph(m[0]));
  }
  return lines.join("\n");
}

export async function docxText(data: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const doc = zip.file("word/document.xml");
  if (!doc) throw new Error("word/document.xml");
  return documentXmlText(await doc.async("string"));
}
