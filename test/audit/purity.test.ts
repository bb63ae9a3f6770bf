/** src/audit/core is pure like src/core: no node:* modules, no libraries, no adapters (style.md §1). */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("src/audit/core", () => {
  it("imports only relative modules inside src/core and src/audit/core", () => {
    const bad: string[] = [];
    for (const f of files("src/audit/core")) {
      for (const m of readFileSync(f, "utf8").matchAll(/^\s*(?:import|export)[^;]*?from\s+"([^"]+)"/gm)) {
        const spec = m[1]!;
        const resolved = spec.startsWith(".") ? join(f, "..", spec) : spec;
        if (!resolved.startsWith("src/core/") && !resolved.startsWith("src/audit/core/")) bad.push(`${f}: ${spec}`);
      }
      if (/\bprocess\.|\bfetch\(/.test(readFileSync(f, "utf8"))) bad.push(`${f}: process/fetch`);
    }
    expect(bad).toEqual([]);
  });
});
