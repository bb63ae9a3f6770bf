/**
 * 同一部门 — whether two documents are of the same department, when one prints its full name and the
 * other a short form: 中国共产党江苏省委员会办公厅 = 中共江苏省委办公厅 = 省委办公厅, 江苏省政协办公厅 =
 * 省政协办公厅, 江苏省高级人民法院 = 省法院. The region in front (江苏省, 上海市普陀区), 中国共产党 → 中共 →
 * nothing, 委员会 → 委, and 人民/高级 are set aside; then one name must be the other, or the shorter's
 * characters must appear in the longer in order, beginning and ending alike (人大办 = 人大常委会办).
 */

/** The name with region, party and rank words set aside: the part that tells departments apart. */
export function departmentKey(name: string): string {
  return name
    .replace(/\s+/g, "")
    .replace(/^中国共产党|^中共/, "")
    .replace(/委员会/g, "委")
    .replace(/^(?:[\u4e00-\u9fff]{1,7}?(?:省|自治区|市))?(?:[\u4e00-\u9fff]{1,5}?(?:区|县|旗))?/, (m) => (m.length >= 2 ? "" : m))
    .replace(/^(省|市|区|县)/, "")
    .replace(/^中共/, "")
    .replace(/人民|高级|办公室$/g, (m) => (m === "办公室" ? "办" : ""))
    .replace(/办公厅$/, "办");
}

function inOrder(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

export function sameDepartment(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = departmentKey(a);
  const y = departmentKey(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 2 && long.startsWith(short[0]!) && long.endsWith(short.slice(-1)) && inOrder(short, long);
}
