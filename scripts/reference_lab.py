#!/usr/bin/env python3
"""Writes the lab's reference fixtures in test/fixtures/lab/ from exact arithmetic.

The same exact softmax as reference.py (logits as Fractions divided exactly by T, exp with `decimal` at 50 digits),
then the lab's quantities from it: the sampling filters (top-k, top-p, min-p, in transformers' order, with the rules
src/core/lab/sampling.ts states, decided on exact values), the survivors renormalized, entropy and perplexity; KL
both ways, cross-entropy and total variation; the cross-entropy gradient and the softmax Jacobian; attention's
masked softmax of scores / sqrt(d) (sqrt(d) rounded to a double, as the core's contract says). Every number is
stored as [nearest double, offset of the exact value in its ulps], as reference.py stores them.

Usage: python3 scripts/reference_lab.py
"""
import json
import math
import os
from decimal import Decimal
from fractions import Fraction

from reference import nearest, reference, text

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'lab')


def dec(f):
    return Decimal(f.numerator) / Decimal(f.denominator)


def exact(xs, temperature=1.0):
    """z_i = x_i / T exactly (None where masked), e_i = exp(z_i - m), p_i and ln p_i (None where p_i = 0)."""
    t = Fraction(temperature)
    zs = [None if x == -math.inf else Fraction(x) / t for x in xs]
    m = max(z for z in zs if z is not None)
    exps = [Decimal(0) if z is None else dec(z - m).exp() for z in zs]
    ref = reference(xs, temperature)
    return {'z': zs, 'exps': exps, 'p': ref['probs'], 'logp': ref['logp'], 'entropy': entropy_of(ref['probs'])}


def entropy_of(ps):
    return -sum((p * p.ln() for p in ps if p > 0), Decimal(0))


def renormalized(exps, kept):
    total = sum((e for e, k in zip(exps, kept) if k), Decimal(0))
    return [e / total if k else Decimal(0) for e, k in zip(exps, kept)]


def sampling(name, xs, temperature=1.0, top_k=0, top_p=1.0, min_p=0.0):
    ex = exact(xs, temperature)
    n = len(xs)
    zs, exps, ps = ex['z'], ex['exps'], ex['p']
    kept = [z is not None for z in zs]
    # Largest first, ties by the lower index, masked entries last.
    order = sorted(range(n), key=lambda i: (zs[i] is None, -(zs[i] or 0), i))
    stages = []
    seen = list(ps)

    def stage(kind, parameter, value, seen_count):
        stages.append({'filter': kind, 'parameter': parameter, 'seen': seen_count, 'kept': sum(kept), 'value': nearest(value)})

    if top_k:
        seen_count = sum(kept)
        at = order[min(top_k, n) - 1]
        if zs[at] is not None:
            for i in range(n):
                if kept[i] and zs[i] < zs[at]:
                    kept[i] = False
        stage('topK', top_k, seen[at], seen_count)
        seen = renormalized(exps, kept)
    if top_p < 1:
        seen_count = sum(kept)
        acc, reached, taken = Decimal(0), False, 0
        for i in order:
            if not kept[i]:
                continue
            if reached or (seen[i] == 0 and taken > 0):
                kept[i] = False
                continue
            taken += 1
            acc += seen[i]
            if acc >= Decimal(top_p):
                reached = True
        stage('topP', top_p, acc, seen_count)
        seen = renormalized(exps, kept)
    if min_p > 0:
        seen_count = sum(kept)
        for i in range(n):
            if kept[i] and exps[i] < Decimal(min_p):
                kept[i] = False
        stage('minP', min_p, Decimal(min_p) * max(seen), seen_count)
        seen = renormalized(exps, kept)
    after = renormalized(exps, kept)
    h_after = entropy_of(after)
    fixture = {
        'name': name,
        'logits': [text(x) for x in xs],
        'temperature': temperature,
        'options': {'topK': top_k, 'topP': top_p, 'minP': min_p},
        'kept': [1 if k else 0 for k in kept],
        'stages': stages,
        'keptMass': nearest(sum((p for p, k in zip(ps, kept) if k), Decimal(0))),
        'after': [nearest(p) for p in after],
        'entropyBefore': nearest(ex['entropy']),
        'entropyAfter': nearest(h_after),
        'perplexityBefore': nearest(ex['entropy'].exp()),
        'perplexityAfter': nearest(h_after.exp()),
    }
    return fixture


