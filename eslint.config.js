// @ts-check
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Anything that touches the outside world. The core must stay pure (../shared/style.md §1). */
const ioModules = [
  "fs", "fs/*", "node:*", "path", "os", "child_process", "http", "https", "net", "stream",
  "exceljs", "yaml", "commander", "@electric-sql/*", "kysely", "pg", "fastify", "react",
];

export default tseslint.config(
  { ignores: ["node_modules/**", "out/**", "dist/**", "coverage/**", "scratch/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/core/**/*.ts", "src/audit/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          {
            group: ioModules,
            message: "src/core is the pure domain core: no I/O, storage, UI or file-format libraries. Put adapters in src/formats, src/store, src/server or src/cli and pass data in.",
          },
          {
            group: ["../formats/*", "../cli/*", "../store/*", "../server/*", "../web/*", "**/formats/**", "**/cli/**"],
            message: "Imports point inward: src/core must not import adapters.",
          },
        ],
      }],
      "no-restricted-globals": ["error",
        { name: "process", message: "src/core is pure: pass configuration in instead of reading process." },
        { name: "fetch", message: "src/core is pure: no network." },
      ],
    },
  },
  {
    // The API contract is imported by the server and by the web app (in the browser): zod schemas and the
    // core's vocabulary only, so neither side drags the other's world in.
    files: ["src/contract/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ioModules, message: "src/contract is shared by the server and the browser: zod and the core only, no I/O, storage or UI libraries." },
          { group: ["**/server/**", "**/store/**", "**/web/**", "**/cli/**", "**/formats/**", "**/audit/**"], message: "src/contract describes the API's answers with zod and the core's types; it imports no adapter (they import it)." },
        ],
      }],
      "no-restricted-globals": ["error", { name: "process", message: "src/contract is pure data description." }, { name: "fetch", message: "src/contract is pure data description." }],
    },
  },
  {
    files: ["src/formats/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/cli/**", "**/server/**", "**/web/**"], message: "Formats are adapters used by the CLI and server, never the other way round." }],
      }],
    },
  },
  {
    files: ["src/server/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/cli/**", "**/web/**"], message: "The server and the CLI are sibling adapters: shared pieces (renderers, catalog choice) live in src/formats." }],
      }],
    },
  },
  {
    files: ["src/store/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/server/**", "**/cli/**", "**/web/**", "**/formats/**", "fastify", "@fastify/*"], message: "src/store is storage only: it takes and returns model data; HTTP, CLI and file formats sit outside it." }],
      }],
    },
  },
  {
    // The web app runs in the browser: the API client is its only way to data (../shared/style.md §1).
    files: ["src/web/**/*.ts", "src/web/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "http", "https", "net", "stream"], message: "src/web runs in the browser: no Node built-ins." },
          { group: ["**/store/**", "**/server/**", "**/cli/**", "**/audit/**", "kysely", "pg", "@electric-sql/*", "fastify", "@fastify/*", "exceljs", "yaml"], message: "src/web talks to the server through src/web/api only; it may use the pure core (and the budget-file schema), never storage, the server or the CLI." },
        ],
      }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
