"""Formula calculators (renal function, body size, electrolytes, QTc, dates, drugs).

Each public function takes keyword-only inputs (plain numbers in the unit its
docstring states, or :class:`healthgym.clinical.units.Q` values that are
converted), cites its source, and returns a
:class:`healthgym.clinical.scores.result.ScoreResult` with the value, its
interpretation and the step-by-step working.
"""
