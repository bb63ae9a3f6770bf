/**
 * 经济分类 — what a department economic code says on its own: its 类 and 款, whether it is 人员经费, its
 * "三公" item, whether its 类 is one 机关运行经费 counts. The one home of these code facts; what a line's use,
 * source and unit make of them is in ../classify.ts.
 */

/** 经济分类 类 (3 digits) of a department economic code. */
export function economicClass(code: string): string {
  return code.slice(0, 3);
}

/** 经济分类 款 (5 digits): local 7-digit sub-items roll up into their 款. */
export function economicSection(code: string): string {
  return code.slice(0, 5);
}

/** 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助; everything else in basic expenditure is 公用经费. */
export function isPersonnel(code: string): boolean {
  const c = economicClass(code);
  return c === "301" || c === "303";
}

/** What a department economic code says: its 类 and 款, and what they make of its lines. */
export interface EconomicCodeFacts {
  class: string;
  section: string;
  /** 301 or 303: 人员经费 (else 公用经费) */
  personnel: boolean;
  threePublic: ThreePublicItem | undefined;
  /** 302 or 310: 机关运行经费 when basic 财政拨款 of a 行政/参公 unit */
  operatingClass: boolean;
}

/**
 * What each code says, worked out once per code: every derive and check asks again about the codes its budget
 * uses, and each time the 类 and 款 are then the same strings (whose hashes, as map keys, are made once).
 * Codes come from input, so at most FACTS_SIZE are kept.
 */
const FACTS = new Map<string, EconomicCodeFacts>();
const FACTS_SIZE = 4096;

export function economicCodeFacts(code: string): EconomicCodeFacts {
  let facts = FACTS.get(code);
  if (!facts) {
    const cls = economicClass(code);
    facts = { class: cls, section: economicSection(code), personnel: isPersonnel(cls), threePublic: threePublicItem(code), operatingClass: cls === "302" || cls === "310" };
    if (FACTS.size < FACTS_SIZE) FACTS.set(code, facts);
  }
  return facts;
}

/** The basic-expenditure columns tables always print, in the order tables 3 and 5 print them. */
export const FIXED_BASIC_CLASSES = ["301", "303", "302"] as const;

/** Short names of economic 类 as the expenditure tables print them. */
export const ECONOMIC_CLASS_NAMES: Record<string, string> = {
  "301": "工资福利支出",
  "302": "商品和服务支出",
  "303": "对个人和家庭的补助",
  "307": "债务利息及费用支出",
  "309": "资本性支出（基本建设）",
  "310": "资本性支出",
  "311": "对企业补助（基本建设）",
  "312": "对企业补助",
  "313": "对社会保障基金补助",
  "399": "其他支出",
};

/** The short name of an economic 类 as the expenditure tables print it (the code when unknown). */
export function economicClassName(cls: string): string {
  return ECONOMIC_CLASS_NAMES[cls] ?? cls;
}

/** "三公"经费 items by department economic 款 (domain.md §4, table 7). */
export type ThreePublicItem = "abroad" | "reception" | "vehiclePurchase" | "vehicleOperation";

/** The "三公" items' names as the narrative, the rules and the audit print them. */
export const THREE_PUBLIC_ITEM_NAMES: Readonly<Record<ThreePublicItem, string>> = {
  abroad: "因公出国（境）费",
  reception: "公务接待费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行维护费",
};

/** Every "三公" item, in the order table 7 prints them. */
export const THREE_PUBLIC_ITEMS: readonly ThreePublicItem[] = ["abroad", "reception", "vehiclePurchase", "vehicleOperation"];

/** The "三公" item a department economic code belongs to, if any. */
export function threePublicItem(code: string): ThreePublicItem | undefined {
  switch (economicSection(code)) {
    case "30212":
      return "abroad";
    case "30217":
      return "reception";
    case "31013":
    case "30913":
      return "vehiclePurchase";
    case "30231":
      return "vehicleOperation";
    default:
      return undefined;
  }
}

/** 会议费 and 培训费 — printed beside "三公" in Jiangsu's table 9 (一般公共预算"三公"经费、会议费、培训费支出预算表). */
export type MeetingTrainingItem = "meeting" | "training";

export const MEETING_TRAINING_ITEM_NAMES: Readonly<Record<MeetingTrainingItem, string>> = { meeting: "会议费", training: "培训费" };

/** 30215 会议费 or 30216 培训费 (local sub-items roll up into their 款), else undefined. */
export function meetingTrainingItem(code: string): MeetingTrainingItem | undefined {
  const section = economicSection(code);
  return section === "30215" ? "meeting" : section === "30216" ? "training" : undefined;
}
