/**
 * 预算编制 — one budget: the line-item grid, projects and targets, reasons, profile, a preview, import;
 * the findings panel beside them (the core's rules run in the browser as people type); saves (each a
 * version; automatic two seconds after the last change), downloads and the submission.
 */
import { DownloadOutlined, SaveOutlined, SendOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Alert, Breadcrumb, Button, Card, List, Modal, Space, Tabs, Tag, Typography, Upload } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import type { BudgetSummary, CatalogAnswer, CheckResult, Content, ContentLineItem, Finding, Transition } from "../../api/types.ts";
import { FindingsPanel, type PanelFinding, placeText } from "../../components/FindingsPanel.tsx";
import type { GridHandle } from "../../components/LineItemGrid.tsx";
import { PreviewPane } from "../../components/PreviewPane.tsx";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { type AmountUnit, fenOfYuanText } from "../../lib/amount.ts";
import { catalogIndexOf, checkContent, gridPlace, type LocalFinding } from "../../lib/check.ts";
import { type GridState, type Row, emptyRow, initialGrid } from "../../lib/grid-model.ts";
import { useAsync } from "../../lib/use-async.ts";
import { Link, navigate } from "../../router.tsx";
import { useSession } from "../../session.tsx";
import { itemsOfRows, rowOfItem } from "./line-rows.ts";
import { ControlFigures, type ControlFigureInput } from "./ControlFigures.tsx";
import { LinesTab, useLineColumns } from "./LinesTab.tsx";
import { type ContentProcurement, ProcurementTab } from "./ProcurementTab.tsx";
import { type ContentProject, ProjectsTab } from "./ProjectsTab.tsx";
import { type ContentProfile, type ContentUnit, ProfileTab, ReasonsTab } from "./TextsTabs.tsx";

interface Loaded {
  budget: BudgetSummary;
  version: number;
  content: Content;
  catalog: CatalogAnswer;
  explanations: { rule: string; locationKey: string; text: string; author: string | null }[];
  /** 控制数 of the department and year (empty before the finance bureau sets them) */
  controlFigures: ControlFigureInput[];
  /** the last 退回, when it is the latest move: the reviewer's comment for the preparer */
  returned?: Transition;
}

const AUTOSAVE_MS = 2000;
const CHECK_MS = 250;

export const STATE_COLORS: Record<string, string> = { draft: "default", submitted: "processing", "department-approved": "cyan", "finance-approved": "blue", approved: "purple", published: "success" };

export default function BudgetEditor({ id }: { id: number }) {
  const state = useAsync<Loaded>(
    async (signal) => {
      const b = await api.budget(id, signal);
      const [catalog, ex, moves, control] = await Promise.all([
        api.catalog(b.budget.year),
        api.explanations(id),
        api.transitions(id),
        api.controlFigures(b.budget.departmentId, b.budget.year).catch(() => ({ controlFigures: [] })),
      ]);
      const last = moves.transitions[moves.transitions.length - 1];
      return { ...b, catalog, explanations: ex.explanations, controlFigures: control.controlFigures, returned: last?.action === "return" ? last : undefined };
    },
    [id],
  );
  return <AsyncView state={state}>{(d) => <Editor key={`${d.budget.id}-${d.version}-${d.budget.state}`} initial={d} reload={state.reload} />}</AsyncView>;
}

