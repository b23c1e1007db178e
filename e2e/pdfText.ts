/**
 * The text of a PDF, page by page, read with Mozilla's PDF.js (pdfjs-dist, pinned at 5.4.296: the
 * last release that runs on Node 20; 5.5 and later need Node 22).
 */
export async function pdfPages(pdf: Buffer): Promise<{ text: string; width: number; height: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push({ text: text.replace(/\s+/g, ' '), width, height });
  }
  await doc.destroy();
  return pages;
}
