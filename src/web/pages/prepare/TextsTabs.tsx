/** 原因说明、部门概况 — the texts a person writes: a reason per narrative section, the profile, the units. */
import { Card, Col, Form, Input, InputNumber, Row, Select, Space } from "antd";
import { REASON_KEYS, type ReasonKey, UNIT_TYPE_NAMES, type UnitType } from "../../../core/model.ts";
import { useI18n } from "../../i18n/index.tsx";
import { type ContentExempt, ExemptField, withExempt } from "./ExemptField.tsx";

export function ReasonsTab({ reasons, onChange, readOnly }: { reasons: Record<string, string>; onChange: (r: Record<string, string>) => void; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <p className="page-intro">{t("reasonsIntro")}</p>
      <Form layout="vertical" disabled={readOnly} component="div">
        {REASON_KEYS.map((k: ReasonKey) => (
          <Form.Item key={k} label={t(`reason_${k}`)} htmlFor={`reason-${k}`}>
            <Input.TextArea
              id={`reason-${k}`}
              autoSize={{ minRows: 1, maxRows: 6 }}
              value={reasons[k] ?? ""}
              onChange={(e) => {
                const next = { ...reasons };
                if (e.target.value) next[k] = e.target.value;
                else delete next[k];
                onChange(next);
              }}
            />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}

export interface ContentProfile {
  duties: string[];
  organisation: string;
  unitsIncluded?: string[];
}

export interface ContentUnit {
  code: string;
  name: string;
  type: string;
  staffing?: { authorized?: number; actual?: number; retired?: number };
  /** 不予公开 */
  exempt?: ContentExempt;
  [k: string]: unknown;
}

export function ProfileTab({
  profile,
  onProfile,
  units,
  onUnits,
  readOnly,
}: {
  profile: ContentProfile;
  onProfile: (p: ContentProfile) => void;
  units: ContentUnit[];
  onUnits: (u: ContentUnit[]) => void;
  readOnly: boolean;
}) {
  const { t, lang } = useI18n();
  const lines = (s: string) => s.split(/\n+/).map((x) => x.trim()).filter(Boolean);
  const setUnit = (i: number, patch: Partial<ContentUnit>) => onUnits(units.map((u, j) => (j === i ? { ...u, ...patch } : u)));
  const staffLabel = { authorized: lang === "en" ? "Authorised posts" : "编制数", actual: lang === "en" ? "Staff in post" : "实有人数", retired: lang === "en" ? "Retired" : "离退休人数" };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Card size="small" title={t("tabProfile")}>
        <Form layout="vertical" disabled={readOnly} component="div">
          <Form.Item label={t("profileDuties")} htmlFor="profile-duties">
            <Input.TextArea id="profile-duties" autoSize={{ minRows: 3, maxRows: 12 }} value={profile.duties.join("\n")} onChange={(e) => onProfile({ ...profile, duties: e.target.value.split("\n") })} onBlur={() => onProfile({ ...profile, duties: lines(profile.duties.join("\n")) })} />
          </Form.Item>
          <Form.Item label={t("profileOrganisation")} htmlFor="profile-organisation">
            <Input.TextArea id="profile-organisation" autoSize={{ minRows: 2, maxRows: 8 }} value={profile.organisation} onChange={(e) => onProfile({ ...profile, organisation: e.target.value })} />
          </Form.Item>
          <Form.Item label={t("profileUnits")} htmlFor="profile-units">
            <Input.TextArea
              id="profile-units"
              autoSize={{ minRows: 1, maxRows: 6 }}
              value={(profile.unitsIncluded ?? []).join("\n")}
              onChange={(e) => onProfile({ ...profile, unitsIncluded: e.target.value ? e.target.value.split("\n") : undefined })}
            />
          </Form.Item>
        </Form>
      </Card>
      {units.map((u, i) => (
        <Card key={u.code} size="small" title={`${t("colUnit")} ${u.code} ${u.name}`} id={`unit-${i}`}>
          <Form layout="vertical" disabled={readOnly} component="div">
            <Row gutter={12}>
              <Col xs={24} md={6}>
                <Form.Item label={lang === "en" ? "Unit type" : "单位类型"} htmlFor={`unit-${i}-type`}>
                  <Select id={`unit-${i}-type`} value={u.type} onChange={(v) => setUnit(i, { type: v })} options={(Object.keys(UNIT_TYPE_NAMES) as UnitType[]).map((k) => ({ value: k, label: UNIT_TYPE_NAMES[k] }))} />
                </Form.Item>
              </Col>
              {(["authorized", "actual", "retired"] as const).map((k) => (
                <Col xs={8} md={6} key={k}>
                  <Form.Item label={staffLabel[k]} htmlFor={`unit-${i}-${k}`}>
                    <InputNumber
                      id={`unit-${i}-${k}`}
                      min={0}
                      precision={0}
                      style={{ width: "100%" }}
                      value={u.staffing?.[k] ?? null}
                      onChange={(v) => {
                        const staffing = { ...(u.staffing ?? {}) };
                        if (v === null || v === undefined) delete staffing[k];
                        else staffing[k] = Number(v);
                        setUnit(i, { staffing });
                      }}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <ExemptField id={`unit-${i}`} value={u.exempt} onChange={(exempt) => onUnits(units.map((x, j) => (j === i ? withExempt(x, exempt) : x)))} />
          </Form>
        </Card>
      ))}
    </Space>
  );
}
