/** 异步加载 — data for a page: loading, the value or the error, and a reload. */
import { type DependencyList, useCallback, useEffect, useRef, useState } from "react";

export interface AsyncState<T> {
  loading: boolean;
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
  /** replaces the data without a request (after a save that returned it) */
  setData: (d: T) => void;
}

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<{ loading: boolean; data: T | undefined; error: Error | undefined }>({ loading: true, data: undefined, error: undefined });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ loading: true, data: s.data, error: undefined }));
    loadRef.current(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ loading: false, data, error: undefined }),
      (error: Error) => !ctl.signal.aborted && error.name !== "AbortError" && setState({ loading: false, data: undefined, error }),
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ loading: false, data, error: undefined }), []);
  return { ...state, reload, setData };
}
