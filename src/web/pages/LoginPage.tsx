/** 登录 — staff sign in; the demo accounts of a fresh installation are listed for trying it out. */
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../api/client.ts";
import type { Me } from "../api/types.ts";
import { useI18n } from "../i18n/index.tsx";
import { navigate, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";

const DEMO = [
  { username: "demo-preparer", password: "demo-preparer-2021", role: "preparer" },
  { username: "demo-approver", password: "demo-approver-2021", role: "department-approver" },
  { username: "demo-reviewer", password: "demo-reviewer-2021", role: "finance-reviewer" },
] as const;

export function homeOf(user: Me): string {
  return user.role === "finance-reviewer" ? "/review" : "/work";
}

export default function LoginPage({ next }: { next?: string }) {
  const { t, bilingual, roleName } = useI18n();
  const { login } = useSession();
  const { query } = useLocation();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const target = next ?? query.get("next") ?? undefined;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const user = await login(v.username, v.password);
      navigate(target && target.startsWith("/") && !target.startsWith("/login") ? target : homeOf(user), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? bilingual(e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 420, margin: "32px auto" }}>
      <Card>
        <Typography.Title level={2} className="page-title">
          {t("loginTitle")}
        </Typography.Title>
        <p className="page-intro">{t("loginHint")}</p>
        {error && <Alert type="error" showIcon title={t("loginFailed")} description={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" label={t("username")} rules={[{ required: true, message: t("usernameRequired") }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("password")} rules={[{ required: true, message: t("passwordRequired") }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("login")}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t("demoAccounts")} style={{ marginTop: 16 }}>
        {DEMO.map((d) => (
          <div key={d.username} style={{ display: "flex", justifyContent: "space-between", alignItems: "center", padding: "2px 0" }}>
            <span>
              {roleName(d.role)} · <code>{d.username}</code>
            </span>
            <Button size="small" onClick={() => form.setFieldsValue({ username: d.username, password: d.password })} aria-label={`${t("fillIn")} ${d.username}`}>
              {t("fillIn")}
            </Button>
          </div>
        ))}
      </Card>
    </div>
  );
}
