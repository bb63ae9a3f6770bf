/**
 * 不予公开 — the switch that withholds a unit or a project from the public documents (涉密, core/exempt.ts),
 * with the reason the public note states. The content keeps the budget file's form: no `exempt` key when
 * published, `{ basis }` when withheld (`true` — the default 涉密 — when the reason is left empty).
 */
import { Checkbox, Col, Form, Input, Row } from "antd";
import { DEFAULT_EXEMPT_BASIS } from "../../../core/exempt.ts";
import { useI18n } from "../../i18n/index.tsx";

/** `exempt` as the budget file may hold it: true, a reason, or `{ basis }`. */
export type ContentExempt = true | string | { basis: string };

/** The reason written in the content ("" for the default). */
function basisOf(e: ContentExempt): string {
  return e === true ? "" : typeof e === "string" ? e : e.basis;
}

/** The item with its 不予公开 mark set, or without the key when it is published (the file has no `exempt: false`). */
export function withExempt<T extends { exempt?: ContentExempt }>(x: T, exempt: ContentExempt | undefined): T {
  const { exempt: _old, ...rest } = x;
  return (exempt === undefined ? rest : { ...rest, exempt }) as T;
}

export function ExemptField({ id, value, onChange }: { id: string; value: ContentExempt | undefined; onChange: (e: ContentExempt | undefined) => void }) {
  const { t } = useI18n();
  const marked = value !== undefined;
  return (
    <Row gutter={12} align="middle">
      <Col xs={24} md={8}>
        <Form.Item style={{ marginBottom: 8 }}>
          <Checkbox id={`${id}-exempt`} checked={marked} onChange={(e) => onChange(e.target.checked ? { basis: DEFAULT_EXEMPT_BASIS } : undefined)}>
            {t("exemptMark")}
          </Checkbox>
        </Form.Item>
      </Col>
      {marked && (
        <Col xs={24} md={16}>
          <Form.Item label={t("exemptBasis")} htmlFor={`${id}-exempt-basis`} extra={t("exemptHint")} style={{ marginBottom: 8 }}>
            <Input id={`${id}-exempt-basis`} placeholder={DEFAULT_EXEMPT_BASIS} value={basisOf(value)} onChange={(e) => onChange(e.target.value.trim() === "" ? true : { basis: e.target.value })} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
