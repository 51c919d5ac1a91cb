// An independent softmax for the smoke tests: exact fixed-point arithmetic with 60 decimal digits
// (BigInt), so expected probabilities are computed here rather than copied from anywhere.

const DIGITS = 60;
const ONE = 10n ** BigInt(DIGITS);

/** The double `x` as a fixed-point number, exact up to the last of the 60 digits. */
function toFixed(x: number): bigint {
  if (!Number.isFinite(x)) throw new Error(`referenceSoftmax takes finite numbers, not ${x}`);
  let shift = 0;
  let scaled = x;
  // Doubling is exact, so `scaled` reaches an integer without rounding.
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    shift++;
  }
  return (BigInt(scaled) * ONE) / 2n ** BigInt(shift);
}

/** exp(y) for fixed-point y ≥ 0: Taylor series on y / 2^k, then squared k times. */
function expFixed(y: bigint): bigint {
  let k = 0;
  let r = y;
  while (r > ONE / 4n) {
    r /= 2n;
    k++;
  }
  let sum = ONE;
  let term = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * r) / (ONE * n);
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = (sum * sum) / ONE;
  return sum;
}

/** softmax(values) to an absolute error below 1e-55 (so not for probabilities that tiny), rounded to doubles. */
export function referenceSoftmax(values: readonly number[]): number[] {
  const fixed = values.map(toFixed);
  const max = fixed.reduce((a, b) => (b > a ? b : a));
  // exp(x - max) = 1 / exp(max - x): every exponent is ≤ 0, so nothing overflows.
  const weights = fixed.map((x) => (ONE * ONE) / expFixed(max - x));
  const total = weights.reduce((a, b) => a + b, 0n);
  return weights.map((w) => Number(`${(w * ONE) / total}e-${DIGITS}`));
}
