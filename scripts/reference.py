#!/usr/bin/env python3
"""Writes the softmax reference fixtures in test/fixtures/softmax/ from exact arithmetic.

Logits are exact doubles (Fraction), divided exactly by the temperature, and exponentiated with
`decimal` at 50 significant digits; every expected output is stored as the nearest double plus how far
the exact value lies from it, in ulps, so the tests measure true errors. Large cases are not stored:
the logits come from a seeded generator (mulberry32 + exactly rounded arithmetic only) that
test/unit/softmaxFixtures.ts reproduces bit for bit; only sampled outputs are kept.

Usage: python3 scripts/reference.py       (a few minutes; rewrites every fixture)
       python3 scripts/reference.py exp   (only exp-points.json, the exp kernel's reference)
"""
import json
import math
import os
import random
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'softmax')
MASK = 0xFFFFFFFF


def mulberry32(seed):
    """The 32-bit generator, identical to mulberry32() in softmaxFixtures.ts."""
    state = seed & MASK

    def imul(a, b):
        return (a * b) & MASK

    def nxt():
        nonlocal state
        state = (state + 0x6D2B79F5) & MASK
        t = imul(state ^ (state >> 15), state | 1)
        t = ((t + imul(t ^ (t >> 7), t | 61)) & MASK) ^ t
        return (t ^ (t >> 14)) & MASK

    return nxt


def generate(dist, n, seed):
    """Logits of one distribution, using only exactly rounded double operations."""
    nxt = mulberry32(seed)

    def uniform():
        a = nxt() >> 5
        b = nxt() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def normal():
        s = 0.0
        for _ in range(12):
            s += uniform()
        return s - 6.0

    xs = []
    for _ in range(n):
        if dist == 'normal1':
            xs.append(normal())
        elif dist == 'normal100':
            xs.append(normal() * 100.0)
        elif dist == 'high':
            xs.append(690.0 + 30.0 * uniform())
        elif dist == 'low':
            xs.append(-900.0 + 200.0 * uniform())
        elif dist == 'mask30':
            u = uniform()
            x = normal()
            xs.append(-math.inf if u < 0.3 else x)
        elif dist == 'ties':
            xs.append(float(math.floor(uniform() * 4.0)))
        else:
            raise ValueError(dist)
    if all(x == -math.inf for x in xs):
        xs[0] = 0.0
    return xs


def text(x):
    """A double as a string JavaScript's Number() reads back exactly."""
    if x == -math.inf:
        return '-Infinity'
    if x == math.inf:
        return 'Infinity'
    return repr(x)


def nearest(exact):
    """The double nearest an exact Decimal, and the exact value's offset from it in that double's ulps."""
    if exact is None:
        return ['-Infinity', 0.0]
    near = float(exact)
    ulp = math.ulp(near) if near != 0 else math.ulp(0.0)
    return [text(near), float((exact - Decimal(near)) / Decimal(ulp))]


def log1p(s):
    """ln(1 + s) to full relative precision even when s is far below 1e-50."""
    if s < Decimal('1e-20'):
        return s - s * s / 2 + s * s * s / 3
    return (1 + s).ln()


def reference(xs, temperature):
    """Exact softmax, log-softmax, logsumexp and entropy of the exact logits x_i / T."""
    t = Fraction(temperature)
    zs = [None if x == -math.inf else Fraction(x) / t for x in xs]
    m = max(z for z in zs if z is not None)
    argmax = next(i for i, z in enumerate(zs) if z == m)
    shifts = [None if z is None else Decimal((z - m).numerator) / Decimal((z - m).denominator) for z in zs]
    exps = [None if d is None else d.exp() for d in shifts]
    # s' = the sum without the maximum's term (exactly 1), so log S = log1p(s') keeps tiny s'.
    rest = sum((e for i, e in enumerate(exps) if e is not None and i != argmax), Decimal(0))
    total = 1 + rest
    log_total = log1p(rest)
    m_dec = Decimal(m.numerator) / Decimal(m.denominator)
    probs = [Decimal(0) if e is None else e / total for e in exps]
    logp = [None if d is None else d - log_total for d in shifts]
    # H = Σ p (log S − d): every term is ≥ 0, so no cancellation even when H is tiny.
    entropy = sum((p * (log_total - d) for p, d in zip(probs, shifts) if d is not None), Decimal(0))
    return {
        'argmax': argmax,
        'probs': probs,
        'logp': logp,
        'logSumExp': nearest(m_dec + log_total),
        'entropyNats': nearest(entropy),
    }