def comparison(name, xs, ys, temperature=1.0):
    p, q = exact(xs, temperature), exact(ys, temperature)
    terms = {'klPQ': [], 'klQP': [], 'crossEntropy': [], 'totalVariation': []}
    for pi, qi, lp, lq in zip(p['p'], q['p'], p['logp'], q['logp']):
        terms['klPQ'].append(Decimal(0) if lp is None else (None if lq is None else pi * (lp - lq)))
        terms['klQP'].append(Decimal(0) if lq is None else (None if lp is None else qi * (lq - lp)))
        terms['crossEntropy'].append(Decimal(0) if lp is None else (None if lq is None else -pi * lq))
        terms['totalVariation'].append(abs(pi - qi) / 2)

    def total(values):
        return None if any(v is None for v in values) else sum(values, Decimal(0))

    def infinite(v):
        return ['Infinity', 0.0] if v is None else nearest(v)

    return {
        'name': name,
        'temperature': temperature,
        'x': [text(v) for v in xs],
        'y': [text(v) for v in ys],
        **{key: infinite(total(values)) for key, values in terms.items()},
        'terms': {key: [infinite(v) for v in values] for key, values in terms.items()},
    }


def training(name, xs, target, temperature=1.0):
    ex = exact(xs, temperature)
    ps = ex['p']
    n = len(xs)
    gradient = [p - (1 if i == target else 0) for i, p in enumerate(ps)]
    jacobian = [ps[i] * ((1 if i == j else 0) - ps[j]) for i in range(n) for j in range(n)] if n <= 12 else None
    fixture = {
        'name': name,
        'temperature': temperature,
        'logits': [text(x) for x in xs],
        'target': target,
        'gradient': [nearest(g) for g in gradient],
    }
    if jacobian is not None:
        fixture['jacobian'] = [nearest(v) for v in jacobian]
    return fixture


def attention(name, scores, shape, d, causal):
    rows, cols = shape
    root = math.sqrt(d)
    weights = []
    for r in range(rows):
        row = [(-math.inf if causal and j > r % rows else scores[r * cols + j]) for j in range(cols)]
        weights += [nearest(p) for p in reference(row, root)['probs']]
    return {'name': name, 'scores': [text(s) for s in scores], 'shape': shape, 'd': d, 'causal': causal, 'weights': weights}


def write(kind, fixtures):
    with open(os.path.join(OUT, kind + '.json'), 'w') as f:
        json.dump(fixtures, f, separators=(',', ':'))
        f.write('\n')
    print(kind, len(fixtures), flush=True)


def wavy(n, scale, phase):
    """Logits that are exact doubles from a formula anyone can recompute (no generator needed)."""
    return [round(math.sin(i * 1.7 + phase) * scale, 3) for i in range(n)]


