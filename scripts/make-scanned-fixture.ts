/**
 * Makes a scanned copy of published PDF pages (a test fixture): each page rendered at 200 dpi in grey
 * (`pdftoppm -r 200 -gray -jpeg`) and put alone on a page of a new PDF, with no text layer.
 *
 *   npx tsx scripts/make-scanned-fixture.ts in.pdf first-page last-page out.pdf
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { imagePdf, jpegSize } from "../test/support/image-pdf.ts";

const [input, first, last, output] = process.argv.slice(2);
if (!input || !first || !last || !output) throw new Error("usage: make-scanned-fixture in.pdf first last out.pdf");
const dir = mkdtempSync(join(tmpdir(), "scan-"));
try {
  const dpi = 200;
  execFileSync("pdftoppm", ["-f", first, "-l", last, "-r", String(dpi), "-gray", "-jpeg", "-jpegopt", "quality=60", input, join(dir, "p")]);
  const pages = readdirSync(dir)
    .sort()
    .map((f) => {
      const jpeg = readFileSync(join(dir, f));
      const size = jpegSize(jpeg);
      return { jpeg, ...size, width: (size.pixelWidth * 72) / dpi, height: (size.pixelHeight * 72) / dpi };
    });
  writeFileSync(output, imagePdf(pages));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
