/**
 * A year of execution of test/rules' minimal budget, small enough to compute every figure by hand:
 * 年初 940 000 元; one approved 追加 (20 000 to the project), one approved 调剂 (5 000 from 办公费 to
 * 公务接待费), one unapproved 追减 that must not count; 833 000 元 paid.
 */
import type { Execution, LineRef, Payment } from "../../src/core/execution/index.ts";
import { PROJECT, UNIT, yuan } from "../rules/fixture.ts";

export const L = {
  salary: { unit: UNIT, functional: "2010101", economic: "30101" },
  pension: { unit: UNIT, functional: "2080505", economic: "30108" },
  office: { unit: UNIT, functional: "2010101", economic: "30201" },
  reception: { unit: UNIT, functional: "2010101", economic: "30217" },
  project: { unit: UNIT, functional: "2010102", economic: "30227", project: PROJECT },
} satisfies Record<string, LineRef>;

function pay(date: string, line: LineRef, amount: number): Payment {
  return { date, ...line, amount: yuan(amount) };
}

export function minimalExecution(): Execution {
  const payments: Payment[] = [];
  for (let m = 1; m <= 11; m++) payments.push(pay(`2021-${String(m).padStart(2, "0")}-15`, L.salary, 50000));
  payments.push(pay("2021-12-15", L.salary, 0), pay("2021-12-20", L.pension, 80000), pay("2021-03-01", L.office, 45000), pay("2021-05-01", L.reception, 8000));
  payments.push(pay("2021-04-10", L.project, 50000), pay("2021-10-10", L.project, 100000));
  payments.push(pay("2022-01-05", L.office, 999)); // after the year: ignored
  return {
    year: 2021,
    asOf: "2021-12-31",
    payments,
    adjustments: [
      { id: "A1", kind: "追加", date: "2021-06-01", amount: yuan(20000), to: L.project, reason: "运维范围扩大", approval: { document: "测财〔2021〕1号", date: "2021-06-30" } },
      { id: "A2", kind: "调剂", date: "2021-07-01", amount: yuan(5000), from: L.office, to: L.reception, reason: "接待任务增加", approval: { document: "测财〔2021〕2号", date: "2021-07-05" } },
      { id: "A3", kind: "追减", date: "2021-11-01", amount: yuan(30000), from: L.salary, reason: "待批" },
    ],
    actuals: [
      { project: PROJECT, level3: "运维系统数", value: { kind: "numeric", value: "3" } },
      { project: PROJECT, level3: "完成时间", value: { kind: "date", date: "2021-11-15" }, evidence: "验收报告" },
      { project: PROJECT, level3: "系统可用率", value: { kind: "numeric", value: "98.01" }, reason: "7月机房停电" },
      { project: PROJECT, level3: "使用人员满意度", value: { kind: "numeric", value: "95" } },
      { level3: "总体工作完成率", value: { kind: "numeric", value: "100" } },
      { level3: "离退休人员经费变动率", value: { kind: "not-applicable", reason: "无离退休人员经费" } },
    ],
    prior: { carryOver: yuan(100000), personnel: yuan(600000), publicFunds: yuan(50000), staff: 20, threePublic: yuan(10000) },
  };
}
