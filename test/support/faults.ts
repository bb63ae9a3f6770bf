/**
 * Faults the rules report, applied to a generated budget by a seeded choice: shared by the property tests
 * and the corpus hash (scripts/corpus-hash.ts), which must see the same broken budgets.
 */
import type { Budget, FundingSource } from "../../src/core/model.ts";
import { type Fen, fen } from "../../src/core/money.ts";
import { Rng } from "./generate.ts";

/** Faults the rules report, applied to a generated budget by a seeded choice (several per budget). */
export function withFaults(b: Budget, seed: number, count: number): Budget {
  const r = new Rng(seed);
  for (let k = 0; k < count; k++) {
    const l = b.lineItems.length > 0 ? b.lineItems[r.int(0, b.lineItems.length - 1)] : undefined;
    const p = b.projects.length > 0 ? b.projects[r.int(0, b.projects.length - 1)] : undefined;
    const u = b.units[r.int(0, b.units.length - 1)]!;
    switch (r.int(0, 19)) {
      case 0:
        if (l) l.amount = fen(-l.amount - 1);
        break;
      case 1:
        if (l) {
          // a zero line counts a code in no figure's list of 款
          l.amount = fen(0);
          if (r.chance(0.5)) Object.assign(l, { nature: "basic", source: "gpb-appropriation", economic: r.pick(["30201", "30101", "30217", "31002"]) });
        }
        break;
      case 2:
        if (l) l.unit = "999999";
        break;
      case 3:
        if (b.units.length > 1) b.units[1]!.code = b.units[0]!.code;
        break;
      case 4:
        if (p && b.projects.length > 1) b.projects[0]!.code = p.code;
        break;
      case 5:
        if (l) l.functional = r.pick(["20101", "2010198", "9990101", "2019901"]);
        break;
      case 6:
        if (l) l.economic = r.pick(["3019", "35001", "3020101", "30299", "3500101", "30198"]);
        break;
      case 7:
        if (l && p) l.project = r.pick([p.code, "NOPE-1", " "]);
        break;
      case 8:
        delete b.prior;
        break;
      case 9:
        delete u.prior;
        delete u.reasons;
        break;
      case 10:
        if (p?.indicators[0]) p.indicators[0].target = r.pick([{ kind: "qualitative", text: "XX" } as const, { kind: "numeric", comparator: "≥", value: "", unit: "%" } as const]);
        break;
      case 11:
        if (p) p.indicators = p.indicators.filter((i) => i.level1 !== "效益指标");
        break;
      case 12:
        b.income = [{ unit: u.code, source: r.pick<FundingSource>(["gpb-appropriation", "other"]), amount: fen(100) }];
        break;
      case 13:
        for (const x of b.units) x.type = "institution";
        break;
      case 14:
        if (p) p.code = r.pick([u.code, b.department.code, "bad code"]);
        break;
      case 15:
        delete b.targets;
        delete u.targets;
        delete u.assets;
        break;
      case 16:
        if (l) l.source = r.pick(["government-fund", "state-capital", "other", "carry-over", "foo" as FundingSource]);
        break;
      case 17:
        b.year = 2022;
        break;
      case 18:
        // an income source outside the list: the figures cannot be stated (derive throws; rules report it)
        b.income = [...(b.income ?? []), { unit: u.code, source: "foo" as FundingSource, amount: 5 as Fen }];
        break;
      case 19:
        if (u.targets?.indicators[0]) u.targets.indicators[0].level3 = r.pick(["人均公用经费变动率", "离退休人员经费变动率"]);
        u.staffing = { authorized: 1 };
        break;
    }
  }
  return b;
}
