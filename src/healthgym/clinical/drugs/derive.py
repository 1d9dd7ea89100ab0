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
* The "triple whammy" (ACE inhibitor/ARB + diuretic + NSAID; Lapi F et al. BMJ
  2013;346:e8525) is a three-drug risk: the table holds its NSAID pairs (curated
  "renal prostaglandin inhibition"); ACE inhibitor/ARB + diuretic alone is intended therapy.
* **Nephrotoxicity** (class role by therapeutic group, :data:`NEPHROTOXIC_GROUPS`): two
  drugs of nephrotoxic classes (NSAIDs, calcineurin inhibitors, the glycopeptide
  vancomycin) -> moderate: additive kidney injury, monitor creatinine (KDIGO Clinical
  Practice Guideline for Acute Kidney Injury 2012, section 3.8: avoid nephrotoxins where
  possible; NSAID US PIs, section 7 "Cyclosporine"; Prograf (tacrolimus) PI section 7
  "Nephrotoxic drugs"; Sandimmune/Neoral PI "Drugs that may potentiate renal dysfunction").
* **Angioedema (neprilysin + ACE inhibition)**: a neprilysin inhibitor (group ``arni``)
  with an ACE inhibitor -> contraindicated: both enzymes degrade bradykinin (Entresto
  PI sections 4 and 5.2: contraindicated, 36-hour washout; the OVERTURE trial of
  omapatrilat, Packer M et al. Circulation 2002;106:920-6).
* **Therapeutic duplication** (:data:`DUPLICATE_FAMILIES`): two drugs of the same
  therapeutic group, or of groups of one family (ACE inhibitor/ARB/ARNI, oral/parenteral
  anticoagulant, SSRI/SNRI, typical/atypical antipsychotic, GLP-1 agonist/DPP-4
  inhibitor, PPI/H2 blocker, H1 antihistamines, potassium-sparing diuretic/MRA); STOPP
  v2 criterion A3 "any duplicate drug class prescription, e.g. two concurrent NSAIDs,
  SSRIs, loop diuretics, ACE inhibitors, anticoagulants" (O'Mahony D et al. Age Ageing
  2015;44:213-8).  Severity per family with its source (default moderate: reconcile and
  stop one); groups where combination therapy is standard care are exempt
  (:data:`NOT_DUPLICATE`).

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


# Therapeutic groups whose drugs are directly nephrotoxic (tubular or haemodynamic injury
# independent of volume status): KDIGO AKI 2012 section 3.8 names NSAIDs and
# aminoglycosides; calcineurin inhibitors (Prograf, Sandimmune PI Warnings:
# nephrotoxicity) and vancomycin (Rybak MJ et al. Am J Health Syst Pharm 2020;77:835-64).
# The formulary has no aminoglycoside, amphotericin or contrast agent; add their groups
# here when it does.
NEPHROTOXIC_GROUPS = frozenset({"nsaid", "calcineurin_inhibitor", "glycopeptide"})

# groups that form one duplication family with another group (a group not listed is its
# own family)
_FAMILY_OF = {
    "ace_inhibitor": "raas",
    "arb": "raas",
    "arni": "raas",
    "oral_anticoagulant": "anticoagulant",
    "parenteral_anticoagulant": "anticoagulant",
    "ssri": "serotonin_reuptake",
    "snri": "serotonin_reuptake",
    "typical_antipsychotic": "antipsychotic",
    "atypical_antipsychotic": "antipsychotic",
    "glp1_agonist": "incretin",
    "dpp4_inhibitor": "incretin",
    "ppi": "acid_suppression",
    "h2_blocker": "acid_suppression",
    "antihistamine": "h1_antihistamine",
    "sedating_antihistamine": "h1_antihistamine",
    "k_sparing": "potassium_sparing",
    "mra": "potassium_sparing",
}
# groups of different mechanisms combined by design (not a duplication): antiepileptic
# polytherapy (ILAE; NICE NG217 2022), methotrexate + hydroxychloroquine (ACR 2021 RA
# guideline, triple therapy), antiemetics of different receptor classes (ASCO
# antiemetics guideline 2020), single-member catch-all groups
NOT_DUPLICATE = frozenset({"antiepileptic", "dmard", "antiemetic", "herbal", "analgesic"})