function Editor({ initial, reload }: { initial: Loaded; reload: () => void }) {
  const { t, bilingual, stateName, lang, time } = useI18n();
  const { message, modal } = App.useApp();
  const { user } = useSession();
  const id = initial.budget.id;
  const [summary, setSummary] = useState(initial.budget);
  const catalogIndex = useMemo(() => catalogIndexOf(initial.catalog), [initial.catalog]);
  const [parts, setParts] = useState<Content>(() => {
    const { lineItems: _l, ...rest } = initial.content;
    return rest;
  });
  const [grid, setGrid] = useState<GridState>(() => initialGrid(((initial.content.lineItems as ContentLineItem[] | undefined) ?? []).map(rowOfItem)));
  const [unit, setUnit] = useState<AmountUnit>("yuan");
  const [tab, setTab] = useState("lines");
  const version = useRef(initial.version);
  const [versionShown, setVersionShown] = useState(initial.version);
  const gridRef = useRef<GridHandle>(null);
  const editable = summary.state === "draft" && (user?.role === "preparer" || user?.role === "department-approver");

  const { items, gridRowOf } = useMemo(() => itemsOfRows(grid.rows), [grid.rows]);
  const content = useMemo<Content>(() => ({ ...parts, lineItems: items }), [parts, items]);
  const json = useMemo(() => JSON.stringify(content), [content]);
  const [savedJson, setSavedJson] = useState(json);
  const dirty = json !== savedJson;

  // --- findings as people type
  const [findings, setFindings] = useState<LocalFinding[]>(() => checkContent(content, catalogIndex));
  useEffect(() => {
    const h = setTimeout(() => setFindings(checkContent(JSON.parse(json) as Content, catalogIndex)), CHECK_MS);
    return () => clearTimeout(h);
  }, [json, catalogIndex]);
  const hasInputErrors = findings.some((f) => f.rule === "input.invalid");
  // The render gate: with errors only a marked draft downloads; only an approved budget renders unmarked.
  const errorCount = findings.filter((f) => f.severity === "error").length;
  const finalDocument = errorCount === 0 && (summary.state === "approved" || summary.state === "published");
  const [explanations, setExplanations] = useState(() => new Map(initial.explanations.map((e) => [`${e.rule}\u0000${e.locationKey}`, { text: e.text, author: e.author }])));

  /** findings with line positions shown as grid rows (blank rows are not line items) */
  const shown: PanelFinding[] = useMemo(
    () =>
      findings.map((f) => {
        if (f.location.kind !== "data") return f;
        const path = f.location.path.replace(/^lineItems\[(\d+)\]/, (_m, i: string) => `lineItems[${gridRowOf[Number(i)] ?? i}]`);
        return { ...f, location: { ...f.location, path } };
      }),
    [findings, gridRowOf],
  );
  const marks = useMemo(() => {
    const m = new Map<string, "error" | "warning" | "info">();
    const rank = { error: 0, warning: 1, info: 2 };
    for (const f of shown) {
      const p = gridPlace(f);
      if (!p) continue;
      const k = `${p.row}:${p.key}`;
      const old = m.get(k);
      if (!old || rank[f.severity] < rank[old]) m.set(k, f.severity);
    }
    return m;
  }, [shown]);

  // --- saving
  const saving = useRef(false);
  const [saveState, setSaveState] = useState<"idle" | "saving" | "error">("idle");
  const [saveError, setSaveError] = useState<string>();
  const [conflict, setConflict] = useState<ApiError>();
  const save = useCallback(async (): Promise<boolean> => {
    if (saving.current || !editable) return false;
    saving.current = true;
    setSaveState("saving");
    const snapshot = json;
    try {
      const r = await api.save(id, version.current, JSON.parse(snapshot) as Content);
      version.current = r.version;
      setVersionShown(r.version);
      setSavedJson(snapshot);
      setSaveState("idle");
      setSaveError(undefined);
      return true;
    } catch (e) {
      setSaveState("error");
      if (e instanceof ApiError && e.status === 409 && e.code !== "wrong-state") setConflict(e);
      else setSaveError(e instanceof ApiError ? bilingual(e.message) : String(e));
      return false;
    } finally {
      saving.current = false;
    }
  }, [json, editable, id, bilingual]);
  useEffect(() => {
    if (!dirty || !editable || hasInputErrors || conflict || saveState === "error") return;
    const h = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(h);
  }, [dirty, editable, hasInputErrors, conflict, saveState, save, json]);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === "s" || e.key === "S")) {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  // --- the parts
  const units = (parts.units as ContentUnit[] | undefined) ?? [];
  const projects = (parts.projects as ContentProject[] | undefined) ?? [];
  const columns = useLineColumns(initial.catalog, content, unit);
  const defaultUnit = user?.unitCode && units.some((u) => String(u.code) === user.unitCode) ? user.unitCode : String(units[0]?.code ?? "");
  const newRow = useCallback((): Row => emptyRow(columns, { unit: defaultUnit, nature: "basic", source: "gpb-appropriation" }), [columns, defaultUnit]);
  const total = useMemo(() => items.reduce((s, i) => s + (Number.isFinite(fenOfYuanText(String(i.amount))) ? fenOfYuanText(String(i.amount)) : 0), 0), [items]);
  const projectAmounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of items) if (i.project) m.set(i.project, (m.get(i.project) ?? 0) + (fenOfYuanText(String(i.amount)) || 0));
    return m;
  }, [items]);

  const goTo = (f: PanelFinding) => {
    const place = gridPlace(f);
    if (place) {
      setTab("lines");
      setTimeout(() => gridRef.current?.focusCell(place.row, place.key === "*" ? "amount" : place.key), 0);
      return;
    }
    if (f.location.kind !== "data") return;
    const path = f.location.path;
    const focus = (elId: string, t2: string) => {
      setTab(t2);
      setTimeout(() => {
        const el = document.getElementById(elId);
        el?.scrollIntoView({ block: "center" });
        (el?.querySelector("input,textarea") as HTMLElement | null)?.focus();
        if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) el.focus();
      }, 50);
    };
    let m: RegExpExecArray | null;
    if ((m = /^projects\[(\d+)\]/.exec(path))) focus(`project-${m[1]}`, "projects");
    else if ((m = /^reasons\.(\w+)/.exec(path))) focus(`reason-${m[1]}`, "reasons");
    else if ((m = /^units\[(\d+)\]/.exec(path))) focus(`unit-${m[1]}`, "profile");
    else if (path.startsWith("profile")) focus("profile-duties", "profile");
    else if ((m = /^procurement\[(\d+)\]/.exec(path))) focus(`procurement-${m[1]}`, "procurement");
    else if (path.startsWith("lineItems")) setTab("lines");
  };

  const explain = async (f: PanelFinding, text: string) => {
    try {
      await api.explain(id, f.rule, f.locationKey, text);
      setExplanations((m) => new Map(m).set(`${f.rule}\u0000${f.locationKey}`, { text, author: user?.displayName ?? null }));
      message.success(t("saved"));
    } catch (e) {
      message.error(e instanceof ApiError ? bilingual(e.message) : String(e));
    }
  };

  // --- submission
  const [gate, setGate] = useState<CheckResult>();
  const [checking, setChecking] = useState(false);
  const openSubmit = async () => {
    setChecking(true);
    try {
      if (dirty && !(await save())) return;
      setGate(await api.check(id));
    } catch (e) {
      message.error(e instanceof ApiError ? bilingual(e.message) : String(e));
    } finally {
      setChecking(false);
    }
  };
  const submit = async () => {
    try {
      const r = await api.move(id, { action: "submit" });
      setGate(undefined);
      setSummary({ ...summary, state: r.state, actions: [] });
      message.success(t("submitted"));
    } catch (e) {
      if (e instanceof ApiError && e.code === "blocked") {
        setGate({ version: version.current, findings: [], gate: (e.details as { findings: Finding[] }).findings, canSubmit: false });
      } else message.error(e instanceof ApiError ? bilingual(e.message) : String(e));
    }
  };

  const saveLabel = saveState === "saving" ? t("saving") : dirty ? t("unsaved") : t("saved");
  const readOnly = !editable;

  const importTab = (
    <ImportTab
      budgetId={id}
      disabled={readOnly}
      onImport={async (file) => {
        if (dirty && !(await save())) return undefined;
        const r = await api.importFile(id, version.current, file);
        // The import is a new version: load it (the findings panel then shows its findings).
        message.success(t("importDone", { n: r.version }));
        reload();
        return r;
      }}
      onDone={reload}
    />
  );

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/work">{t("navWork")}</Link> }, { title: `${summary.departmentName} ${summary.year}` }]} style={{ marginBottom: 8 }} />
      <Space align="center" wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <Space align="center" wrap>
          <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
            {t("editorTitle", { name: summary.departmentName, year: summary.year })}
          </Typography.Title>
          <Tag color={STATE_COLORS[summary.state]}>{stateName(summary.state)}</Tag>
          <span className="muted">{t("version", { n: versionShown })}</span>
          {editable && (
            <span className="muted" role="status" aria-live="polite" data-testid="save-state">
              · {saveLabel}
            </span>
          )}
        </Space>
        <Space wrap>
          {editable && (
            <Button icon={<SaveOutlined />} onClick={() => void save()} disabled={!dirty || hasInputErrors} loading={saveState === "saving"}>
              {t("save")}
            </Button>
          )}
          {(["xlsx", "pdf"] as const).map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined />}
              href={api.renderUrl(id, format, "department", errorCount > 0)}
              download
              title={errorCount > 0 ? t("downloadDraftErrors", { n: errorCount }) : finalDocument ? undefined : t("downloadDraftState")}
            >
              {t(format === "xlsx" ? "downloadXlsxFile" : "downloadPdfFile")}
              {!finalDocument && t("draftSuffix")}
            </Button>
          ))}
          {summary.actions.includes("submit") && (
            <Button type="primary" icon={<SendOutlined />} loading={checking} onClick={() => void openSubmit()}>
              {t("submit")}
            </Button>
          )}
          {!editable && summary.actions.some((a) => a !== "submit") && (
            <Button type="primary" onClick={() => navigate(`/review/${id}`)}>
              {t("review_budget")}
            </Button>
          )}
        </Space>
      </Space>
      {initial.returned && summary.state === "draft" && (
        <Alert
          type="warning"
          showIcon
          title={t("returnedBy", { who: initial.returned.actor ?? "—", time: time(initial.returned.at) })}
          description={initial.returned.comment}
          style={{ margin: "8px 0" }}
        />
      )}
      {readOnly && summary.state !== "draft" && <Alert type="info" showIcon title={t("readOnlyNotice", { state: stateName(summary.state) })} style={{ margin: "8px 0" }} />}
      {saveError && <Alert type="error" showIcon title={t("saveFailed")} description={saveError} closable onClose={() => { setSaveError(undefined); setSaveState("idle"); }} style={{ margin: "8px 0" }} role="alert" />}
      <div className="editor-layout" style={{ marginTop: 8 }}>
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: "lines",
                label: t("tabLines"),
                children: <LinesTab columns={columns} grid={grid} setGrid={setGrid} newRow={newRow} unit={unit} setUnit={setUnit} readOnly={readOnly} marks={marks} gridRef={gridRef} total={total} count={items.length} controls={<ControlFigures figures={initial.controlFigures} items={items as ContentLineItem[]} unit={unit} />} />,
              },
              { key: "projects", label: t("tabProjects"), children: <ProjectsTab projects={projects} onChange={(p) => setParts({ ...parts, projects: p })} units={units} amounts={projectAmounts} readOnly={readOnly} /> },
              {
                key: "procurement",
                label: t("tabProcurement"),
                children: (
                  <ProcurementTab
                    rows={(parts.procurement as ContentProcurement[] | undefined) ?? []}
                    onChange={(p) => setParts({ ...parts, procurement: p })}
                    units={units}
                    projects={projects}
                    catalog={initial.catalog}
                    readOnly={readOnly}
                  />
                ),
              },
              { key: "reasons", label: t("tabReasons"), children: <ReasonsTab reasons={(parts.reasons as Record<string, string>) ?? {}} onChange={(r) => setParts({ ...parts, reasons: r })} readOnly={readOnly} /> },
              {
                key: "profile",
                label: t("tabProfile"),
                children: (
                  <ProfileTab
                    profile={(parts.profile as ContentProfile) ?? { duties: [], organisation: "" }}
                    onProfile={(p) => setParts({ ...parts, profile: p })}
                    units={units}
                    onUnits={(u) => setParts({ ...parts, units: u })}
                    readOnly={readOnly}
                  />
                ),
              },
              { key: "preview", label: t("tabPreview"), children: tab === "preview" && <PreviewPane budgetId={id} version={versionShown} units={units} dirty={dirty} onSave={editable ? () => void save() : undefined} /> },
              { key: "import", label: t("tabImport"), children: importTab },
            ]}
          />
        </Card>
        <FindingsPanel findings={shown} explanations={explanations} onGo={goTo} onExplain={editable ? explain : undefined} />
      </div>

      <Modal
        open={!!conflict}
        title={t("conflict")}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => { setConflict(undefined); reload(); }}>
            {t("reload")}
          </Button>
        }
      >
        <p>{t("conflictHint")}</p>
        {conflict && <p className="muted">{bilingual(conflict.message)}</p>}
      </Modal>

      <Modal
        open={!!gate}
        title={t("submit")}
        onCancel={() => setGate(undefined)}
        okText={t("submit")}
        cancelText={t("cancel")}
        okButtonProps={{ disabled: !gate?.canSubmit }}
        onOk={() =>
          modal.confirm({
            title: t("submit"),
            content: t("submitConfirm"),
            okText: t("confirm"),
            cancelText: t("cancel"),
            onOk: submit,
          })
        }
        width={640}
      >
        {gate?.canSubmit ? (
          <Alert type="success" showIcon title={t("canSubmit")} />
        ) : (
          <>
            <Alert type="warning" showIcon title={t("gate")} style={{ marginBottom: 8 }} />
            <List
              size="small"
              dataSource={gate?.gate ?? []}
              renderItem={(f) => (
                <List.Item>
                  <div>
                    <Tag color="red">{t(`severity_${f.severity}`)}</Tag>
                    {bilingual(f.message)}
                    <div className="finding-place">{placeText(f, t)}</div>
                  </div>
                </List.Item>
              )}
            />
          </>
        )}
        <p className="muted" style={{ marginTop: 8 }}>
          {lang === "en" ? "Warnings are explained in the findings panel." : "警告在右侧“审核发现”中逐条填写说明。"}
        </p>
      </Modal>
    </>
  );
}

