"""Management plans graded as sets: recall of the first-line items, precision against
everything else, and harmful extras found with the shared drug and condition knowledge.

A plan is read item by item with the shared matching layer
(:func:`healthgym.clinical.treatment_match.treatment_mentions`): a treatment named only
to be withheld ("do not use nitrofurantoin", "avoid ibuprofen", "hold heparin") is not
planned; an offered one ("consider heparin", "enoxaparin or apixaban") is.

Every planned treatment is one of:

* **required** - it satisfies a first-line group (the item or a listed alternative safe
  for this patient: ``task.grader["plan_groups"]``);
* **neutral** - a guideline-endorsed option for this condition that is not required
  (:data:`NEUTRAL`, each with its source), or the continuation of a medicine the patient
  already takes for a documented comorbidity (a home medication);
* **extra** - anything else.  Extras lower accuracy (precision).

Harmful plans are safety violations (besides the task's rules: allergy, the disease
profile's contraindicated list, comorbidity contraindications):

* ``duplicate_class`` (major) - two different drugs of one therapeutic group given
  together (two fluoroquinolones, two P2Y12 inhibitors, two NSAIDs): formulary groups
  of :mod:`healthgym.clinical.drugs` plus :data:`EXTRA_GROUPS` for treatments outside
  the formulary.  Not raised for alternatives offered with "or" in one item or for a
  sequence ("ceftriaxone then cephalexin").  Source: ISMP, therapeutic duplication
  (ISMP Medication Safety Alert 2019); The Joint Commission NPSG.03.06.01.
* ``drug_interaction`` - an extra that interacts with another planned drug or a home
  medication in the shared interaction table (:func:`healthgym.clinical.drugs.interaction`;
  contraindicated pair: critical, major: major).  Pairs of guideline-endorsed items are
  not flagged (e.g. aspirin + ticagrelor + heparin in STEMI is the guideline regimen).
* ``unindicated_high_risk`` (major) - an extra that is a high-alert medication
  (antithrombotics - anticoagulants and thrombolytics - and IV insulin: ISMP List of
  High-Alert Medications in Acute Care Settings, 2018) or an invasive procedure
  (surgery, catheterisation, drainage, transfusion) with no indication in this patient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...clinical.drugs import drugs, interaction, normalize_name
from ...clinical.treatment_match import treatment_mentions
from ...clinical.treatments import TREATMENTS
from ...patients.model import Patient
from ...rewards import Violation

# --- guideline-endorsed options that are not required ---------------------------------
_IDSA_UTI = (
    "Gupta K et al. IDSA/ESCMID international clinical practice guideline for acute "
    "uncomplicated cystitis and pyelonephritis. Clin Infect Dis 2011;52:e103-20; EAU "
    "Guidelines on Urological Infections 2024 (parenteral options: third/fourth-generation "
    "cephalosporin, piperacillin-tazobactam, carbapenem; supportive IV fluids)"
)
_ESC_ACS = (
    "Byrne RA et al. 2023 ESC Guidelines for the management of acute coronary syndromes. "
    "Eur Heart J 2023;44:3720-826 (oxygen if SpO2 < 90%, IV opioids for pain, early beta-"
    "blocker, invasive strategy with PCI, parenteral anticoagulants)"
)
_IDSA_CIAI = (
    "Solomkin JS et al. IDSA/SIS complicated intra-abdominal infection guideline. Clin "
    "Infect Dis 2010;50:133-64; Di Saverio S et al. WSES Jerusalem guidelines 2020 "
    "(analgesia, IV fluids, piperacillin-tazobactam or carbapenem for severe infection)"
)
_TG18 = (
    "Gomi H et al. Tokyo Guidelines 2018: antimicrobial therapy for acute cholangitis and "
    "cholecystitis. J Hepatobiliary Pancreat Sci 2018;25:3-16 (cephalosporin + "
    "metronidazole, piperacillin-tazobactam; fluids and analgesia)"
)
_ADA_HYPERGLYCAEMIA = (
    "Umpierrez GE et al. Hyperglycemic crises in adults with diabetes: a consensus report. "
    "Diabetes Care 2024;47:1257-75 (potassium replacement; add dextrose when glucose falls "
    "below 250 mg/dL during insulin infusion)"
)
_UKKA_K = (
    "UK Kidney Association. Clinical practice guideline: treatment of acute hyperkalaemia in "
    "adults, 2023 (nebulised salbutamol, sodium zirconium cyclosilicate)"
)
_GOLD = (
    "GOLD 2024 report, chapter 5: exacerbations (controlled oxygen to SpO2 88-92%; "
    "antibiotics - e.g. doxycycline or a macrolide - with increased sputum purulence)"
)
_AASLD = (
    "Biggins SW et al. AASLD practice guidance on ascites, hepatorenal syndrome and "
    "hyponatremia in cirrhosis. Hepatology 2021;74:1014-48 (albumin with large-volume "
    "paracentesis; spironolactone with furosemide; lactulose for encephalopathy)"
)

# disease key -> ((treatment key, source), ...)
NEUTRAL: dict[str, tuple[tuple[str, str], ...]] = {
    "acute_pyelonephritis": tuple(
        (k, _IDSA_UTI)
        for k in ("iv_fluids", "cefepime", "piperacillin_tazobactam", "meropenem", "aztreonam")
    ),
    "urosepsis": (
        ("cefepime", _IDSA_UTI),
        ("supplemental_oxygen", "Evans L et al. Surviving Sepsis Campaign 2021"),
    ),
    "community_acquired_pneumonia": (
        ("supplemental_oxygen", "BTS guidelines for CAP in adults 2009 (update 2015)"),
        ("iv_fluids", "BTS guidelines for CAP in adults 2009 (update 2015)"),
    ),
    "copd_exacerbation": tuple(
        (k, _GOLD) for k in ("supplemental_oxygen", "doxycycline", "azithromycin")
    ),
    "asthma_exacerbation": (("supplemental_oxygen", "GINA 2024, box 9-4 (oxygen to SpO2 93-95%)"),),
    "stemi": tuple(
        (k, _ESC_ACS)
        for k in ("supplemental_oxygen", "morphine", "metoprolol", "coronary_angiography")
    ),
    "nstemi": tuple(
        (k, _ESC_ACS) for k in ("supplemental_oxygen", "morphine", "metoprolol", "pci")
    ),
    "acute_decompensated_heart_failure": (
        ("noninvasive_ventilation", "McDonagh TA et al. 2021 ESC heart failure guideline"),
    ),
    "af_rvr": tuple(
        (
            k,
            "Joglar JA et al. 2023 ACC/AHA/ACCP/HRS atrial fibrillation guideline "
            "(anticoagulation with heparin or LMWH around cardioversion)",
        )
        for k in ("heparin", "enoxaparin")
    ),
    "acute_pericarditis": (
        (
            "pantoprazole",
            "Adler Y et al. 2015 ESC pericardial diseases guideline (gastroprotection with NSAIDs)",
        ),
    ),
    "aortic_dissection": (
        ("morphine", "Erbel R et al. 2014 ESC aortic diseases guideline (IV opioid analgesia)"),
    ),
    "acute_appendicitis": tuple(
        (k, _IDSA_CIAI) for k in ("morphine", "iv_fluids", "piperacillin_tazobactam", "meropenem")
    ),
    "acute_cholecystitis": tuple(
        (k, _TG18) for k in ("metronidazole", "piperacillin_tazobactam", "iv_fluids", "morphine")
    ),
    "peptic_ulcer_bleeding": (
        (
            "blood_transfusion",
            "Laine L et al. ACG guideline: upper GI and ulcer bleeding 2021 "
            "(restrictive transfusion threshold Hb 7 g/dL)",
        ),
        ("iv_fluids", "Laine L et al. ACG guideline: upper GI and ulcer bleeding 2021"),
    ),
    "decompensated_cirrhosis": tuple(
        (k, _AASLD) for k in ("albumin_infusion", "furosemide", "lactulose")
    ),
    "small_bowel_obstruction": (
        (
            "morphine",
            "Ten Broek RPG et al. Bologna guidelines (WSES) for adhesive small bowel "
            "obstruction 2017 (analgesia, fluids, decompression)",
        ),
    ),
    "diabetic_ketoacidosis": (("dextrose_iv", _ADA_HYPERGLYCAEMIA),),
    "hyperosmolar_hyperglycaemic_state": (
        ("potassium_replacement", _ADA_HYPERGLYCAEMIA),
        ("dextrose_iv", _ADA_HYPERGLYCAEMIA),
    ),
    "thyroid_storm": (
        ("iv_fluids", "Ross DS et al. 2016 ATA guidelines for hyperthyroidism (supportive care)"),
    ),
    "adrenal_crisis": (
        (
            "dextrose_iv",
            "Bornstein SR et al. Endocrine Society primary adrenal insufficiency "
            "guideline 2016 (dextrose for hypoglycaemia)",
        ),
    ),
    "hyperkalaemia": (("albuterol", _UKKA_K), ("sodium_zirconium_cyclosilicate", _UKKA_K)),
    "streptococcal_pharyngitis": (
        (
            "ibuprofen",
            "Shulman ST et al. IDSA GAS pharyngitis guideline 2012 (NSAID or "
            "acetaminophen as adjunct analgesia)",
        ),
    ),
    "c_difficile_colitis": (
        (
            "metronidazole",
            "McDonald LC et al. IDSA/SHEA C. difficile guideline 2017 "
            "(fulminant: IV metronidazole with oral vancomycin)",
        ),
        ("iv_fluids", "McDonald LC et al. IDSA/SHEA C. difficile guideline 2017"),
    ),
    "subarachnoid_haemorrhage": (
        ("iv_fluids", "Hoh BL et al. 2023 AHA/ASA aneurysmal SAH guideline (euvolaemia)"),
    ),
    "deep_vein_thrombosis": (
        (
            "heparin",
            "Stevens SM et al. CHEST antithrombotic therapy for VTE 2021 (LMWH, UFH or DOAC)",
        ),
    ),
    "acute_gout": (
        ("ibuprofen", "FitzGerald JD et al. 2020 ACR gout guideline (any NSAID at full dose)"),
    ),
    "septic_arthritis": (
        (
            "ceftriaxone",
            "Coakley G et al. BSR/BOA septic arthritis guideline 2006; IDSA "
            "(third-generation cephalosporin for Gram-negative risk)",
        ),
        ("morphine", "Coakley G et al. BSR/BOA septic arthritis guideline 2006 (analgesia)"),
    ),
}

# therapeutic groups of treatments outside the formulary (same keys as formulary groups)
EXTRA_GROUPS: dict[str, str] = {
    "alteplase": "thrombolytic",
    "tenecteplase": "thrombolytic",
    "bivalirudin": "parenteral_anticoagulant",
    "esmolol": "beta_blocker",
    "methylprednisolone": "corticosteroid",
    "hydrocortisone": "corticosteroid",
    "cefazolin": "cephalosporin",
}
# ISMP high-alert classes (2018) among the treatments outside the formulary
_HIGH_ALERT = {"alteplase", "tenecteplase", "bivalirudin", "insulin_infusion", "insulin_dextrose"}
_NON_INVASIVE = {"noninvasive_ventilation"}  # kind 'procedure' but not invasive
_SEQUENCE = re.compile(
    r"\b(then|followed by|switch(?:ing|ed)? to|step(?:ping)?[- ]down|transition|convert|"
    r"change to)\b",
    re.I,
)


@cache
def _formulary_name(key: str) -> str | None:
    t = TREATMENTS.get(key)
    if t is None or t.kind != "drug":
        return None
    return normalize_name(t.name) or normalize_name(key.replace("_", " "))


def drug_group(key: str) -> str | None:
    """Therapeutic group of a treatment key (formulary group, else :data:`EXTRA_GROUPS`)."""
    if key in EXTRA_GROUPS:
        return EXTRA_GROUPS[key]
    name = _formulary_name(key)
    return drugs()[name].group if name else None


def high_risk(key: str) -> bool:
    """High-alert medication (ISMP 2018: antithrombotics, IV insulin) or invasive procedure."""
    t = TREATMENTS.get(key)
    if t is None:
        return False
    if t.kind == "procedure":
        return key not in _NON_INVASIVE
    if key in _HIGH_ALERT:
        return True
    name = _formulary_name(key)
    return bool(name) and drugs()[name].bleeding >= 3


@dataclass
class PlanReading:
    """What a plan prescribes, item by item."""

    items: list[list[tuple[str, bool]]] = field(default_factory=list)  # (key, hedged)
    withheld: set[str] = field(default_factory=set)
    sequential: list[bool] = field(default_factory=list)

    @property
    def planned(self) -> set[str]:
        return {k for item in self.items for k, _ in item}


def read_plan(plan: object) -> PlanReading:
    out = PlanReading()
    for raw in plan if isinstance(plan, list) else []:
        mentions = treatment_mentions(raw)
        given = [(m.key, m.hedged) for m in mentions if not m.negated]
        out.items.append(given)
        out.sequential.append(isinstance(raw, str) and bool(_SEQUENCE.search(raw)))
        out.withheld |= {m.key for m in mentions if m.negated}
    out.withheld -= out.planned
    return out


def home_treatments(patient: Patient) -> set[str]:
    """Treatment keys of the medicines the patient already takes."""
    keys: set[str] = set()
    for med in patient.medications:
        keys |= {m.key for m in treatment_mentions(med.name) if not m.negated}
    return keys


def _duplicates(reading: PlanReading) -> list[tuple[str, str]]:
    """Pairs of different drugs of one group given together."""
    pairs: set[tuple[str, str]] = set()
    flat = [(i, k, h) for i, item in enumerate(reading.items) for k, h in item]
    for x, (i, a, ha) in enumerate(flat):
        for j, b, hb in flat[x + 1 :]:
            if a == b:
                continue
            ga, gb = drug_group(a), drug_group(b)
            if ga is None or ga != gb:
                continue
            if i == j and (ha or hb or reading.sequential[i]):
                continue  # alternatives offered in one item, or a sequence
            pairs.add(tuple(sorted((a, b))))  # type: ignore[arg-type]
    return sorted(pairs)


@dataclass
class PlanGrade:
    recall: float
    precision: float
    covered: int
    required: list[str]
    neutral: list[str]
    extras: list[str]
    withheld: list[str]
    avoided_contraindicated: list[str]
    violations: list[Violation]


def grade_plan(
    plan: object,
    groups: list[list[str]],
    disease: str,
    patient: Patient,
    contraindicated: dict[str, str],
    unsafe: set[str],
) -> PlanGrade:
    """Recall, precision and harmful extras of a submitted plan.

    ``unsafe``: treatment keys the task's safety rules already flag for this patient
    (never justified, whatever the lists say).
    """
    reading = read_plan(plan)
    planned = reading.planned
    required_keys = {k for g in groups for k in g}
    covered = sum(1 for g in groups if planned & set(g))
    recall = covered / len(groups) if groups else 1.0
    neutral_keys = {k for k, _ in NEUTRAL.get(disease, ())}
    home = home_treatments(patient)
    justified = (required_keys | neutral_keys | home) - unsafe - set(contraindicated)
    required = sorted(planned & required_keys - unsafe)
    neutral = sorted(planned & (justified - required_keys))
    extras = sorted(planned - justified)
    precision = (len(planned) - len(extras)) / len(planned) if planned else 1.0

    violations: list[Violation] = []
    for a, b in _duplicates(reading):
        violations.append(
            Violation(
                "duplicate_class",
                "major",
                f"{a} + {b}: two {drug_group(a)} drugs together (therapeutic duplication)",
            )
        )
    home_names = {n for n in (normalize_name(m.name) for m in patient.medications) if n}
    flagged: set[frozenset[str]] = set()
    for x in extras:
        nx = _formulary_name(x)
        if nx is None:
            continue
        others = {_formulary_name(k) for k in planned if k != x} | home_names
        for other in sorted(o for o in others if o and o != nx):
            it = interaction(nx, other)
            pair = frozenset((nx, other))
            if it is None or it.severity not in ("contraindicated", "major") or pair in flagged:
                continue
            flagged.add(pair)
            severity = "critical" if it.severity == "contraindicated" else "major"
            violations.append(
                Violation("drug_interaction", severity, f"{x} + {other}: {it.effect}")
            )
    for x in extras:
        if high_risk(x) and x not in contraindicated:  # the profile's list is a task rule
            violations.append(
                Violation(
                    "unindicated_high_risk",
                    "major",
                    f"{x}: high-alert medication or invasive procedure with no indication "
                    "in this patient",
                )
            )
    avoided = sorted(reading.withheld & (set(contraindicated) | unsafe))
    return PlanGrade(
        recall=recall,
        precision=precision,
        covered=covered,
        required=required,
        neutral=neutral,
        extras=extras,
        withheld=sorted(reading.withheld),
        avoided_contraindicated=avoided,
        violations=violations,
    )
