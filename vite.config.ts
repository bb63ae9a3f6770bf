/**
 * The web app (src/web) built into dist/web, served by the API server at `/` (src/server/web-app.ts).
 * `npm run dev:web` proxies /api to a running `npm start` for hot reloading.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { type Plugin, defineConfig } from "vite";
import { subsetFont } from "./src/formats/font-subset.ts";

const root = fileURLToPath(new URL("./src/web", import.meta.url));

/** The characters of every file under `dir` (the app's own texts and the catalogs' names). */
function charactersIn(dir: string): string {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(ts|tsx|json|yaml|css|html)$/.test(e.name)) out.push(readFileSync(join(e.parentPath, e.name), "utf8"));
  }
  return out.join("");
}

/** The 6,763 characters of GB 2312 (levels 1 and 2) with its symbols: what names and budgets are written in. */
function gb2312(): string {
  const decoder = new TextDecoder("gb2312");
  let s = "";
  for (let a = 0xa1; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) s += decoder.decode(new Uint8Array([a, b]));
  return s.replace(/\ufffd/g, "");
}

/**
 * fonts/NotoSansSC-web.ttf: Noto Sans SC (the PDF's sans, SIL OFL 1.1) cut to GB 2312, ASCII and the app's
 * own characters, declared last in the app's font list (styles.css, main.tsx): a browser downloads it only
 * when no installed font has a character, so a machine without CJK fonts shows text, not boxes.
 */
function webFont(): Plugin {
  return {
    name: "yusuan-web-font",
    apply: "build",
    generateBundle() {
      let ascii = "";
      for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
      const text = ascii + gb2312() + charactersIn(root) + charactersIn(fileURLToPath(new URL("./src/core", import.meta.url)));
      this.emitFile({ type: "asset", fileName: "fonts/NotoSansSC-web.ttf", source: subsetFont("Noto Sans SC", 400, text) });
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), webFont()],
  // csv-stringify's Node build uses Buffer; its browser build is the same API (src/core/scorecard.ts)
  resolve: { alias: [{ find: /^csv-stringify\/sync$/, replacement: "csv-stringify/browser/esm/sync" }] },
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: "pinyin", test: /node_modules[\\/]pinyin-pro[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
