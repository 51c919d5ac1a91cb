#!/usr/bin/env python3
"""Writes the softmax reference fixtures in test/fixtures/softmax/ from exact arithmetic.

Logits are exact doubles (Fraction), divided exactly by the temperature, and exponentiated with
`decimal` at 50 significant digits; every expected output is stored as the nearest double plus how far
the exact value lies from it, in ulps, so the tests measure true errors. Large cases are not stored:
the logits come from a seeded generator (mulberry32 + exactly rounded arithmetic only) that
test/unit/softmaxFixtures.ts reproduces bit for bit; only sampled outputs are kept.

exact-cases.json holds whole rows, every output stored as the correctly rounded double of a 120-digit value
(checked to lie far from any rounding midpoint): random small rows of every kind, and rows constructed so that
a probability, a log-probability or the logsumexp lies within 2^-100 to 2^-200 of a midpoint, where only an
exact computation can tell which way it rounds.

Usage: python3 scripts/reference.py         (a few minutes; rewrites every fixture)
       python3 scripts/reference.py exp     (only exp-points.json, the exp kernel's reference)
       python3 scripts/reference.py exact   (only exact-cases.json)
"""
import json
import math
import os
import random
import sys
from decimal import MAX_EMAX, MIN_EMIN, Decimal, getcontext, localcontext
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
    """The double nearest an exact Decimal, and the exact value's offset from it in that double's ulps. A value that
    rounds to zero keeps its sign (−0 for a log-probability just below zero), an exact zero is +0."""
    if exact is None:
        return ['-Infinity', 0.0]
    near = float(exact) if exact != 0 else 0.0
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
    if logp[argmax] == 0 and any(e is not None and i != argmax for i, e in enumerate(exps)):
        # Another term underflowed this context (e^-1e300) but still makes log S positive: log p of the maximum is
        # below zero by less than any double, so it rounds to −0; a value below every double's half ulp stands for it.
        logp[argmax] = -Decimal('1e-999990')
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


EXACT_DIGITS = 120


def dec(f):
    """A Fraction as a Decimal: exactly when its denominator is a power of two (every shift and quotient of a row
    whose T is one: a subnormal or huge one has hundreds of digits, and may be exactly a midpoint), else rounded
    to the context."""
    k = f.denominator.bit_length() - 1
    if f.denominator == 1 << k:
        return Decimal(f'{f.numerator * 5 ** k}E-{k}')
    return Decimal(f.numerator) / Decimal(f.denominator)


def far_from_midpoints(value, rounded):
    """True when `value` (a Decimal, accurate to all but its last ~20 digits) is farther than that from both
    midpoints around the double `rounded`."""
    if value == 0 or rounded == 0 or math.isinf(rounded):
        return True
    here = Fraction(rounded)
    margin = abs(value) * Decimal(10) ** (20 - max(EXACT_DIGITS, len(value.as_tuple().digits)))
    for other in (math.nextafter(rounded, math.inf), math.nextafter(rounded, -math.inf)):
        mid = (here + Fraction(other)) / 2
        if abs(value - dec(mid)) <= margin:
            return False
    return True


def correctly_rounded(value, minus_a_hair=False):
    """The double nearest a 120-digit value, as text; a value that rounds to zero keeps its sign, an exact zero is +0.
    minus_a_hair: the exact value is `value` less a positive amount too small for any context (e^-1e300), which
    decides only when `value` is exactly a midpoint: then the lower neighbour."""
    if value is None:
        return '-Infinity'
    if value == 0:
        # Less a hair, zero is a negative value that rounds to −0.
        return text(-0.0 if minus_a_hair else 0.0)
    near = float(value)
    if minus_a_hair and not far_from_midpoints(value, near):
        for other in (math.nextafter(near, math.inf), math.nextafter(near, -math.inf)):
            if dec((Fraction(near) + Fraction(other)) / 2) == value:
                return text(min(near, other))
    assert far_from_midpoints(value, near), value
    return text(near)


