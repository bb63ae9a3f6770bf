import { describe, expect, it } from "vitest";
import { coverDepartment, coverYear } from "../../src/audit/core/identity.ts";

describe("the cover read as a person reads it", () => {
  it("a wrapped title: the name before the year and 决算", () => {
    const cover = ["中共上海市普陀区委", "社会工作部 2024 年度", "部门决算"];
    expect(coverDepartment(cover)).toBe("中共上海市普陀区委社会工作部");
    expect(coverYear(cover)).toBe(2024);
  });
  it("the year first, and a signing date that is not the year", () => {
    const cover = ["2018 年度江苏省高级", "人民法院预算公开", "2018 年 2 月 24 日"];
    expect(coverDepartment(cover)).toBe("江苏省高级人民法院");
    expect(coverYear(["某局预算公开", "2018 年 2 月 24 日"])).toBeUndefined();
  });
  it("a labelled line wins over the title", () => {
    expect(coverDepartment(["上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区人民政府办公室"])).toBe("上海市普陀区人民政府办公室");
    expect(coverDepartment(["江苏省2018年度", "省级部门预算公开报表", "部 门:中共江苏省委办公厅", "江苏省财政厅印制"])).toBe("中共江苏省委办公厅");
  });
  it("never a section heading or table furniture", () => {
    expect(coverDepartment(["一、主要职能"])).toBeUndefined();
    expect(coverDepartment(["公开01表"])).toBeUndefined();
  });
});
