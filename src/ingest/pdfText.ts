/**
 * The text of a PDF, page by page and line by line, with Mozilla's PDF.js (pure JavaScript, no system
 * tools). A file that is not a PDF, a damaged or an encrypted one is an IngestError saying which.
 */
import fs from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export class IngestError extends Error {
  constructor(
    readonly file: string,
    /** Where in the file: "file", "page 3", "judgement table"… */
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

/** Pages as lines of text; `pages[0]` is page 1. */
export type PdfText = { pages: string[][] };

/** `bytes`: the file's content when the caller has read it already (`file` then only names it in errors). */
export async function readPdfText(file: string, bytes: Buffer = fs.readFileSync(file)): Promise<PdfText> {
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") {
    const start = bytes.subarray(0, 200).toString("utf8").trimStart().toLowerCase();
    const looksLike = start.startsWith("<!doctype html") || start.startsWith("<html") ? " (it is an HTML page)" : "";
    throw new IngestError(file, "file", `not a PDF${looksLike}: it does not start with %PDF-`);
  }
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") throw new IngestError(file, "file", "the PDF is encrypted (it asks for a password)");
    throw new IngestError(file, "file", `the PDF cannot be read: ${(error as Error).message}`);
  }
  const pages: string[][] = [];
  let number = 0;
  try {
    for (number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items as { str?: string; transform?: number[] }[]));
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    throw new IngestError(file, `page ${number}`, `the PDF is damaged: ${(error as Error).message}`);
  } finally {
    await doc.destroy();
  }
}

/** Text items to lines: a new line where the baseline moves; spaces collapsed. */
function linesOf(items: { str?: string; transform?: number[] }[]): string[] {
  const lines: string[] = [];
  let current = "";
  let lastY: number | null = null;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const y: number = item.transform?.[5] ?? lastY ?? 0;
    if (lastY !== null && Math.abs(y - lastY) > 2) {
      lines.push(current);
      current = "";
    }
    current += item.str;
    lastY = y;
  }
  lines.push(current);
  return lines.map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
}
