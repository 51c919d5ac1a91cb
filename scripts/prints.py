#!/usr/bin/env python3
"""Writes test/fixtures/precision/prints.json: softmax outputs printed the way PyTorch and NumPy print them,
each entry correctly rounded from the exact softmax (`decimal` at 50 digits).

Logits are seeded normal draws (Python's `random`, so the file is reproducible); the exact probabilities are
rounded half-to-even at the print's precision: fixed decimals (torch pads with zeros, numpy strips them and pads
with spaces) or e-notation mantissa digits (torch `1.0000e+00`, numpy `2.06115362e-09`). A print whose digits are
all correctly rounded must never be called wrong, whatever its precision and length.

Usage: python3 scripts/prints.py
"""
import json
import os
import random
from decimal import ROUND_HALF_EVEN, Decimal, getcontext

getcontext().prec = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'precision', 'prints.json')


def exact_softmax(logits):
    xs = [Decimal(repr(x)) for x in logits]
    m = max(xs)
    exps = [(x - m).exp() for x in xs]
    total = sum(exps)
    return [e / total for e in exps]


def fixed(p, decimals):
    return p.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


def scientific(p, mantissa):
    """Mantissa with `mantissa` digits after the point and its exponent, correctly rounded."""
    if p == 0:
        return Decimal(0), 0
    exponent = p.adjusted()
    m = (p.scaleb(-exponent)).quantize(Decimal(1).scaleb(-mantissa), rounding=ROUND_HALF_EVEN)
    if m >= 10:
        exponent += 1
        m = (p.scaleb(-exponent)).quantize(Decimal(1).scaleb(-mantissa), rounding=ROUND_HALF_EVEN)
    return m, exponent


def sci_text(p, mantissa):
    m, e = scientific(p, mantissa)
    return f"{m:.{mantissa}f}e{'-' if e < 0 else '+'}{abs(e):02d}"


def torch_fixed(ps, decimals):
    return 'tensor([' + ', '.join(f'{fixed(p, decimals):.{decimals}f}' for p in ps) + '])'


def torch_sci(ps, mantissa):
    return 'tensor([' + ', '.join(sci_text(p, mantissa) for p in ps) + '])'


def numpy_fixed(ps, decimals):
    """NumPy's default float mode: at most `decimals` digits, trailing zeros dropped, padded with spaces."""
    texts = []
    for p in ps:
        t = f'{fixed(p, decimals):.{decimals}f}'.rstrip('0')
        texts.append(t)
    width = max(len(t) for t in texts)
    return '[' + ' '.join(t.ljust(width) for t in texts).rstrip() + ']'


def numpy_sci(ps, mantissa):
    return '[' + ' '.join(sci_text(p, mantissa) for p in ps) + ']'


STYLES = {'torch': torch_fixed, 'torch-sci': torch_sci, 'numpy': numpy_fixed, 'numpy-sci': numpy_sci}


def main():
    rng = random.Random(12)
    cases = []
    for n in (3, 4, 5, 10, 32, 100, 1000):
        for digits in range(2, 9):
            if n == 1000 and digits not in (2, 4, 8):
                continue
            for style, render in STYLES.items():
                scale = rng.choice((1.0, 3.0, 8.0))
                logits = [round(rng.gauss(0, scale), 4) for _ in range(n)]
                ps = exact_softmax(logits)
                cases.append({'style': style, 'digits': digits, 'n': n, 'logits': logits, 'text': render(ps, digits)})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump({'cases': cases}, f, indent=0)
        f.write('\n')
    print(f'{len(cases)} prints written to {OUT}')


if __name__ == '__main__':
    main()
