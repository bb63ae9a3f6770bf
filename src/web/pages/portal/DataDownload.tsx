/**
 * 数据下载 — open data for everyone: a region-year (everything under the region included) or one
 * publication as a Fiscal Data Package, CSV or XLSX, and a preview of the facts API with its filters.
 */
import { Card, Input, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api/endpoints.ts";
import { AsyncView } from "../../components/States.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatWan } from "../../lib/format.ts";
import { useAsync } from "../../lib/use-async.ts";

const FILES = [
  ["datapackage.json", "Fiscal Data Package"],
  ["facts.csv", "CSV"],
  ["facts.xlsx", "XLSX"],
] as const;

function Downloads({ base }: { base: string }) {
  return (
    <Space wrap>
      {FILES.map(([file, label]) => (
        <a key={file} href={`${base}/${file}`} download={file === "datapackage.json" ? undefined : true}>
          {label}
        </a>
      ))}
    </Space>
  );
}

export default function DataDownload() {
  const { t } = useI18n();
  const regions = useAsync(() => api.publicRegions(), []);
  const [code, setCode] = useState<string>();
  const [year, setYear] = useState<number>();
  const [functional, setFunctional] = useState("");
  const [page, setPage] = useState(1);
  return (
    <AsyncView state={regions} isEmpty={(d) => d.regions.length === 0} empty={t("portalNoRegion")}>
      {(d) => {
        const region = d.regions.find((r) => r.code === code) ?? d.regions.find((r) => r.parentId === null) ?? d.regions[0]!;
        const years = [...new Set(d.regions.flatMap((r) => r.years))].sort((a, b) => b - a);
        const y = year ?? years[0]!;
        return (
          <>
            <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
              {t("dataDownloadTitle")}
            </Typography.Title>
            <p className="page-intro">{t("dataDownloadIntro")}</p>
            <Space wrap style={{ marginBottom: 16 }}>
              <Select aria-label={t("region")} style={{ minWidth: 220 }} value={region.code} onChange={(c) => (setCode(c), setPage(1))} options={d.regions.map((r) => ({ value: r.code, label: `${r.name}（${t(`regionLevel_${r.level}`)}）` }))} />
              <Select aria-label={t("year")} style={{ width: 120 }} value={y} onChange={(v) => (setYear(v), setPage(1))} options={years.map((v) => ({ value: v, label: String(v) }))} />
            </Space>
            <Card size="small" title={t("dataRegionYear", { region: region.name, year: y })}>
              <Downloads base={`/api/public/open-data/regions/${encodeURIComponent(region.code)}/${y}`} />
            </Card>
            <FactsPreview code={region.code} year={y} functional={functional} setFunctional={(f) => (setFunctional(f), setPage(1))} page={page} setPage={setPage} />
          </>
        );
      }}
    </AsyncView>
  );
}

function FactsPreview(p: { code: string; year: number; functional: string; setFunctional: (f: string) => void; page: number; setPage: (n: number) => void }) {
  const { t } = useI18n();
  const facts = useAsync(() => api.facts({ region: p.code, year: p.year, functional: p.functional || undefined, page: p.page }), [p.code, p.year, p.functional, p.page]);
  return (
    <Card size="small" title={t("dataFactsPreview")} style={{ marginTop: 16 }}>
      <Input.Search aria-label={t("classCode")} placeholder="208 / 20802 / 2080208" allowClear style={{ maxWidth: 260, marginBottom: 8 }} onSearch={(v) => p.setFunctional(/^[0-9]{0,7}$/.test(v) ? v : "")} />
      <AsyncView state={facts}>
        {(f) => (
          <>
            <p className="muted">{t("dataFactsCount", { count: f.count, amount: formatWan(f.amount) })}</p>
            <Table
              rowKey={(r) => `${r.publicationId}-${r.unitCode}-${r.functional}-${r.economic}-${r.project ?? ""}-${r.source}-${r.amount}`}
              size="small"
              dataSource={f.facts}
              scroll={{ x: 800 }}
              pagination={{ current: f.page, pageSize: f.pageSize, total: f.count, showSizeChanger: false, onChange: p.setPage }}
              columns={[
                { title: t("department"), key: "d", render: (_, r) => r.departmentName },
                { title: t("unitWord"), key: "u", render: (_, r) => r.unitName },
                { title: t("classCode"), key: "f", render: (_, r) => r.functional },
                { title: t("economicCode"), key: "e", render: (_, r) => r.economic },
                { title: t("amountWan"), key: "a", className: "num", render: (_, r) => formatWan(r.amount) },
                { title: "", key: "o", render: (_, r) => <Downloads base={`/api/public/open-data/publications/${r.publicationId}`} /> },
              ]}
            />
          </>
        )}
      </AsyncView>
    </Card>
  );
}
