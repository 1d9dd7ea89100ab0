"""Interactions derived from the formulary's mechanism data.

Rules (each produces a :class:`Basis` recording the roles it used, so every derived
pair can be checked against the formulary):

* **CYP/P-gp inhibition** (FDA Table of Substrates, Inhibitors and Inducers; strengths
  defined by the AUC change of sensitive index substrates): strong inhibitor +
  sensitive substrate of the same enzyme -> major; strong + moderate-sensitive or
  moderate + sensitive -> moderate; moderate + moderate-sensitive -> minor.
* **Induction**: strong inducer + sensitive substrate -> major (loss of efficacy);
  strong + moderate-sensitive or moderate + sensitive -> moderate; moderate + moderate
  -> minor.
* **Prodrug activation**: an inhibitor of the activating enzyme (CYP2C19 for
  clopidogrel, CYP2D6 for codeine, tramadol and tamoxifen): strong -> major, moderate
  -> moderate (loss of efficacy).
* **QT** (CredibleMeds categories): known + known -> major; known + possible ->
  moderate; possible + possible -> minor (conditional-risk drugs add no pair).
* **Serotonin toxicity** (Boyer EW, Shannon M. N Engl J Med 2005;352:1112-20):
  irreversible MAOI + serotonergic drug (or two MAOIs) -> contraindicated; reversible
  MAOI (linezolid) + serotonergic -> major; two other serotonergic drugs -> moderate.
* **Hyperkalaemia**: two potassium-raising drugs -> moderate (Lexicomp-style "monitor
  therapy"; e.g. ACE inhibitor + spironolactone, which the 2022 AHA/ACC/HFSA heart
  failure guideline recommends with potassium and creatinine monitoring).
* **Bleeding**: weights anticoagulant 3, antiplatelet/NSAID 2, SSRI/SNRI 1; a pair
  summing to >= 5 -> major, >= 3 -> moderate.
* **CNS depression** (FDA 2016 boxed warning, opioids with benzodiazepines): weights
  opioid/benzodiazepine 2, other sedatives 1; 4 -> major, 3 -> moderate, 2 -> minor.

A pair matched by several rules takes the most severe; curated entries override.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from .model import ENZYME_LABEL, SEVERITY_RANK, Basis, Drug, Interaction

_INHIBITION = {
    ("strong", "sensitive"): "major",
    ("strong", "moderate"): "moderate",
    ("moderate", "sensitive"): "moderate",
    ("moderate", "moderate"): "minor",
}
_PRODRUG = {"strong": "major", "moderate": "moderate"}
_QT = {("known", "known"): "major", ("known", "possible"): "moderate"}
_QT[("possible", "known")] = "moderate"
_QT[("possible", "possible")] = "minor"
_LEVEL_WORDS = {"sensitive": "sensitive", "moderate": "moderately sensitive"}
_MANAGE = {
    "cyp_inhibition": {
        "major": "Avoid the combination: choose an alternative to {v} that does not depend on "
        "{e}, or a non-interacting alternative to {p}; if unavoidable, lower the {v} dose and "
        "monitor closely.",
        "moderate": "Monitor for {v} adverse effects; consider a lower {v} dose.",
        "minor": "Usually no change needed; monitor susceptible patients.",
    },
    "cyp_induction": {
        "major": "Avoid the combination: {v} may fail; choose an alternative or monitor levels "
        "and response closely (effects persist about 2 weeks after {p} stops).",
        "moderate": "Monitor response to {v}; a higher dose may be needed.",
        "minor": "Usually no change needed.",
    },
    "prodrug_inhibition": {
        "major": "Avoid: choose an alternative to {p} or to {v} that does not rely on {e} "
        "activation.",
        "moderate": "Monitor efficacy of {v}; consider an alternative.",
    },
}


def _cyp(a: Drug, b: Drug) -> Iterator[tuple[str, Basis, str, str, str]]:
    """(severity, basis, mechanism, effect, management) for perpetrator a, victim b."""
    for enzyme, level in b.substrate.items():
        e = ENZYME_LABEL[enzyme]
        strength = a.inhibits.get(enzyme)
        if level == "prodrug" and strength in _PRODRUG:
            sev = _PRODRUG[strength]
            yield (
                sev,
                Basis("prodrug_inhibition", enzyme, a.name, b.name),
                f"{a.name} is a {strength} {e} inhibitor; {b.name} is a prodrug activated by {e}.",
                f"Less active metabolite of {b.name}: reduced therapeutic effect.",
                _MANAGE["prodrug_inhibition"][sev].format(p=a.name, v=b.name, e=e),
            )
        if (strength, level) in _INHIBITION:
            sev = _INHIBITION[(strength, level)]
            yield (
                sev,
                Basis("cyp_inhibition", enzyme, a.name, b.name),
                f"{a.name} is a {strength} {e} inhibitor and {b.name} a {_LEVEL_WORDS[level]} "
                f"{e} substrate: {b.name} exposure rises.",
                f"Raised {b.name} concentrations: {', '.join(b.adverse_effects[:2])}.",
                _MANAGE["cyp_inhibition"][sev].format(p=a.name, v=b.name, e=e),
            )
        inducer = a.induces.get(enzyme)
        if (inducer, level) in _INHIBITION:
            sev = _INHIBITION[(inducer, level)]
            yield (
                sev,
                Basis("cyp_induction", enzyme, a.name, b.name),
                f"{a.name} is a {inducer} {e} inducer and {b.name} a {_LEVEL_WORDS[level]} "
                f"{e} substrate: {b.name} exposure falls.",
                f"Lower {b.name} concentrations: loss of therapeutic effect.",
                _MANAGE["cyp_induction"][sev].format(p=a.name, v=b.name, e=e),
            )


def _pharmacodynamic(a: Drug, b: Drug) -> Iterator[tuple[str, Basis, str, str, str]]:
    if a.qt_risk and b.qt_risk and (a.qt_risk, b.qt_risk) in _QT:
        sev = _QT[(a.qt_risk, b.qt_risk)]
        yield (
            sev,
            Basis("qt", "", a.name, b.name),
            f"Additive QT prolongation ({a.name}: {a.qt_risk} TdP risk; {b.name}: "
            f"{b.qt_risk} TdP risk, CredibleMeds).",
            "QTc prolongation and torsades de pointes, worse with hypokalaemia, "
            "hypomagnesaemia, bradycardia or a long baseline QTc.",
            "Avoid if possible; otherwise obtain a baseline ECG, correct potassium and "
            "magnesium and monitor the QTc."
            if sev == "major"
            else "Monitor the QTc and electrolytes in patients with other risk factors.",
        )
    mao = [d for d in (a, b) if d.maoi]
    if mao and (a.serotonergic and b.serotonergic):
        sev = "contraindicated" if any(d.maoi == "irreversible" for d in mao) else "major"
        m = mao[0]
        yield (
            sev,
            Basis("maoi", "", m.name, b.name if m is a else a.name),
            f"{m.name} inhibits monoamine oxidase; the other drug raises synaptic serotonin.",
            "Serotonin syndrome (hyperthermia, rigidity, clonus, autonomic instability); "
            "can be fatal.",
            "Do not combine; allow the labelled washout (14 days after an irreversible MAOI, "
            "5 weeks after fluoxetine)."
            if sev == "contraindicated"
            else "Avoid unless essential; if used, stop the serotonergic drug or monitor "
            "closely for serotonin toxicity.",
        )
    elif a.serotonergic and b.serotonergic:
        yield (
            "moderate",
            Basis("serotonin", "", a.name, b.name),
            "Two drugs that raise serotonergic activity.",
            "Serotonin syndrome (agitation, tremor, clonus, hyperthermia).",
            "Use the lowest effective doses; counsel and monitor for serotonin toxicity, "
            "especially after starting or raising a dose.",
        )
    if a.raises_potassium and b.raises_potassium:
        yield (
            "moderate",
            Basis("potassium", "", a.name, b.name),
            "Both drugs raise serum potassium (reduced aldosterone effect or renal potassium "
            "excretion).",
            "Hyperkalaemia, especially with CKD, diabetes, dehydration or older age.",
            "Check potassium and creatinine within 1 week of starting and periodically; "
            "avoid potassium supplements and salt substitutes.",
        )
    weight = a.bleeding + b.bleeding
    if a.bleeding and b.bleeding and weight >= 3:
        sev = "major" if weight >= 5 else "moderate"
        yield (
            sev,
            Basis("bleeding", "", a.name, b.name),
            "Additive effects on haemostasis (anticoagulant, antiplatelet, NSAID or "
            "serotonin-reuptake effects on platelets).",
            "Increased risk of bleeding, including GI and intracranial haemorrhage.",
            "Avoid unless clearly indicated (e.g. a defined duration of combined therapy); "
            "add gastroprotection and monitor for bleeding."
            if sev == "major"
            else "Monitor for bleeding; consider a PPI for GI protection.",
        )
    cns = a.cns_depressant + b.cns_depressant
    if a.cns_depressant and b.cns_depressant:
        sev = {4: "major", 3: "moderate", 2: "minor"}[cns]
        yield (
            sev,
            Basis("cns", "", a.name, b.name),
            "Additive central nervous system and respiratory depression.",
            "Sedation, falls, respiratory depression; coma and death with opioids plus "
            "benzodiazepines (FDA boxed warning).",
            "Avoid the combination; if unavoidable use the lowest doses and shortest duration "
            "and monitor for sedation and respiratory depression."
            if sev == "major"
            else "Use the lowest effective doses; counsel about sedation and falls.",
        )


_CATEGORY = {
    "cyp_inhibition": "{e} inhibition",
    "cyp_induction": "{e} induction",
    "prodrug_inhibition": "{e} prodrug activation blocked",
    "qt": "QT prolongation",
    "serotonin": "serotonin toxicity",
    "maoi": "MAO inhibition (serotonin toxicity)",
    "potassium": "hyperkalaemia",
    "bleeding": "bleeding",
    "cns": "CNS depression",
}


def category_of(basis: Basis) -> str:
    return _CATEGORY[basis.kind].format(e=ENZYME_LABEL.get(basis.enzyme, ""))


def derive_pair(a: Drug, b: Drug) -> Interaction | None:
    """The derived interaction of two drugs, or None when no rule applies."""
    found = [*_cyp(a, b), *_cyp(b, a), *_pharmacodynamic(a, b)]
    if not found:
        return None
    found.sort(key=lambda f: -SEVERITY_RANK[f[0]])
    top = found[0][0]
    lead = [f for f in found if f[0] == top]
    first, second = sorted((a.name, b.name))
    return Interaction(
        drug_a=first,
        drug_b=second,
        severity=top,  # type: ignore[arg-type]
        category="; ".join(dict.fromkeys(category_of(f[1]) for f in lead)),
        mechanism=" ".join(dict.fromkeys(f[2] for f in found)),
        effect=" ".join(dict.fromkeys(f[3] for f in lead)),
        management=lead[0][4],
        source="derived",
        reference="Derived from formulary roles (FDA CYP table, Flockhart Table, CredibleMeds)",
        bases=tuple(f[1] for f in found),
    )


def derive_all(drugs: dict[str, Drug]) -> dict[tuple[str, str], Interaction]:
    """Every derived interaction among the formulary's drugs, keyed by sorted pair."""
    out = {}
    for x, y in combinations(sorted(drugs), 2):
        found = derive_pair(drugs[x], drugs[y])
        if found is not None:
            out[(x, y)] = found
    return out
