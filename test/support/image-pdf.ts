/**
 * A PDF holding only images, one JPEG a page, drawn over the whole page: what a scanner produces (no text
 * layer). Written by hand — a catalog, a page tree, and per page an image XObject (DCTDecode) and a content
 * stream that draws it — so the scanned-page fixtures need no PDF-writing library.
 */
export interface ScanPage {
  /** JPEG bytes (greyscale or RGB) */
  jpeg: Uint8Array;
  /** pixel size of the JPEG */
  pixelWidth: number;
  pixelHeight: number;
  /** 1 = greyscale, 3 = RGB */
  components: 1 | 3;
  /** page size in points */
  width: number;
  height: number;
}

export function imagePdf(pages: readonly ScanPage[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const enc = new TextEncoder();
  const put = (b: Uint8Array | string) => {
    const bytes = typeof b === "string" ? enc.encode(b) : b;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, body: () => void) => {
    offsets[n] = length;
    put(`${n} 0 obj\n`);
    body();
    put("\nendobj\n");
  };
  put("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  // objects: 1 catalog, 2 pages, then per page i: page 3+3i, image 4+3i, content 5+3i
  const kids = pages.map((_, i) => `${3 + 3 * i} 0 R`).join(" ");
  object(1, () => put("<< /Type /Catalog /Pages 2 0 R >>"));
  object(2, () => put(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`));
  pages.forEach((p, i) => {
    const [page, image, content] = [3 + 3 * i, 4 + 3 * i, 5 + 3 * i];
    object(page, () =>
      put(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.width} ${p.height}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`),
    );
    object(image, () => {
      const space = p.components === 1 ? "/DeviceGray" : "/DeviceRGB";
      put(`<< /Type /XObject /Subtype /Image /Width ${p.pixelWidth} /Height ${p.pixelHeight} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`);
      put(p.jpeg);
      put("\nendstream");
    });
    const draw = `q ${p.width} 0 0 ${p.height} 0 0 cm /Im0 Do Q`;
    object(content, () => put(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`));
  });
  const count = 3 + 3 * pages.length;
  const xref = length;
  put(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) put(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`);
  put(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The pixel size and components of a baseline or progressive JPEG (its SOF marker). */
export function jpegSize(jpeg: Uint8Array): { pixelWidth: number; pixelHeight: number; components: 1 | 3 } {
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) throw new Error("not a JPEG");
    const marker = jpeg[i + 1]!;
    const len = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      const pixelHeight = (jpeg[i + 5]! << 8) | jpeg[i + 6]!;
      const pixelWidth = (jpeg[i + 7]! << 8) | jpeg[i + 8]!;
      return { pixelWidth, pixelHeight, components: jpeg[i + 9] === 1 ? 1 : 3 };
    }
    i += 2 + len;
  }
  throw new Error("no JPEG frame header");
}
