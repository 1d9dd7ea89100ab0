"""Liver fibrosis indices: FIB-4."""

from __future__ import annotations

import math

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q, value_in

__all__ = ["fib4"]

_STERLING_2006 = (
    "Sterling RK, Lissen E, Clumeck N, et al. Development of a simple noninvasive index to "
    "predict significant fibrosis in patients with HIV/HCV coinfection. Hepatology. "
    "2006;43(6):1317-1325. Age >= 65 cut-off 2.0: McPherson S, Hardy T, Dufour JF, et al. "
    "Age as a confounding factor for the accurate non-invasive diagnosis of advanced NAFLD "
    "fibrosis. Am J Gastroenterol. 2017;112(5):740-751."
)


def fib4(*, age: float | Q, ast: float | Q, alt: float | Q, platelets: float | Q) -> ScoreResult:
    """Fibrosis-4 index = age [years] x AST [U/L] / (platelets [10^9/L] x sqrt(ALT [U/L])).

    Source: Sterling RK, Lissen E, Clumeck N, et al. Hepatology 2006;43:1317-1325.
    ``platelets`` as a plain number is in 10^9/L (e.g. 149); a count per microlitre must
    come as ``Q(149000, "/uL")`` (1 x 10^9/L = 1,000/uL).  The value is rounded to 0.01.

    Interpretation (Sterling 2006 cut-offs for advanced fibrosis, Ishak 4-6):

    * < 1.45: advanced fibrosis unlikely (negative predictive value ~90%).
    * 1.45-3.25: indeterminate; consider elastography or another test.
    * > 3.25: advanced fibrosis likely (positive predictive value ~65%).

    At age >= 65 the lower cut-off is 2.0 (McPherson S, et al. Am J Gastroenterol
    2017;112:740-751); below 35 years the index is less reliable.
    """
    age_y = v.number("age (years)", value_in("age", age, "age", "yr"), lo=1, hi=130)
    ast_u = v.number("ast (U/L)", value_in("ast", ast, "enzyme", "U/L"), lo=1, hi=50000)
    alt_u = v.number("alt (U/L)", value_in("alt", alt, "enzyme", "U/L"), lo=1, hi=50000)
    plt = value_in("platelets", platelets, "cell_count", "10^9/L")
    plt = v.number("platelets (10^9/L; give counts per uL as Q(n, '/uL'))", plt, lo=1, hi=3000)
    raw = age_y * ast_u / (plt * math.sqrt(alt_u))
    value = v.round_half_up(raw, 2)
    low_cut = 2.0 if age_y >= 65 else 1.45
    if value < low_cut:
        band = f"below {low_cut:g}, advanced fibrosis unlikely"
    elif value <= 3.25:
        band = f"{low_cut:g}-3.25, indeterminate; consider elastography or another test"
    else:
        band = "above 3.25, advanced fibrosis likely; refer for hepatology assessment"
    if age_y < 35:
        band += " (less reliable below age 35)"
    steps = (
        "FIB-4 = age x AST / (platelets x sqrt(ALT))",
        f"age {age_y:g} y, AST {ast_u:g} U/L, ALT {alt_u:g} U/L, platelets {plt:g} x10^9/L",
        f"FIB-4 = {age_y:g} x {ast_u:g} / ({plt:g} x sqrt({alt_u:g})) = "
        f"{age_y * ast_u:g} / {plt * math.sqrt(alt_u):.3f} = {raw:.4f}",
        f"FIB-4 = {value:g} (rounded to 0.01)",
    )
    return ScoreResult(
        name="FIB-4",
        value=value,
        components={"age": age_y, "ast": ast_u, "alt": alt_u, "platelets": plt},
        interpretation=f"FIB-4 {value:g}: {band}",
        source=_STERLING_2006,
        unit="",
        steps=steps,
    )
