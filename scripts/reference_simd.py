#!/usr/bin/env python3
"""Exact references for the WebAssembly SIMD softmax kernel (src/core/wasm).

  python3 scripts/reference_simd.py table     rewrites the 2^(j/128) table in src/core/wasm/softmax.wat
  python3 scripts/reference_simd.py fixtures  writes test/fixtures/softmaxSimd/*.json

Every expected number is computed here with Python's decimal module at 60 digits; a reference value is
stored as the double nearest to it plus the remainder in ulps, so a test measures errors to 1e-3 ulp.
"""
import json
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


def ulp(x: float) -> float:
    """Spacing of doubles at x (subnormal spacing below 2^-1022); for x a power of two, the spacing above it."""
    x = abs(x)
    if x < 2.0 ** -1021:
        return 2.0 ** -1074
    m, e = __import__('math').frexp(x)
    return 2.0 ** (e - 53)


def ref_entry(exact: Decimal):
    """The double nearest to `exact` and how far `exact` lies from it, in ulps of that double."""
    nearest = float(exact)
    return [nearest.hex(), float((exact - Decimal(nearest)) / Decimal(ulp(nearest)))]


def table():
    """2^(j/128) as a pair (nearest double, remainder) per j, little-endian, as a WAT data string."""
    data = b''
    for j in range(TABLE_SIZE):
        exact = Decimal(2) ** (Decimal(j) / TABLE_SIZE)
        hi = float(exact)
        lo = float(exact - Decimal(hi))
        data += struct.pack('<dd', hi, lo)
    text = ''.join('\\%02x' % b for b in data)
    lines = [text[i:i + 96] for i in range(0, len(text), 96)]
    body = '\n'.join('    "%s"' % line for line in lines)
    source = open(WAT).read()
    source = re.sub(r'(;; table begin).*?(\n\s*;; table end)', lambda m: m.group(1) + '\n' + body + m.group(2),
                    source, flags=re.S)
    open(WAT, 'w').write(source)


if __name__ == '__main__':
    {'table': table}[sys.argv[1]]()