# family -> (severity, why, source); families not listed: moderate with the STOPP text
DUPLICATE_FAMILIES: dict[str, tuple[str, str, str]] = {
    "raas": (
        "major",
        "Dual renin-angiotensin blockade: hyperkalaemia, hypotension and acute kidney injury "
        "without outcome benefit.",
        "ONTARGET (Yusuf S et al. N Engl J Med 2008;358:1547-59); VA NEPHRON-D (Fried LF et "
        "al. N Engl J Med 2013;369:1892-903); KDIGO 2021 Blood Pressure in CKD guideline "
        "(avoid combining ACEi, ARB and direct renin inhibitor); Entresto PI 7.2 (avoid ARBs)",
    ),
    "anticoagulant": (
        "major",
        "Two anticoagulants: major bleeding (overlap only while switching, per label).",
        "Eliquis, Xarelto, Pradaxa, Coumadin PI section 7 (other anticoagulants); STOPP v2 A3",
    ),
    "p2y12": (
        "major",
        "Two P2Y12 inhibitors: bleeding without added benefit (DAPT uses one with aspirin).",
        "2016 ACC/AHA focused update on DAPT (Levine GN et al. Circulation 2016;134:e123-55); "
        "switching consensus (Angiolillo DJ et al. Circulation 2017;136:1955-75)",
    ),
    "nsaid": (
        "major",
        "Two NSAIDs: more GI ulceration, bleeding and kidney injury, no added efficacy.",
        "NSAID US PIs section 7 (e.g. Motrin, Naprosyn: 'concomitant use with other NSAIDs "
        "is not recommended'); STOPP v2 A3",
    ),
    "triptan": (
        "contraindicated",
        "Two 5-HT1B/1D agonists: additive vasoconstriction (coronary vasospasm).",
        "Imitrex, Maxalt, Relpax PI section 4 (contraindicated within 24 hours of another "
        "5-HT1 agonist)",
    ),
    "pde5": (
        "major",
        "Two PDE5 inhibitors: additive hypotension; combinations not studied.",
        "Viagra and Cialis PI section 5 ('combination with other PDE5 inhibitors ... not "
        "recommended')",
    ),
    "calcineurin_inhibitor": (
        "major",
        "Two calcineurin inhibitors: additive nephrotoxicity and over-immunosuppression.",
        "Prograf PI section 7 (cyclosporine: avoid; stop cyclosporine >= 24 h before "
        "tacrolimus); KDIGO 2009 kidney transplant guideline",
    ),
    "antimetabolite": (
        "major",
        "Two antiproliferative immunosuppressants: additive bone-marrow suppression.",
        "CellCept PI section 7 (azathioprine: concomitant use not recommended)",
    ),
    "potassium_sparing": (
        "contraindicated",
        "Two potassium-sparing diuretics: severe hyperkalaemia.",
        "Inspra PI section 4; Midamor and Dyrenium PI Contraindications",
    ),
    "maoi": (
        "contraindicated",
        "Two MAO inhibitors: hypertensive crisis and serotonin toxicity.",
        "Nardil, Parnate, Emsam PI Contraindications",
    ),
    "opioid": (
        "major",
        "Two opioids: additive respiratory depression (use one long-acting opioid).",
        "CDC Clinical Practice Guideline for Prescribing Opioids for Pain 2022; STOPP v2 A3",
    ),
    "benzodiazepine": (
        "major",
        "Two benzodiazepines: additive sedation, falls and respiratory depression.",
        "AGS Beers 2023 (benzodiazepines; >= 3 CNS-active drugs); STOPP v2 A3",
    ),
    "acid_suppression": (
        "minor",
        "Two acid suppressants: no added benefit for most indications (cost, adverse effects).",
        "ACG 2022 GERD guideline (Katz PO et al. Am J Gastroenterol 2022;117:27-56); STOPP v2 A3",
    ),
    "h1_antihistamine": (
        "minor",
        "Two H1 antihistamines: additive sedation and anticholinergic effects.",
        "AGS Beers 2023 (first-generation antihistamines); STOPP v2 A3",
    ),
}
_DUP_DEFAULT = (
    "moderate",
    "Two drugs of the same class and mechanism: additive adverse effects without added benefit.",
    "STOPP v2 criterion A3 (O'Mahony D et al. Age Ageing 2015;44:213-8)",
)


def duplicate_family(d: Drug) -> str | None:
    """The duplication family of a drug's group (``None`` for groups exempt from it)."""
    if d.group in NOT_DUPLICATE:
        return None
    return _FAMILY_OF.get(d.group, d.group)


def nephrotoxic(d: Drug) -> bool:
    return d.group in NEPHROTOXIC_GROUPS


