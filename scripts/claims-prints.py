#!/usr/bin/env python3
"""Writes test/fixtures/claims/numpy-prints.json: what numpy really prints for scipy.special.softmax of written logits.

Each case holds the code as a tutorial writes it (the logits as a literal, the axis, a temperature) and numpy's own
print of the result under a print precision, as float64 or float32; the claim tests check that none of these correct
prints is a finding, and that a print with one entry moved well past its last digit is. Seeded: the same file each run.

Usage: python3 scripts/claims-prints.py
"""
import json
import os
import random

import numpy as np
from scipy.special import softmax

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'claims', 'numpy-prints.json')


def literal(values):
    if isinstance(values[0], list):
        return '[' + ', '.join(literal(r) for r in values) + ']'
    return '[' + ', '.join(repr(float(v)) for v in values) + ']'


def main():
    rng = random.Random(15)
    cases = []
    for k in range(120):
        n = rng.randint(2, 7)
        scale = rng.choice([1, 3, 10])
        rows = rng.choice([0, 0, 2])
        shape = (rows, n) if rows else (n,)
        x = np.round(np.array([rng.gauss(0, scale) for _ in range(int(np.prod(shape)))]).reshape(shape), rng.choice([1, 2]))
        axis = rng.choice([0, -1]) if rows else -1
        t = rng.choice([None, None, 0.5, 2.0])
        dtype = rng.choice(['float64', 'float64', 'float32'])
        precision = rng.choice([2, 3, 4, 6, 8])
        xs = x.astype(dtype)
        p = softmax(xs / (t if t else 1), axis=axis).astype(dtype)
        with np.printoptions(precision=precision):
            printed = str(p)
        dt = ', dtype=np.float32' if dtype == 'float32' else ''
        arg = 'logits' if t is None else 'logits / T'
        ax = f', axis={axis}' if rows else ''
        code = [f'logits = np.array({literal(x.tolist())}{dt})']
        if t is not None:
            code.append(f'T = {t}')
        code.append(f'print(softmax({arg}{ax}))')
        cases.append({'code': code, 'printed': printed, 'precision': precision})
    with open(OUT, 'w') as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write('\n')


main()
