/**
 * Normal and Student t distributions: what the intervals and tests need.
 * CDFs come from the special functions; quantiles invert them with a
 * safeguarded Newton iteration, so quantile and CDF agree to ~1e-14.
 */
import { erfc, logGamma, regularizedIncompleteBeta } from './specialFunctions.ts';

const SQRT_2 = Math.SQRT2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const MAX_NEWTON_STEPS = 100;
/** Beyond this many degrees of freedom t and normal differ by < 1e-9 at the quantiles we use. */
const T_DF_AS_NORMAL = 1e10;

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/** Φ(x). Computed as ½·erfc(−x/√2) so the lower tail keeps relative accuracy. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT_2);
}

/** Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  assertProbability(p);
  if (p === 0.5) return 0;
  // Solve in the lower tail, where Φ is accurate relative to p; 1 − p is exact for p ≥ ½.
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = lowerTailStartingPoint(p);
  for (let i = 0; i < MAX_NEWTON_STEPS; i++) {
    const step = (normalCdf(x) - p) / normalPdf(x);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4): a start close enough for Newton to finish in 2–3 steps. */
function lowerTailStartingPoint(p: number): number {
  const t = Math.sqrt(-2 * Math.log(p));
  const numerator = 2.515517 + 0.802853 * t + 0.010328 * t * t;
  const denominator = 1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t;
  return -(t - numerator / denominator);
}

/** P(T > t) for t ≥ 0 — the tail directly, so small p-values are not lost to 1 − (1 − p). */
function studentTUpperTail(t: number, degreesOfFreedom: number): number {
  const x = degreesOfFreedom / (degreesOfFreedom + t * t);
  return 0.5 * regularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
}

/** CDF of Student's t with ν > 0 degrees of freedom (ν need not be an integer: Welch). */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom);
  if (degreesOfFreedom > T_DF_AS_NORMAL) return normalCdf(t);
  if (t === 0) return 0.5;
  const tail = studentTUpperTail(Math.abs(t), degreesOfFreedom);
  return t > 0 ? 1 - tail : tail;
}

export function studentTPdf(t: number, degreesOfFreedom: number): number {
  const v = degreesOfFreedom;
  const logDensity =
    logGamma((v + 1) / 2) -
    logGamma(v / 2) -
    0.5 * Math.log(v * Math.PI) -
    ((v + 1) / 2) * Math.log1p((t * t) / v);
  return Math.exp(logDensity);
}

/** The p-quantile of Student's t with ν degrees of freedom, 0 < p < 1. */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  assertProbability(p);
  assertDegreesOfFreedom(degreesOfFreedom);
  if (degreesOfFreedom > T_DF_AS_NORMAL) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  const upperTail = 1 - p; // exact for p ≥ ½
  // Closed forms for ν = 1 (Cauchy) and ν = 2.
  if (degreesOfFreedom === 1) return Math.tan(Math.PI * (0.5 - upperTail));
  if (degreesOfFreedom === 2) return (2 * p - 1) / Math.sqrt(2 * p * upperTail);
  return solveUpperTail(upperTail, degreesOfFreedom);
}

/** Find t ≥ 0 with P(T > t) = q by Newton, falling back to bisection when a step leaves the bracket. */
function solveUpperTail(q: number, degreesOfFreedom: number): number {
  let low = 0;
  let high = Math.max(1, -normalQuantile(q));
  while (studentTUpperTail(high, degreesOfFreedom) > q) {
    low = high;
    high *= 2; // heavy tails at small ν: the normal quantile can be far too small
  }
  let t = (low + high) / 2;
  for (let i = 0; i < 4 * MAX_NEWTON_STEPS; i++) {
    const excess = studentTUpperTail(t, degreesOfFreedom) - q; // decreasing in t
    if (excess > 0) low = t;
    else high = t;
    const newtonT = t + excess / studentTPdf(t, degreesOfFreedom);
    const next = newtonT > low && newtonT < high ? newtonT : (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}

function assertProbability(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
}

function assertDegreesOfFreedom(v: number): void {
  if (!(v > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${v}`);
}
