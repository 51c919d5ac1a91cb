#!/usr/bin/env python3
"""Exact references for the WebAssembly SIMD softmax kernel (src/core/wasm).

  python3 scripts/reference_simd.py table     rewrites the 2^(j/128) table and constants in src/core/wasm/softmax.wat
  python3 scripts/reference_simd.py fixtures  writes test/fixtures/softmaxSimd/*.json

Every expected number is computed here with Python's decimal module at 60 digits; a reference value is
stored as the double nearest to it plus the remainder in ulps (math.ulp), as in scripts/reference.py.
"""
import json
import math
import os
import re
import struct
import sys
from decimal import Decimal, getcontext

getcontext().prec = 60
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
WAT = os.path.join(ROOT, 'src', 'core', 'wasm', 'softmax.wat')
FIXTURES = os.path.join(ROOT, 'test', 'fixtures', 'softmaxSimd')
TABLE_SIZE = 128


def ref_entry(exact: Decimal):
    """The double nearest to `exact` and how far `exact` lies from it, in ulps of that double."""
    nearest = float(exact)
    return [repr(nearest), float((exact - Decimal(nearest)) / Decimal(math.ulp(nearest)))]


def table():
    """2^(j/128) as a pair (nearest double, remainder) per j, then the constants, as a WAT data string."""
    data = b''
    for j in range(TABLE_SIZE):
        exact = Decimal(2) ** (Decimal(j) / TABLE_SIZE)
        hi = float(exact)
        lo = float(exact - Decimal(hi))
        data += struct.pack('<dd', hi, lo)
    # expSum's constants, each in both lanes: 128/ln2, 1.5*2^52, ln2/128 in two parts (fdlibm's split:
    # the high part has 32 bits), the Taylor coefficients 1/2..1/120, and the k below which 2^(k>>7) < 2^-1021.
    ln2_hi, ln2_lo = float.fromhex('0x1.62e42feep-1'), float.fromhex('0x1.a39ef35793c76p-33')
    for c in (128 / math.log(2), 1.5 * 2.0 ** 52, ln2_hi / 128, ln2_lo / 128,
              1 / 2, 1 / 6, 1 / 24, 1 / 120, -1021.0 * 128):
        data += struct.pack('<dd', c, c)
    text = ''.join('\\%02x' % b for b in data)
    lines = [text[i:i + 96] for i in range(0, len(text), 96)]
    body = '\n'.join('    "%s"' % line for line in lines)
    source = open(WAT).read()
    source = re.sub(r'(;; table begin).*?(\n\s*;; table end)', lambda m: m.group(1) + '\n' + body + m.group(2),
                    source, flags=re.S)
    open(WAT, 'w').write(source)


def exp_points():
    """Where exp(x), x <= 0, is hardest: uniform over the range, tiny |x|, the reduction's interval ends,
    the subnormal results and the underflow edge."""
    import random
    rng = random.Random(8)
    xs = [0.0, -0.0, -5e-324, -1e-300, -2.0 ** -60, -1e-17, -1e-10, -1.0, -0.5, -708.3964185322641,
          -708.4, -709.0, -744.4400719213812, -745.1332191019411, -745.1332191019412, -745.2, -746.0, -750.0]
    xs += [-rng.uniform(0, 745.2) for _ in range(1500)]
    xs += [-rng.uniform(0, 1) for _ in range(500)]
    xs += [-rng.uniform(708.3, 745.2) for _ in range(800)]
    xs += [-(10.0 ** -rng.uniform(0, 300)) for _ in range(200)]
    step = math.log(2) / 128
    for _ in range(500):
        k = rng.randrange(0, 137000)
        xs.append(-(k + 0.5) * step + rng.choice([-1, 1]) * rng.random() * 1e-9)
    points = []
    for x in xs:
        exact = Decimal(x).exp() if x > -800 else Decimal(0)
        points.append([repr(x)] + ref_entry(exact))
    return points


def temperature_case(name, xs, t):
    """softmax(x / T) with x / T taken exactly: what the kernel must reach after recovering its rounding."""
    scaled = [Decimal(x) / Decimal(t) if x != -math.inf else None for x in xs]
    top = max(v for v in scaled if v is not None)
    exps = [(v - top).exp() if v is not None else Decimal(0) for v in scaled]
    total = sum(exps)
    return {'name': name, 'temperature': t, 'logits': [repr(x) if x != -math.inf else '-Infinity' for x in xs],
            'p': [ref_entry(e / total) for e in exps]}


def temperature_cases():
    import random
    rng = random.Random(88)
    n = 257
    return [
        temperature_case('high-T0.7', [rng.uniform(690, 720) for _ in range(n)], 0.7),
        temperature_case('normal100-T3', [rng.gauss(0, 100) for _ in range(n)], 3.0),
        temperature_case('normal1-T0.1', [rng.gauss(0, 1) for _ in range(n)], 0.1),
        temperature_case('mask30-T1.3', [rng.gauss(0, 30) if rng.random() > 0.3 else -math.inf for _ in range(n)], 1.3),
    ]


def fixtures():
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, 'temperature.json'), 'w') as f:
        json.dump(temperature_cases(), f, separators=(',', ':'))
        f.write('\n')
    with open(os.path.join(FIXTURES, 'exp.json'), 'w') as f:
        json.dump({'what': '[x, the double nearest exp(x), (exact - nearest) in ulps as math.ulp]', 'points': exp_points()},
                  f, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    {'table': table, 'fixtures': fixtures}[sys.argv[1]]()
