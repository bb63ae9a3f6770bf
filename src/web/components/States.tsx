/** 加载、空、错误 — the three states every page shows the same way. */
import { Alert, Button, Empty, Result, Skeleton } from "antd";
import type { ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/index.tsx";
import { Link } from "../router.tsx";

export function Loading({ rows = 4 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" aria-busy="true" aria-label={t("loading")}>
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t, bilingual } = useI18n();
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  if (error instanceof ApiError && error.status === 401) {
    return <Result status="403" title={t("needLogin")} extra={<Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t("login")}</Link>} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t("loadFailed")}
      description={bilingual(error.message)}
      action={onRetry ? <Button onClick={onRetry}>{t("retry")}</Button> : undefined}
    />
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <Empty description={children ?? t("empty")} />;
}

export function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t("notFound")} subTitle={t("notFoundHint")} extra={<Link to="/">{t("backHome")}</Link>} />;
}

/** Loading → error → the content (or the empty state when `isEmpty`). */
export function AsyncView<T>({ state, children, isEmpty, empty }: { state: { loading: boolean; data: T | undefined; error: Error | undefined; reload: () => void }; children: (d: T) => ReactNode; isEmpty?: (d: T) => boolean; empty?: ReactNode }) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  if (isEmpty?.(state.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(state.data)}</>;
}
