/**
 * The text of a PDF as it lies on paper: `pdftotext -bbox-layout` (poppler-utils) gives each page's size and each
 * word's box, in PDF points (1/72 inch) from the page's top-left corner, grouped in lines.
 */
import { execFileSync } from "node:child_process";

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLine {
  words: PdfWord[];
  text: string;
  yMin: number;
  yMax: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? all),
  );

/** Whether poppler's pdftotext is installed. */
export function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The pages of `pdf`, their lines in poppler's reading order. */
export function readPdfText(pdf: string): PdfPage[] {
  const xhtml = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const pages: PdfPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const [, width, height, body] of xhtml.matchAll(pageRe)) {
    const lines: PdfLine[] = [];
    for (const [, inner] of body!.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
      const words = [
        ...inner!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map(([, x0, y0, x1, y1, text]) => ({
        text: decode(text!),
        xMin: Number(x0),
        yMin: Number(y0),
        xMax: Number(x1),
        yMax: Number(y1),
      }));
      if (!words.length) continue;
      lines.push({
        words,
        text: words.map((w) => w.text).join(" "),
        yMin: Math.min(...words.map((w) => w.yMin)),
        yMax: Math.max(...words.map((w) => w.yMax)),
      });
    }
    pages.push({
      number: pages.length + 1,
      width: Number(width),
      height: Number(height),
      lines,
      words: lines.flatMap((l) => l.words),
    });
  }
  return pages;
}
