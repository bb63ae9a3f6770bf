/**
 * 界面语言 — Chinese first, English as a second language (a switch in the header, remembered in the
 * browser). Server messages come as "中文 / English"; `bilingual` picks the half for the language.
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import {
  FUNDING_SOURCE_NAMES,
  type FundingSource,
  NATURE_NAMES,
  type Nature,
  PROCUREMENT_KIND_NAMES,
  PROCUREMENT_ORGANISATION_NAMES,
  PROJECT_CLASS_NAMES,
  type ProcurementKind,
  type ProcurementOrganisation,
  type ProjectClass,
} from "../../core/model.ts";
import { DOCUMENT_KIND_NAMES, type DocumentKind } from "../../core/publication.ts";
import { BUDGET_STATE_NAMES, type BudgetState, ROLE_NAMES, type Role, WORKFLOW_ACTION_NAMES, type WorkflowAction } from "../../core/workflow.ts";
import { en } from "./en.ts";
import { zh } from "./zh.ts";

export type Lang = "zh-CN" | "en";
export type MessageKey = keyof typeof zh;

const STORAGE_KEY = "yusuan.lang";

const STATE_EN: Record<BudgetState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  "department-approved": "Approved by department",
  "finance-approved": "Approved by finance",
  approved: "Approved (批复)",
  published: "Published",
};
const ROLE_EN: Record<Role, string> = { preparer: "Preparer", "department-approver": "Department approver", "finance-reviewer": "Finance reviewer", admin: "Administrator" };
const ACTION_EN: Record<WorkflowAction, string> = {
  submit: "Submit",
  "approve-department": "Approve (department)",
  "approve-finance": "Approve (finance)",
  "record-approval": "Record approval",
  publish: "Publish",
  return: "Return",
};
const SOURCE_EN: Record<FundingSource, string> = {
  "gpb-appropriation": "Appropriation",
  "gpb-admin-fees": "Administrative fees",
  "gpb-special-revenue": "Special revenue",
  "gpb-state-assets": "State asset income",
  "gpb-housing-fund": "Housing fund income",
  "government-fund": "Government funds",
  "state-capital": "State capital operations",
  "special-account": "Special account",
  "advance-transfer": "Advance transfers",
  "carry-over": "Carry-over",
  other: "Other income",
  "business-income": "Business income",
  "operating-income": "Operating income",
  "superior-subsidy": "Subsidy from above",
  "subordinate-remittance": "Remittance from subordinates",
  debt: "Debt (bank loans)",
};
const NATURE_EN: Record<Nature, string> = { basic: "Basic expenditure", project: "Project expenditure", reserve: "Unit reserve", "carry-forward": "Carried to next year" };
const KIND_EN: Record<DocumentKind, string> = { budget: "Department budget", "final-accounts": "Final accounts" };
const CLASS_EN: Record<ProjectClass, string> = { general: "General", special: "Special fund", personnel: "Personnel" };
const PROCUREMENT_KIND_EN: Record<ProcurementKind, string> = { goods: "Goods", works: "Works", services: "Services" };
const ORGANISATION_EN: Record<ProcurementOrganisation, string> = { "government-central": "Government central", "department-central": "Department central", decentralised: "Decentralised" };

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** the half of a "中文 / English" message for the language */
  bilingual: (message: string) => string;
  stateName: (s: BudgetState) => string;
  roleName: (r: Role) => string;
  actionName: (a: WorkflowAction) => string;
  sourceName: (s: string) => string;
  natureName: (n: string) => string;
  projectClassName: (c: string) => string;
  /** 采购类别 — 货物 / 工程 / 服务 */
  procurementKindName: (k: string) => string;
  /** 采购组织形式 */
  organisationName: (o: string) => string;
  /** 部门预算 / 部门决算 */
  documentKindName: (k: DocumentKind) => string;
  /** a moment as people of the language write it: 2021年3月1日 09:30 / 1 Mar 2021, 09:30 */
  time: (d: string | Date) => string;
}

export function splitBilingual(message: string, lang: Lang): string {
  const i = message.indexOf(" / ");
  if (i < 0) return message;
  return lang === "en" ? message.slice(i + 3) : message.slice(0, i);
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "en" || saved === "zh-CN") return saved;
  } catch {
    // storage may be unavailable (private mode): Chinese.
  }
  return "zh-CN";
}

export function makeI18n(lang: Lang, setLang: (l: Lang) => void = () => {}): I18n {
  const dict = lang === "en" ? en : zh;
  const isEn = lang === "en";
  return {
    lang,
    setLang,
    t: (key, params) => {
      const text = dict[key] ?? zh[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
    },
    bilingual: (m) => splitBilingual(m, lang),
    stateName: (s) => (isEn ? STATE_EN[s] : BUDGET_STATE_NAMES[s]) ?? s,
    roleName: (r) => (isEn ? ROLE_EN[r] : ROLE_NAMES[r]) ?? r,
    actionName: (a) => (isEn ? ACTION_EN[a] : WORKFLOW_ACTION_NAMES[a]) ?? a,
    sourceName: (s) => (isEn ? SOURCE_EN[s as FundingSource] : FUNDING_SOURCE_NAMES[s as FundingSource]) ?? s,
    natureName: (n) => (isEn ? NATURE_EN[n as Nature] : NATURE_NAMES[n as Nature]) ?? n,
    projectClassName: (c) => (isEn ? CLASS_EN[c as ProjectClass] : PROJECT_CLASS_NAMES[c as ProjectClass]) ?? c,
    procurementKindName: (k) => (isEn ? PROCUREMENT_KIND_EN[k as ProcurementKind] : PROCUREMENT_KIND_NAMES[k as ProcurementKind]) ?? k,
    organisationName: (o) => (isEn ? ORGANISATION_EN[o as ProcurementOrganisation] : PROCUREMENT_ORGANISATION_NAMES[o as ProcurementOrganisation]) ?? o,
    documentKindName: (k) => (isEn ? KIND_EN[k] : DOCUMENT_KIND_NAMES[k]) ?? k,
    time: (d) => new Date(d).toLocaleString(isEn ? "en-GB" : "zh-CN", { dateStyle: "medium", timeStyle: "short" }),
  };
}

const I18nContext = createContext<I18n>(makeI18n("zh-CN"));

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not remembered; still switched
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
