/**
 * 数据目录锁 — PGlite does not stop a second process from opening the same directory (two writers would
 * corrupt it), so the server holds a pid file there. A pid file left by a process that died (SIGKILL,
 * power loss) is taken over.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, "yusuan.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: "wx" });
      return () => rm(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new Error(`数据目录 ${dir} 正被进程 ${pid} 使用 / data directory in use by process ${pid}`, { cause: e });
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 / could not lock the data directory ${dir}`);
}
