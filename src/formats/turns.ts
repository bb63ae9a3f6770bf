/**
 * 让出事件循环 — long work on an upload (parsing a CSV of 200,000 rows, reading a large sheet) done in the
 * server's thread in slices, so that other requests are answered meanwhile: the loop checks `due()` as it
 * goes and, once a slice has run its time, awaits `turn()`, which lets timers and I/O run before it resumes.
 * (A microtask or process.nextTick would not: only a macrotask lets the event loop answer others.)
 */
export interface TimeSlices {
  /** this slice has run its time: await `turn()` before going on */
  due(): boolean;
  /** a turn of the event loop (setImmediate); a new slice starts after it */
  turn(): Promise<void>;
}

/** Slices of `sliceMs` (20 ms by default: ten times under the 200 ms any request may be delayed). */
export function timeSlices(sliceMs = 20): TimeSlices {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= sliceMs,
    turn: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          start = performance.now();
          resolve();
        }),
      ),
  };
}
