/**
 * Just enough PDF reading for the print tests: the pages of a Chromium PDF and how much each page
 * draws (the inflated size of its content streams), so a blank page shows up as a tiny one.
 */
import zlib from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const from = m.index + m[0].length;
    const streamAt = text.indexOf('stream', from);
    const endAt = text.indexOf('endobj', from);
    if (streamAt !== -1 && streamAt < endAt) {
      const dataStart = streamAt + (text.startsWith('stream\r\n', streamAt) ? 8 : 7);
      const dataEnd = text.indexOf('endstream', dataStart);
      objects.set(m[1]!, { dict: text.slice(from, streamAt), stream: pdf.subarray(dataStart, dataEnd) });
      header.lastIndex = text.indexOf('endobj', dataEnd);
    } else {
      objects.set(m[1]!, { dict: text.slice(from, endAt) });
      header.lastIndex = endAt;
    }
  }
  return objects;
}

/** Per page, in document order: the bytes its content streams draw with. */
export function pdfPageInk(pdf: Buffer): number[] {
  const objects = readObjects(pdf);
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page(?![s\w])/.test(o.dict));
  return pages.map((page) => {
    const contents = page.dict.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? '';
    return [...contents.matchAll(/(\d+) 0 R/g)].reduce((sum, [, id]) => {
      const stream = objects.get(id!)?.stream;
      if (!stream) return sum;
      try {
        return sum + zlib.inflateSync(stream).length;
      } catch {
        return sum + stream.length;
      }
    }, 0);
  });
}

/** Per page, in document order: its size in points from /MediaBox (A4 portrait ≈ 595 × 842). */
export function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  const objects = readObjects(pdf);
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page(?![s\w])/.test(o.dict));
  return pages.map((page) => {
    const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(page.dict);
    if (!box) return { width: 0, height: 0 };
    const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
    return { width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
  });
}
