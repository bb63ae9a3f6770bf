/** 与上一份公开文件核对 — GET /api/public/publications/:id/compare: a publication against its predecessor. */
import { z } from "zod";
import { type Wire, finding } from "./common.ts";
import { publicationMeta } from "./public.ts";

export const publicationComparison = z.object({
  publication: publicationMeta,
  predecessor: publicationMeta
    .extend({
      relation: z.enum(["previous-year", "previous-version"]).describe("previous-year: the same department's latest publication of the year before; previous-version: the budget's version before this one"),
    })
    .nullable()
    .describe("what the publication was compared with; null for a department's first publication"),
  findings: z
    .array(finding)
    .describe("跨文件核对 (src/audit/core/cross) over the two department documents: this year's 上年 figures against last year's published budget; each names both publications"),
});
export type PublicationComparison = Wire<typeof publicationComparison>;