function ImportTab({
  budgetId,
  disabled,
  onImport,
  onDone,
}: {
  budgetId: number;
  disabled: boolean;
  onImport: (f: File) => Promise<{ version: number; findings: Finding[] } | undefined>;
  onDone: () => void;
}) {
  const { t, bilingual } = useI18n();
  const [result, setResult] = useState<{ version: number; findings: Finding[] }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <p className="page-intro">{t("importIntro")}</p>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={api.entryWorkbookUrl(budgetId, true)} download>
          {t("entryTemplate")}
        </Button>
        <Button icon={<DownloadOutlined />} href={api.entryWorkbookUrl(budgetId, false)} download>
          {t("entryWorkbook")}
        </Button>
      </Space>
      <p className="muted">{t("entryHint")}</p>
      <Upload
        accept=".xlsx,.yaml,.yml,.json"
        maxCount={1}
        showUploadList={false}
        disabled={disabled || busy}
        beforeUpload={(file) => {
          setBusy(true);
          setError(undefined);
          setResult(undefined);
          onImport(file)
            .then((r) => r && setResult(r))
            .catch((e: unknown) => {
              const err = e as ApiError;
              const problems = (err.details as { problems?: { message: string; path?: string }[] } | null)?.problems;
              setError([bilingual(err.message), ...(problems ?? []).slice(0, 20).map((p) => `${p.path ?? ""} ${bilingual(p.message)}`)].join("\n"));
            })
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled}>
          {t("importChoose")}
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon title={t("saveFailed")} description={<pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{error}</pre>} role="alert" />}
      {result && (
        <>
          <Alert type="success" showIcon title={t("importDone", { n: result.version })} action={<Button onClick={onDone}>{t("reload")}</Button>} />
          <Typography.Title level={5}>{t("importFindings")}</Typography.Title>
          <List
            size="small"
            dataSource={result.findings}
            locale={{ emptyText: t("noFindings") }}
            renderItem={(f) => (
              <List.Item>
                <Tag color={f.severity === "error" ? "red" : f.severity === "warning" ? "gold" : "blue"}>{t(`severity_${f.severity}`)}</Tag> {bilingual(f.message)} <span className="finding-place">{placeText(f, t)}</span>
              </List.Item>
            )}
          />
        </>
      )}
    </Space>
  );
}

