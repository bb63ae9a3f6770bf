// @vitest-environment happy-dom
/**
 * 批复 and 公开 are confirmed: each opens a dialog saying what will happen, with a date the person enters (no
 * default of today), and only then moves the budget.
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App, ConfigProvider } from "antd";
import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../../src/web/api/endpoints.ts";
import type { BudgetSummary } from "../../src/web/api/types.ts";
import { Actions } from "../../src/web/pages/review/ReviewPage.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const budget = (over: Partial<BudgetSummary>): BudgetSummary => ({
  id: 7,
  departmentId: 1,
  departmentCode: "313",
  departmentName: "洛龙区社区治理和服务创新办公室",
  regionId: 1,
  divisionId: null,
  year: 2022,
  state: "finance-approved",
  version: 3,
  approvedOn: null,
  publishedOn: null,
  updatedAt: "2022-01-01T00:00:00.000Z",
  actions: ["record-approval", "return"],
  ...over,
});

function mount(b: BudgetSummary, published = false) {
  const move = vi.spyOn(api, "move").mockResolvedValue({ state: "approved", findings: [], publication: null } as never);
  const onDone = vi.fn();
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <App>
        <Actions budget={b} onDone={onDone} published={published} />
      </App>
    </ConfigProvider>,
  );
  return { move, onDone };
}

const okButton = (name: string) => screen.getAllByRole("button", { name }).find((b) => b.closest(".ant-modal"))!;

describe("confirming 批复 and 公开", () => {
  it("批复 asks first, says what happens, and needs a date typed in before it moves", async () => {
    const { move, onDone } = mount(budget({}));
    fireEvent.click(screen.getByRole("button", { name: /批复/ }));
    expect(move).not.toHaveBeenCalled();
    const dialog = await screen.findByTestId("confirm-step");
    expect(dialog.textContent).toContain("此后数据不能再修改");
    const date = screen.getByLabelText("批复日期") as HTMLInputElement;
    expect(date.value).toBe("");
    expect(dialog.textContent).toContain("不会默认为今天");
    expect(okButton("批复").hasAttribute("disabled")).toBe(true);
    fireEvent.change(date, { target: { value: "2022-02-01" } });
    expect(dialog.textContent).toContain("将记录批复日期为 2022-02-01");
    fireEvent.click(okButton("批复"));
    await waitFor(() => expect(move).toHaveBeenCalledWith(7, { action: "record-approval", date: "2022-02-01" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it("公开 says it cannot be withdrawn and when it is due, and a correction needs its note", async () => {
    const { move } = mount(budget({ state: "approved", approvedOn: "2022-02-01", actions: ["publish"] }), true);
    fireEvent.click(screen.getByRole("button", { name: /公开/ }));
    const dialog = await screen.findByTestId("confirm-step");
    expect(dialog.textContent).toContain("公开后不能撤回");
    expect(dialog.textContent).toContain("应于 2022-02-21 前公开");
    fireEvent.change(screen.getByLabelText("公开日期"), { target: { value: "2022-02-10" } });
    expect(okButton("公开").hasAttribute("disabled")).toBe(true); // a second publication is a correction: its note first
    fireEvent.change(screen.getByPlaceholderText(/更正/), { target: { value: "更正部门概况" } });
    fireEvent.click(okButton("公开"));
    await waitFor(() => expect(move).toHaveBeenCalledWith(7, { action: "publish", date: "2022-02-10", changeNote: "更正部门概况" }));
  });
});
