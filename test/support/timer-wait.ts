/**
 * How long the event loop was held while `work` ran: the longest gap between 5 ms timer ticks, measured in
 * CPU time (ms). On a loaded machine wall time also counts the waits for a core, which no slicing of the
 * work can remove; CPU time does not. The thread's own CPU time where Node has it (22 and 24; not 20): the
 * process's also counts V8's helper threads (parallel GC marking), which do not hold the event loop.
 */
export async function worstTimerWait<T>(work: () => Promise<T>): Promise<{ result: T; worst: number; ticks: number }> {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.bind(process) ?? (() => process.cpuUsage());
  const cpuMs = () => {
    const u = usage();
    return (u.user + u.system) / 1000;
  };
  let worst = 0;
  let last = cpuMs();
  let ticks = 0;
  const tick = setInterval(() => {
    const now = cpuMs();
    worst = Math.max(worst, now - last);
    last = now;
    ticks++;
  }, 5);
  try {
    const result = await work();
    worst = Math.max(worst, cpuMs() - last);
    return { result, worst, ticks };
  } finally {
    clearInterval(tick);
  }
}
