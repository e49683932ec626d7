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

/** Paragraphs of the document body; in a table row, cells joined by a tab. */
export function documentXmlText(xml: string): string {
  const paragraph = (p: string) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)]
      .map((m) => (m[2] === "tab" ? "\t" : m[2] ? "\n" : decode(m[1]!)))
      .join("");
  const lines: string[] = [];
  // Rows first (their cells become one line), then the paragraphs outside tables, in document order.
  const body = xml.replace(/<w:tr\b[\s\S]*?<\/w:tr>/g, (row) => {
    const cells = [...row.matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((c) =>
      [...c[0].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => paragraph(p[0])).join(" "),
    );
    return `<w:p><w:t>${cells.map((c) => c.replace(/</g, "&lt;")).join("\u0001")}</w:t></w:p>`;
  });
  for (const p of body.matchAll(/<w:p\b[\s\S]*?<\/w:p>|<w:p\s*\/>/g)) lines.push(paragraph(p[0]).replace(/\u0001/g, "\t"));
  return lines.join("\n");
}

export async function docxText(data: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const doc = zip.file("word/document.xml");
  if (!doc) throw new Error("word/document.xml");
  return documentXmlText(await doc.async("string"));
}
