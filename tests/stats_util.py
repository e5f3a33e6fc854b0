"""A chi-square goodness-of-fit test without SciPy (regularised upper incomplete gamma)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def chi_square(observed: Sequence[int], expected_shares: Sequence[float]) -> tuple[float, float]:
    """Return (statistic, p-value) for ``observed`` counts against ``expected_shares``."""
    total = sum(observed)
    share_sum = sum(expected_shares)
    statistic = sum(
        (o - total * s / share_sum) ** 2 / (total * s / share_sum)
        for o, s in zip(observed, expected_shares, strict=True)
    )
    return statistic, chi2_sf(statistic, len(observed) - 1)


def chi2_sf(x: float, df: int) -> float:
    """P(X >= x) for X ~ chi-square(df)."""
    return _upper_gamma_q(df / 2.0, x / 2.0)


def _upper_gamma_q(a: float, x: float) -> float:
    if x <= 0:
        return 1.0
    if x < a + 1:  # series for P, then Q = 1 - P
        term = total = 1.0 / a
        n = a
        for _ in range(10_000):
            n += 1
            term *= x / n
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return 1.0 - total * math.exp(-x + a * math.log(x) - math.lgamma(a))
    # continued fraction for Q (Lentz)
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h