def sample_indices(n, ref, seed):
    if n <= 1000:
        return list(range(n))
    rnd = random.Random(seed)
    picked = set(rnd.sample(range(n), 300))
    picked.add(ref['argmax'])
    finite = [i for i in range(n) if ref['logp'][i] is not None]
    picked.add(min(finite, key=lambda i: ref['probs'][i]))
    picked.add(finite[0])
    picked.add(n - 1)
    return sorted(picked)


def case(name, temperature=1.0, logits=None, generator=None):
    if generator is not None:
        xs = generate(generator['dist'], generator['n'], generator['seed'])
    else:
        xs = logits
    ref = reference(xs, temperature)
    idx = sample_indices(len(xs), ref, 7)
    fixture = {'name': name, 'temperature': temperature, 'n': len(xs)}
    if generator is not None:
        fixture['generator'] = generator
        fixture['checkLogits'] = [[i, text(xs[i])] for i in idx[:50]]
    else:
        fixture['logits'] = [text(x) for x in xs]
    fixture['argmax'] = ref['argmax']
    fixture['logSumExp'] = ref['logSumExp']
    fixture['entropyNats'] = ref['entropyNats']
    # [index, p nearest, p offset in ulps, log p nearest, log p offset in ulps]
    fixture['samples'] = [[i, *nearest(ref['probs'][i]), *nearest(ref['logp'][i])] for i in idx]
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        json.dump(fixture, f, separators=(',', ':'))
        f.write('\n')
    print(name, len(xs), flush=True)


def exp_points():
    """Exact e^d at the arguments the softmax kernel's exp sees: d ≤ 0, dense near 0 and near the
    subnormal and underflow thresholds. Stored as [d, nearest, offset in ulps]."""
    nxt = mulberry32(20261129)

    def uniform():
        return ((nxt() >> 5) * 67108864.0 + (nxt() >> 6)) / 9007199254740992.0

    points = [0.0, -0.0, -5e-324, -1e-300, -2**-60, -math.log(2) / 256, -math.log(2) / 128, -1.0, -0.5,
              -707.9999, -708.0, -708.0000001, -708.3964185322641, -708.4, -709.0, -744.4, -745.1332191019411,
              -745.1332191019412, -745.2, -746.0, -746.0000001, -800.0]
    points += [-746.0 * uniform() for _ in range(3000)]
    points += [-4.0 * uniform() for _ in range(1500)]
    points += [-708.0 - 38.0 * uniform() for _ in range(500)]
    rows = [[text(d), *nearest(Decimal(d).exp())] for d in points]
    with open(os.path.join(OUT, 'exp-points.json'), 'w') as f:
        json.dump({'name': 'exp-points', 'points': rows}, f, separators=(',', ':'))
        f.write('\n')
    print('exp-points', len(rows), flush=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    if sys.argv[1:] == ['exp']:
        exp_points()
        return
    for old in os.listdir(OUT):
        if old.endswith('.json'):
            os.remove(os.path.join(OUT, old))
    exp_points()
    case('worked-example', logits=[2.0, 1.0, 0.1])
    case('overflow-textbook', logits=[1000.0, 1001.0])
    case('one-logit', logits=[-3.5])
    case('all-equal', logits=[0.25] * 7)
    case('subnormal-results', logits=[0.0, -700.0, -720.0, -740.0, -744.5, -745.2, -800.0])
    case('masked-and-huge', logits=[-math.inf, 1e300, -1e300, 1e300 * (1 - 2**-52), -math.inf])
    case('tiny-gaps', logits=[1.0, 1.0 + 2**-52, 1.0 - 2**-53, 1.0])
    case('worked-example-t2', temperature=2.0, logits=[2.0, 1.0, 0.1])
    seed = 1
    for dist in ['normal1', 'normal100', 'high', 'low', 'mask30', 'ties']:
        for n in [2, 3, 17, 1000, 100000]:
            case(f'{dist}-n{n}', generator={'dist': dist, 'n': n, 'seed': seed})
            seed += 1
    for dist in ['normal1', 'normal100', 'high', 'mask30']:
        case(f'{dist}-n1000000', generator={'dist': dist, 'n': 1000000, 'seed': seed})
        seed += 1
    for dist, t in [('normal1', 0.37), ('normal1', 3.0), ('normal100', 0.01), ('high', 7.0), ('mask30', 0.1)]:
        case(f'{dist}-n1000-t{t}', temperature=t, generator={'dist': dist, 'n': 1000, 'seed': seed})
        seed += 1


if __name__ == '__main__':
    main()