def exact_row(xs, temperature):
    """Every p_i, log p_i and the logsumexp of softmax(x / T), each correctly rounded, from exact quotients."""
    with localcontext() as ctx:
        ctx.prec = EXACT_DIGITS
        ctx.Emin = MIN_EMIN
        ctx.Emax = MAX_EMAX
        t = Fraction(temperature)
        zs = [None if x == -math.inf else Fraction(x) / t for x in xs]
        m = max(z for z in zs if z is not None)
        argmax = next(i for i, z in enumerate(zs) if z == m)
        shifts = [None if z is None else dec(z - m) for z in zs]
        exps = [None if d is None else d.exp() for d in shifts]
        rest = sum((e for i, e in enumerate(exps) if e is not None and i != argmax), Decimal(0))
        # A term below even this context's range still makes log S positive.
        hair = any(e == 0 for i, e in enumerate(exps) if e is not None and i != argmax)
        total = 1 + rest
        log_total = log1p(rest) if rest < Decimal('1e-30') else total.ln()

        def plus(a, b):
            """a + b exactly enough: the precision grows with how far below a the tiny b lies."""
            if b == 0:
                return a
            if a == 0:
                return b
            with localcontext() as wide:
                wide.prec = EXACT_DIGITS + max(0, a.adjusted() - b.adjusted())
                return a + b

        return {
            'p': [correctly_rounded(Decimal(0) if e is None else e / total) for e in exps],
            'logp': [correctly_rounded(None if d is None else plus(d, -log_total), hair) for d in shifts],
            'logSumExp': correctly_rounded(plus(dec(m), log_total)),
        }


def filling(target_rest, count, exclude=0.0):
    """Logits d_1 > d_2 > … (count of them) with Σ e^(d_k) just below target_rest: each the largest double whose
    term still fits, so what is left shrinks by a factor of about 2^53 with every term."""
    ds = []
    rest = target_rest - Decimal(exclude)
    for _ in range(count):
        d = float(rest.ln())
        while Decimal(d).exp() > rest:
            d = math.nextafter(d, -math.inf)
        ds.append(d)
        rest -= Decimal(d).exp()
    return ds, rest


def midpoint_above(v):
    f = float(v)
    return (Fraction(f) + Fraction(math.nextafter(f, math.inf))) / 2


def near_midpoint_rows():
    """Rows whose p_0, log p_0 or logsumexp lies a hair above a midpoint between two doubles."""
    rows = []
    with localcontext() as ctx:
        ctx.prec = 150
        for name, target, terms in [('p0-near-midpoint-2^-100', Decimal('0.7'), 2),
                                    ('p0-near-midpoint-2^-150', Decimal('0.3'), 3),
                                    ('p0-near-midpoint-2^-200', Decimal('0.55'), 4)]:
            s = 1 / dec(midpoint_above(target))
            ds, _ = filling(s - 1, terms)
            rows.append((name, [0.0] + ds, 1.0))
        for name, target, terms in [('logp0-near-midpoint', Decimal('-0.35'), 3), ('logsumexp-near-midpoint', Decimal('0.61'), 3)]:
            s = (-dec(midpoint_above(target))).exp() if target < 0 else dec(midpoint_above(target)).exp()
            ds, _ = filling(s - 1, terms)
            rows.append((name, [0.0] + ds, 1.0))
        # The same inside long rows: 2000 terms near e^-45 that S must count, and 5000 masked-like −1e4s.
        rnd = random.Random(5)
        base = [-45.0 - 5.0 * rnd.random() for _ in range(2000)]
        s = 1 / dec(midpoint_above(Decimal('0.62')))
        ds, _ = filling(s - 1 - sum(Decimal(b).exp() for b in base), 3)
        rows.append(('p0-near-midpoint-in-2000-terms', [0.0] + ds + base, 1.0))
        ds, _ = filling(1 / dec(midpoint_above(Decimal('0.45'))) - 1, 3)
        rows.append(('p0-near-midpoint-beside-5000-underflows', [0.0] + ds + [-1e4] * 5000, 1.0))
        # With T = 2 the quotients are the halves, exactly.
        ds, _ = filling(1 / dec(midpoint_above(Decimal('0.81'))) - 1, 3)
        rows.append(('p0-near-midpoint-t2', [0.0] + [2 * d for d in ds], 2.0))
    return rows


def cancelling_rows():
    """logsumexp = a + log k with a the double nearest −log k: far below its terms, decided only exactly."""
    rows = []
    for k in [2, 3, 10, 1000]:
        a = -float(Decimal(k).ln())
        rows.append((f'logsumexp-cancels-{k}-ties', [a] * k, 1.0))
    return rows


