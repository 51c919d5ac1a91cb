// Exact powers of two, for scaling a double without rounding (outside the subnormal range).

/** 2^e for e = −1074 … 1023 at index e + 1074. */
export const POW2 = new Float64Array(2098);
POW2[1074] = 1;
for (let e = 1; e <= 1023; e++) POW2[1074 + e] = POW2[1073 + e] * 2;
for (let e = -1; e >= -1074; e--) POW2[1074 + e] = POW2[1075 + e] / 2;
