"""Guideline regimens checked against the patient: fluoroquinolones for acute
pyelonephritis (IDSA/ESCMID 2010)."""

from __future__ import annotations

from .allergy import canonical_drug, treatment_allergy_conflicts

# Fluoroquinolone treatment of acute pyelonephritis (Gupta K et al. IDSA/ESCMID 2010
# update, Clin Infect Dis 2011;52:e103-20): accepted where community resistance is not
# known to exceed 10%, not in pregnancy (labelling: use alternatives), not with a
# fluoroquinolone allergy.
FLUOROQUINOLONE_PYELONEPHRITIS: dict[str, str] = {
    "ciprofloxacin": "500 mg orally every 12 hours for 7 days (optional initial 400 mg IV)",
    "levofloxacin": "750 mg once daily for 5 days",
}


def fluoroquinolone_pyelonephritis_ok(drug: str, allergies: list, pregnant: bool = False) -> bool:
    """Whether ``drug`` is an acceptable pyelonephritis regimen for this patient under the
    IDSA/ESCMID 2010 conditions (resistance below 10% is assumed for a community or
    susceptible isolate): a guideline fluoroquinolone, not in pregnancy, no allergy."""
    key = canonical_drug(drug)
    if key not in FLUOROQUINOLONE_PYELONEPHRITIS or pregnant:
        return False
    return not treatment_allergy_conflicts(key, allergies)


__all__ = ["FLUOROQUINOLONE_PYELONEPHRITIS", "fluoroquinolone_pyelonephritis_ok"]