def risk_classes(d: Drug) -> frozenset[str]:
    """Pharmacodynamic risk classes of a drug for the class-level completeness screen: two
    drugs sharing one (or of one duplication family) must have a table entry."""
    out = set()
    if d.qt_risk in ("known", "possible"):
        out.add("qt")
    if d.serotonergic:
        out.add("serotonergic")
    if d.cns_depressant:
        out.add("cns")
    if d.bleeding:
        out.add("bleeding")
    if d.raises_potassium:
        out.add("potassium")
    if nephrotoxic(d):
        out.add("nephrotoxic")
    return frozenset(out)


def screen_reasons(a: Drug, b: Drug) -> list[str]:
    """Why the pair must be in the table: shared risk classes and/or a duplication."""
    reasons = sorted(risk_classes(a) & risk_classes(b))
    fam = duplicate_family(a)
    if fam is not None and fam == duplicate_family(b):
        reasons.append(f"duplicate:{fam}")
    return reasons


def _class_rules(a: Drug, b: Drug) -> Iterator[tuple[str, Basis, str, str, str]]:
    if nephrotoxic(a) and nephrotoxic(b):
        yield (
            "moderate",
            Basis("nephrotoxicity", "", a.name, b.name),
            f"Additive nephrotoxicity ({a.drug_class}; {b.drug_class}).",
            "Acute kidney injury; raised drug levels of renally cleared drugs.",
            "Avoid the combination where possible; otherwise check creatinine (and drug "
            "levels) at baseline and within days, and keep the patient hydrated.",
        )
    nep = [d for d in (a, b) if d.group == "arni"]
    ace = [d for d in (a, b) if d.group == "ace_inhibitor"]
    if nep and ace:
        yield (
            "contraindicated",
            Basis("angioedema", "", nep[0].name, ace[0].name),
            f"{nep[0].name} inhibits neprilysin and {ace[0].name} inhibits ACE: both break "
            "down bradykinin.",
            "Angioedema (potentially fatal airway swelling).",
            "Do not combine: stop the ACE inhibitor at least 36 hours before starting "
            "sacubitril/valsartan (and do not start an ACE inhibitor within 36 hours of the "
            "last dose).",
        )
    fam = duplicate_family(a)
    if fam is not None and fam == duplicate_family(b):
        sev, why, _ = DUPLICATE_FAMILIES.get(fam, _DUP_DEFAULT)
        yield (
            sev,
            Basis("duplicate", "", a.name, b.name),
            f"Therapeutic duplication: {a.name} ({a.drug_class}) and {b.name} "
            f"({b.drug_class}). {why}",
            why,
            "Do not combine: keep one drug of the class (reconcile the list; stop the other)."
            if sev in ("major", "contraindicated")
            else "Review the indication: usually keep one drug of the class.",
        )


def duplicate_source(family: str) -> str:
    return DUPLICATE_FAMILIES.get(family, _DUP_DEFAULT)[2]


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
    "nephrotoxicity": "nephrotoxicity",
    "angioedema": "angioedema (neprilysin + ACE inhibition)",
    "duplicate": "therapeutic duplication",
}


def category_of(basis: Basis) -> str:
    return _CATEGORY[basis.kind].format(e=ENZYME_LABEL.get(basis.enzyme, ""))


_KIND_SOURCE = {
    "nephrotoxicity": "KDIGO AKI guideline 2012 section 3.8; NSAID, Prograf and Sandimmune PI "
    "section 7",
    "angioedema": "Entresto PI sections 4 and 5.2",
}


def _reference(found: list[tuple[str, Basis, str, str, str]], a: Drug) -> str:
    refs = ["Derived from formulary roles (FDA CYP table, Flockhart Table, CredibleMeds)"]
    for f in found:
        if f[1].kind == "duplicate":
            refs.append(duplicate_source(duplicate_family(a) or ""))
        elif f[1].kind in _KIND_SOURCE:
            refs.append(_KIND_SOURCE[f[1].kind])
    return "; ".join(dict.fromkeys(refs))


def derive_pair(a: Drug, b: Drug) -> Interaction | None:
    """The derived interaction of two drugs, or None when no rule applies."""
    found = [*_cyp(a, b), *_cyp(b, a), *_pharmacodynamic(a, b), *_class_rules(a, b)]
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
        # the categories of the most severe rules, and a duplication whatever its severity
        # (two drugs of one class is a finding of its own)
        category="; ".join(
            dict.fromkeys(category_of(f[1]) for f in found if f in lead or f[1].kind == "duplicate")
        ),
        mechanism=" ".join(dict.fromkeys(f[2] for f in found)),
        effect=" ".join(dict.fromkeys(f[3] for f in lead)),
        management=lead[0][4],
        source="derived",
        reference=_reference(found, a),
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
