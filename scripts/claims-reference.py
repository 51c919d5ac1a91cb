#!/usr/bin/env python3
"""Writes test/fixtures/claims/rounded.json: exact softmax values rounded to a print's places, from exact arithmetic.

Each case gives logits (exact doubles), a temperature, an axis and a print style: `decimals` (fixed notation) or
`mantissa` (digits after the point in e-notation). Softmax is evaluated with `decimal` at 50 significant digits and
rounded half-even at the print's place, so the claim tests never take an expected print from prose.

Usage: python3 scripts/claims-reference.py
"""
import json
import os
from decimal import Decimal, getcontext, ROUND_HALF_EVEN

getcontext().prec = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'claims', 'rounded.json')

CASES = [
    {'name': 'seed', 'logits': [2.0, 1.0, 0.1], 'decimals': 8},
    {'name': 'four', 'logits': [1.0, 3.0, 0.5, -2.0], 'decimals': 4},
    {'name': 'seed4', 'logits': [2.0, 1.0, 0.1], 'decimals': 4},
    {'name': 'seed2', 'logits': [2.0, 1.0, 0.1], 'decimals': 2},
    {'name': 'seed3', 'logits': [2.0, 1.0, 0.1], 'decimals': 3},
    {'name': 'hot', 'logits': [2.0, 1.0, 0.1], 'temperature': 0.5, 'decimals': 4},
    {'name': 'wide', 'logits': [10.0, 0.0, -10.0], 'mantissa': 8},
    {'name': 'wide4', 'logits': [10.0, 0.0, -10.0], 'mantissa': 4},
    {'name': 'rows', 'logits': [[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], 'decimals': 4},
    {'name': 'columns', 'logits': [[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], 'axis': 0, 'decimals': 4},
    {'name': 'jax', 'logits': [2.0, 1.0, 0.1], 'decimals': 7},
]


def softmax(row, t):
    xs = [Decimal(x) / Decimal(t) for x in row]
    m = max(xs)
    es = [(x - m).exp() for x in xs]
    s = sum(es)
    return [e / s for e in es]


def rounded(p, case):
    if 'decimals' in case:
        return str(p.quantize(Decimal(1).scaleb(-case['decimals']), rounding=ROUND_HALF_EVEN))
    return format(p, f".{case['mantissa']}e")


def main():
    out = []
    for case in CASES:
        t = case.get('temperature', 1)
        logits = case['logits']
        if isinstance(logits[0], list):
            rows = logits if case.get('axis', -1) == -1 else [list(c) for c in zip(*logits)]
            probs = [softmax(r, t) for r in rows]
            if case.get('axis', -1) == 0:
                probs = [list(c) for c in zip(*probs)]
            values = [[rounded(p, case) for p in r] for r in probs]
        else:
            values = [rounded(p, case) for p in softmax(logits, t)]
        out.append({**case, 'rounded': values})
    with open(OUT, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')


main()
