/** Entry: Ant Design in Chinese (or English), the session, the app. */
import { App as AntApp, ConfigProvider } from "antd";
import type { Locale } from "antd/es/locale/index.js";
import enUSModule from "antd/es/locale/en_US.js";
import zhCNModule from "antd/es/locale/zh_CN.js";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { I18nProvider, useI18n } from "./i18n/index.tsx";
import { SessionProvider } from "./session.tsx";
import "./styles.css";

// antd's es/ files are ES modules without "type": "module": TypeScript (NodeNext) reads their default
// export as the module object, the bundler as the locale itself.
const enUS = enUSModule as unknown as Locale;
const zhCN = zhCNModule as unknown as Locale;

const theme = {
  token: {
    colorPrimary: "#b3261e",
    // WCAG AA contrast (4.5:1 on white; axe-core checks it in test/e2e/a11y.test.ts): antd's defaults for
    // links (#1677ff) and secondary text (45% black) fall short
    colorLink: "#0958d9",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
    colorError: "#cf1322",
    borderRadius: 4,
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Yusuan Noto Sans SC", sans-serif',
  },
};

function Localised() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === "en" ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <App />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider>
      <Localised />
    </I18nProvider>
  </StrictMode>,
);
