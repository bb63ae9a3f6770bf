/**
 * 数字格式 — a number as a spreadsheet shows it under its number format ("#,##0.00" → "4,117.91"), for
 * the formats budget workbooks use: General, fixed decimals, thousands separators, percent, scaling by
 * trailing commas, literal text and the positive;negative;zero sections of accounting formats (zero
 * shown as "-"). Dates print as yyyy-mm-dd. Colours, padding (_x) and fill (*x) are dropped.
 */

/** General: up to 15 significant digits, no trailing zeros, no exponent for ordinary magnitudes. */
export function formatGeneral(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const s = Number(v.toPrecision(15)).toString();
  return s.includes("e") ? v.toPrecision(11).replace(/\.?0+e/, "e") : s;
}

function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const DATE = /(^|[^"\\])[ymdhs]/i;

/** A number shown through one section of a format (the sign handled by the caller). */
function applySection(v: number, section: string): string {
  // literal text kept in order; placeholders replaced by the formatted number
  const body = section.replace(/\[[^\]]*\]/g, "").replace(/_./g, "").replace(/\*./g, "");
  const tokens: { literal?: string; number?: true }[] = [];
  let numberDone = false;
  let spec = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      tokens.push({ literal: body.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? body.length : end;
      continue;
    }
    if (ch === "\\") {
      tokens.push({ literal: body[i + 1] ?? "" });
      i++;
      continue;
    }
    if (/[0#?.,]/.test(ch) && !(ch === "," && spec === "")) {
      spec += ch;
      if (!numberDone) {
        tokens.push({ number: true });
        numberDone = true;
      }
      continue;
    }
    if (ch === "%") {
      tokens.push({ literal: "%" });
      continue;
    }
    if (ch === "@") continue;
    tokens.push({ literal: ch });
  }
  const percent = (body.match(/%/g) ?? []).length;
  let x = Math.abs(v) * 100 ** percent;
  // trailing commas scale by 1000 each
  const scale = /,+$/.exec(spec.replace(/[^0#?.,]/g, ""));
  if (scale) x /= 1000 ** scale[0].length;
  const core = spec.replace(/,+$/, "");
  const dot = core.indexOf(".");
  const decimals = dot < 0 ? 0 : core.slice(dot + 1).replace(/[^0#?]/g, "").length;
  const required = dot < 0 ? 0 : core.slice(dot + 1).replace(/[^0]/g, "").length;
  const intSpec = dot < 0 ? core : core.slice(0, dot);
  // rounded as a spreadsheet does: half away from zero on the 15-digit decimal value (4117.905 → 4117.91)
  const scaled = Number((x * 10 ** decimals).toPrecision(15));
  let s = (Math.round(scaled) / 10 ** decimals).toFixed(decimals);
  if (decimals > required) s = s.replace(new RegExp(`0{1,${decimals - required}}$`), "").replace(/\.$/, "");
  const [whole = "0", frac] = s.split(".");
  let int = whole;
  if (!/0/.test(intSpec) && int === "0") int = "";
  if (intSpec.includes(",")) int = group(int);
  const number = frac !== undefined && frac !== "" ? `${int}.${frac}` : int;
  if (!numberDone) return tokens.map((t) => t.literal ?? "").join("");
  return tokens.map((t) => (t.number ? number : t.literal)).join("");
}

/** A number as shown under `fmt`; General when there is none. */
export function formatNumber(v: number, fmt: string | undefined): string {
  if (!fmt || /^general$/i.test(fmt.trim()) || fmt === "@") return formatGeneral(v);
  const parts = sections(fmt);
  if (parts.some((p) => DATE.test(p.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, ""))) && !/[0#]/.test(parts[0]!)) return formatGeneral(v);
  let section = parts[0]!;
  let sign = v < 0 ? "-" : "";
  if (v < 0 && parts.length >= 2 && parts[1]!.trim() !== "") {
    section = parts[1]!;
    sign = "";
  } else if (v === 0 && parts.length >= 3) section = parts[2]!;
  if (/^general$/i.test(section.trim())) return `${sign}${formatGeneral(Math.abs(v))}`;
  const out = applySection(v, section).trim();
  return sign && /\d/.test(out) && !/^0(\.0*)?%?$/.test(out) ? `${sign}${out}` : out;
}

/** A date cell as yyyy-mm-dd (with the time when it has one). */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}
