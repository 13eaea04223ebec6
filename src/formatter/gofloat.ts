// Go strconv/fmt float formatting: %g with a precision (round half to even on the exact
// binary value, trailing zeros dropped) and %v (shortest representation).

interface Decimal {
  digits: string; // significant digits, no leading zeros ("" for zero)
  dp: number; // decimal point position: value = 0.digits * 10^dp
}

// Exact decimal expansion of a finite double's magnitude.
function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: "", dp: 0 };
  const s = x.toPrecision(100); // exact for all but extremely small or large magnitudes
  let mant = s;
  let exp = 0;
  const e = s.indexOf("e");
  if (e >= 0) {
    mant = s.slice(0, e);
    exp = Number(s.slice(e + 1));
  }
  const dot = mant.indexOf(".");
  const intPart = dot >= 0 ? mant.slice(0, dot) : mant;
  const fracPart = dot >= 0 ? mant.slice(dot + 1) : "";
  let digits = intPart + fracPart;
  let dp = intPart.length + exp;
  const lead = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(lead);
  dp -= lead;
  return { digits: digits.replace(/0+$/, ""), dp };
}

// Shortest round-trip digits (what Go's shortest formatting produces).
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { digits: "", dp: 0 };
  const [mant, expStr] = x.toExponential().split("e") as [string, string];
  const digits = mant.replace(".", "").replace(/0+$/, "");
  return { digits, dp: Number(expStr) + 1 };
}

// Round to nd significant digits, half to even, trimming trailing zeros (Go decimal.Round).
function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= d.digits.length) return d;
  const rest = d.digits.slice(nd);
  let up: boolean;
  if (rest[0] === "5" && /^5$/.test(rest)) {
    // exactly half: round to even
    up = nd > 0 && (Number(d.digits[nd - 1]) % 2 === 1);
  } else {
    up = rest[0]! >= "5";
  }
  let digits = d.digits.slice(0, nd);
  let dp = d.dp;
  if (up) {
    const arr = digits.split("").map(Number);
    let i = arr.length - 1;
    while (i >= 0 && arr[i] === 9) {
      arr[i] = 0;
      i--;
    }
    if (i < 0) {
      arr.unshift(1);
      arr.pop();
      dp++;
    } else arr[i]!++;
    digits = arr.join("");
  }
  return { digits: digits.replace(/0+$/, ""), dp };
}

function fmtE(neg: boolean, d: Decimal, prec: number, echar: string): string {
  let out = neg ? "-" : "";
  out += d.digits.length > 0 ? d.digits[0] : "0";
  if (prec > 0) {
    out += ".";
    let i = 1;
    const m = Math.min(d.digits.length, prec + 1);
    if (i < m) {
      out += d.digits.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += "0";
  }
  let exp = d.digits.length === 0 ? 0 : d.dp - 1;
  out += echar;
  if (exp < 0) {
    out += "-";
    exp = -exp;
  } else out += "+";
  out += exp < 10 ? "0" + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? "-" : "";
  if (d.dp > 0) {
    const m = Math.min(d.digits.length, d.dp);
    out += d.digits.slice(0, m) + "0".repeat(d.dp - m);
  } else out += "0";
  if (prec > 0) {
    out += ".";
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.digits.length ? d.digits[j] : "0";
    }
  }
  return out;
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  return undefined;
}

/** Go fmt `%.<precision>g`. */
export function formatG(x: number, precision: number): string {
  const sp = special(x);
  if (sp !== undefined) return sp;
  const neg = x < 0 || Object.is(x, -0);
  let prec = precision === 0 ? 1 : precision;
  const d = roundDecimal(exactDecimal(Math.abs(x)), prec);
  let eprec = prec;
  if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
  const exp = d.dp - 1;
  if (d.digits.length > 0 && (exp < -4 || exp >= eprec)) {
    if (prec > d.digits.length) prec = d.digits.length;
    return fmtE(neg, d, prec - 1, "e");
  }
  if (prec > d.dp) prec = d.digits.length;
  return fmtF(neg, d, Math.max(prec - d.dp, 0));
}

/** Go fmt `%v` / `%g` of a float64 (shortest representation). */
export function formatFloatV(x: number): string {
  const sp = special(x);
  if (sp !== undefined) return sp;
  const neg = x < 0 || Object.is(x, -0);
  const d = shortestDecimal(Math.abs(x));
  const exp = d.dp - 1;
  if (d.digits.length > 0 && (exp < -4 || exp >= 6)) {
    return fmtE(neg, d, d.digits.length - 1, "e");
  }
  return fmtF(neg, d, Math.max(d.digits.length - d.dp, 0));
}

/** Go fmt `%.<precision>f`. */
export function formatFixed(x: number, precision: number): string {
  const sp = special(x);
  if (sp !== undefined) return sp;
  const neg = x < 0 || Object.is(x, -0);
  const d0 = exactDecimal(Math.abs(x));
  const d = roundDecimal(d0, d0.dp + precision);
  return fmtF(neg, d.digits.length === 0 && d0.dp + precision < 0 ? { digits: "", dp: 0 } : d, precision);
}

/** Go fmt `%.<precision>e`. */
export function formatExp(x: number, precision: number): string {
  const sp = special(x);
  if (sp !== undefined) return sp;
  const neg = x < 0 || Object.is(x, -0);
  const d = roundDecimal(exactDecimal(Math.abs(x)), precision + 1);
  return fmtE(neg, d, precision, "e");
}