def main():
    os.makedirs(OUT, exist_ok=True)
    worked = [2.0, 1.0, 0.1]
    write('sampling', [
        sampling('worked example, top-k 2', worked, top_k=2),
        sampling('worked example, top-k 1: one survivor', worked, top_k=1),
        sampling('top-k larger than the array keeps all', worked, top_k=5),
        sampling('ties at the top-k boundary all stay', [3.0, 1.0, 1.0, 1.0, 0.0], top_k=2),
        sampling('top-p exactly reached by two of four equal logits', [0.5, 0.5, 0.5, 0.5], top_p=0.5),
        sampling('top-p one ulp above two quarters needs a third', [0.5, 0.5, 0.5, 0.5], top_p=0.5 + 2 ** -53),
        sampling('top-p 0 keeps the most probable entry', worked, top_p=0.0),
        sampling('top-p splits a tie by index', [1.0, 2.0, 2.0, 2.0], top_p=0.5),
        sampling('worked example, top-p 0.7', worked, top_p=0.7),
        sampling('min-p 1 keeps only the ties of the maximum', [3.0, 3.0, 1.0], min_p=1.0),
        sampling('worked example, min-p 0.2', worked, min_p=0.2),
        sampling('masked logits are neither kept nor cut', [0.0, -math.inf, 1.0, -math.inf, -2.0], top_k=4),
        sampling('all masked but one', [-math.inf, -math.inf, 4.0, -math.inf], top_k=2, top_p=0.9, min_p=0.5),
        sampling('top-k then top-p then min-p, at T = 0.7', wavy(40, 3.0, 0.3), temperature=0.7, top_k=25, top_p=0.8, min_p=0.05),
        sampling('top-p after top-k sees the renormalized distribution', wavy(12, 2.0, 0.0), top_k=6, top_p=0.5),
        sampling('the same top-p without top-k keeps one more', wavy(12, 2.0, 0.0), top_p=0.5),
        sampling('min-p after top-p', wavy(30, 2.5, 2.0), temperature=1.5, top_p=0.95, min_p=0.1),
        sampling('probabilities below the smallest double keep their rank', [0.0, -800.0, -760.0, -790.0], top_k=3),
    ])
    write('compare', [
        comparison('the worked example against a flatter one', worked, [1.0, 1.0, 0.5]),
        comparison('equal distributions', [1.0, 2.0, 3.0], [11.0, 12.0, 13.0]),
        comparison('q masks an entry p keeps: KL(p‖q) is infinite', [1.0, 2.0, 3.0], [1.0, -math.inf, 3.0]),
        comparison('both mask the same entry', [1.0, -math.inf, 3.0], [0.0, -math.inf, 2.0]),
        comparison('nearly equal', [1.0, 2.0, 3.0], [1.0, 2.0, 3.0 + 2 ** -40]),
        comparison('at T = 2', wavy(20, 4.0, 0.0), wavy(20, 4.0, 0.4), temperature=2.0),
        comparison('underflowed probabilities keep finite terms', [0.0, -800.0, 1.0], [0.0, -790.0, 2.0]),
    ])
    write('training', [
        training('worked example, target 2', worked, 2),
        training('worked example, target 0 (the argmax)', worked, 0),
        training('a confident prediction: p_y close to 1', [30.0, 0.0, -1.0], 0),
        training('a masked class', [1.0, -math.inf, 0.5, 2.0], 3),
        training('one class', [4.0], 0),
        training('eight classes at T = 0.5', wavy(8, 2.0, 0.7), 5, temperature=0.5),
        training('a hundred classes', wavy(100, 5.0, 0.1), 42),
    ])
    square = [0.5, 1.5, 2.5, 1.0, 0.0, -1.0, 2.0, -0.5, 0.25]
    write('attention', [
        attention('3 × 3, d = 4, causal', square, [3, 3], 4, True),
        attention('3 × 3, d = 4, no mask', square, [3, 3], 4, False),
        attention('3 × 3, d = 2 (sqrt(2) rounded)', square, [3, 3], 2, True),
        attention('2 × 4, causal: later keys hidden', [0.1, 0.2, 0.3, 0.4, 1.0, -1.0, 2.0, 0.0], [2, 4], 1, True),
        attention('scores with their own mask', [1.0, -math.inf, 3.0, -math.inf, 2.0, 1.0], [2, 3], 9, False),
        attention('8 × 8, d = 64, causal', wavy(64, 6.0, 0.2), [8, 8], 64, True),
    ])


if __name__ == '__main__':
    main()
