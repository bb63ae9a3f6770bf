/**
 * The web app (src/web) built into dist/web, served by the API server at `/` (src/server/web-app.ts).
 * `npm run dev:web` proxies /api to a running `npm start` for hot reloading.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("./src/web", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
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