def hair_rows():
    """Rows whose log p_i or logsumexp is exactly a midpoint less or plus log S, with log S below anything a
    double holds: x_i - x_argmax (or x_argmax / T) is the midpoint, and only the sign of log S decides."""
    return [
        # d_1 = -(1100 + 2^-43) between -1100 (even) and -(1100 + 2^-42): log p_1 = d_1 - log S rounds away.
        ('logp-midpoint-beside-a-dropped-term', [1100 + 2.0 ** -42, 2.0 ** -43], 1.0),
        # The same with the other term e^-900, summed (scaled up) rather than bounded.
        ('logp-midpoint-beside-a-tiny-term', [900 + 2.0 ** -43, 2.0 ** -44], 1.0),
        # And beside e^-500, which log S holds (s′ ≥ 2^-800): its third part tips the midpoint.
        ('logp-midpoint-beside-a-small-term', [1100 + 2.0 ** -42, 2.0 ** -43, 600 + 2.0 ** -42], 1.0),
        # x_argmax / T = 2^-1075, midway between 0 (even) and 2^-1074: logsumexp is just above it.
        ('logsumexp-subnormal-midpoint', [2.0 ** -1074, -1e4], 2.0),
        ('logsumexp-subnormal-midpoint-tiny-term', [2.0 ** -1074, -1700.0], 2.0),
    ]


def random_small_rows():
    """Short rows of every kind: normal and wide logits, few-bit values (exact half-ulp shifts), integers, ties,
    masks, huge and tiny magnitudes, and temperatures from 1e-20 to 1e20."""
    rnd = random.Random(2027)
    kinds = ['normal', 'wide', 'few-bits', 'integers', 'ties', 'huge', 'tiny', 'spread']
    temps = [1.0] * 6 + [0.5, 2.0, 3.0, 0.1, 7.3, 1e-3, 1e3, 0.37, 1e-20, 1e20]
    rows = []
    while len(rows) < 400:
        kind = kinds[len(rows) % len(kinds)]
        n = rnd.choice([1, 2, 3, 5, 8, 13, 40])
        t = rnd.choice(temps)
        if kind == 'normal':
            xs = [rnd.gauss(0, 1) for _ in range(n)]
        elif kind == 'wide':
            xs = [rnd.gauss(0, 300) for _ in range(n)]
        elif kind == 'few-bits':
            xs = [rnd.randint(-4000, 4000) / 8 for _ in range(n)]
        elif kind == 'integers':
            xs = [float(rnd.randint(-20, 20)) for _ in range(n)]
        elif kind == 'ties':
            xs = [rnd.choice([0.1, 0.1, 2.5, -1.0]) for _ in range(n)]
        elif kind == 'huge':
            xs = [rnd.choice([1, -1]) * 10 ** rnd.uniform(250, 308) for _ in range(n)]
        elif kind == 'tiny':
            xs = [rnd.choice([1, -1]) * 10 ** rnd.uniform(-320, -290) for _ in range(n)]
        else:
            xs = [rnd.uniform(-800, 0) for _ in range(n)]
        xs = [-math.inf if rnd.random() < 0.15 else x for x in xs]
        if all(x == -math.inf for x in xs):
            xs[rnd.randrange(n)] = 0.0
        if any(math.isinf(x / t) or math.isinf(x) and x > 0 for x in xs if x != -math.inf):
            continue
        rows.append((f'random-{len(rows)}-{kind}', xs, t))
    return rows


def exact_cases():
    cases = []
    for name, xs, t in random_small_rows() + near_midpoint_rows() + cancelling_rows() + hair_rows():
        ref = exact_row(xs, t)
        cases.append({'name': name, 'temperature': t, 'logits': [text(x) for x in xs], **ref})
    with open(os.path.join(OUT, 'exact-cases.json'), 'w') as f:
        json.dump(cases, f, separators=(',', ':'))
        f.write('\n')
    print('exact-cases', len(cases), flush=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    if sys.argv[1:] == ['exp']:
        exp_points()
        return
    if sys.argv[1:] == ['exact']:
        exact_cases()
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
    exact_cases()


if __name__ == '__main__':
    main()
