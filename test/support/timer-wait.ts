/**
 * How long the event loop was held while `work` ran: the longest gap between 5 ms timer ticks, measured in
 * this process's CPU time (ms). On a loaded machine wall time also counts the waits for a core, which no
 * slicing of the work can remove; CPU time does not.
 */
export async function worstTimerWait<T>(work: () => Promise<T>): Promise<{ result: T; worst: number; ticks: number }> {
  const cpuMs = () => {
    const u = process.cpuUsage();
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
