"""The inpatient formulary of ehr_management and the drug properties its rules use.

Each drug has the name MIMIC-IV's ``prescriptions.drug`` column would show, a default
order (dose, unit, route, doses per 24 h), a therapeutic class and the flags the
safety rules and action tasks read:

* ``nephrotoxic`` - non-steroidal anti-inflammatory drugs and aminoglycosides, the
  nephrotoxins KDIGO asks to stop in acute kidney injury (KDIGO Clinical Practice
  Guideline for Acute Kidney Injury. Kidney Int Suppl 2012;2:1-138, section 2.3 and
  recommendation 3.8; NSAIDs and aminoglycosides are its named examples).
* ``raises_potassium`` - potassium supplements, potassium-sparing diuretics and
  renin-angiotensin-aldosterone system inhibitors (Palmer BF. Managing hyperkalemia
  caused by inhibitors of the renin-angiotensin-aldosterone system. N Engl J Med
  2004;351:585-592; UK Kidney Association. Clinical practice guidelines: treatment of
  acute hyperkalaemia in adults, 2020: stop potassium supplements and drugs that raise
  potassium).  Heparins also lower aldosterone; no task with hyperkalaemia has one.
* ``antithrombotic`` - anticoagulants and antiplatelet agents, held in acute
  gastrointestinal bleeding (Barkun AN et al. Management of nonvariceal upper
  gastrointestinal bleeding: guideline recommendations from the International
  Consensus Group. Ann Intern Med 2019;171:805-822; Abraham NS et al. ACG-CAG
  clinical practice guideline: management of anticoagulants and antiplatelets during
  acute gastrointestinal bleeding. Am J Gastroenterol 2022;117:542-558).

Therapeutic duplication - two concurrently running orders of the same class, which
pharmacist order review flags - is defined on ``duplicate_class``: proton-pump
inhibitors, statins, prophylactic-dose heparins, loop diuretics, and an ACE inhibitor
with an angiotensin receptor blocker (dual RAAS blockade, which increased renal harm and
hyperkalaemia without benefit in ONTARGET: Yusuf S et al. N Engl J Med
2008;358:1547-1559).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Drug:
    key: str
    name: str  # as prescriptions.drug shows it
    drug_class: str
    dose: str  # dose_val_rx
    unit: str  # dose_unit_rx
    route: str
    per_day: float  # doses_per_24_hrs (0 for a continuous infusion)
    duplicate_class: str | None = None
    nephrotoxic: bool = False
    raises_potassium: bool = False
    antithrombotic: bool = False
    aliases: tuple[str, ...] = ()


def _d(
    key: str,
    name: str,
    drug_class: str,
    dose: str,
    unit: str,
    route: str,
    per_day: float,
    dup: str | None = None,
    *,
    neph: bool = False,
    k_up: bool = False,
    thromb: bool = False,
    aliases: tuple[str, ...] = (),
) -> Drug:
    return Drug(key, name, drug_class, dose, unit, route, per_day, dup, neph, k_up, thromb, aliases)


DRUGS: dict[str, Drug] = {
    d.key: d
    for d in (
        # antimicrobials
        _d(
            "piperacillin_tazobactam",
            "Piperacillin-Tazobactam",
            "antibiotic",
            "4.5",
            "g",
            "IV",
            3,
            aliases=("zosyn", "pip tazo", "piperacillin"),
        ),
        _d("cefepime", "Cefepime", "antibiotic", "2", "g", "IV", 3),
        _d("ceftriaxone", "CeftriaXONE", "antibiotic", "1", "g", "IV", 1),
        _d("azithromycin", "Azithromycin", "antibiotic", "500", "mg", "IV", 1),
        _d("vancomycin", "Vancomycin", "antibiotic", "1250", "mg", "IV", 2),
        _d("meropenem", "Meropenem", "antibiotic", "1", "g", "IV", 3),
        _d("gentamicin", "Gentamicin", "aminoglycoside", "5", "mg/kg", "IV", 1, neph=True),
        # analgesics
        _d("ibuprofen", "Ibuprofen", "nsaid", "400", "mg", "PO", 3, neph=True),
        _d("ketorolac", "Ketorolac", "nsaid", "15", "mg", "IV", 4, neph=True, aliases=("toradol",)),
        _d("naproxen", "Naproxen", "nsaid", "500", "mg", "PO", 2, neph=True),
        _d(
            "acetaminophen",
            "Acetaminophen",
            "analgesic",
            "650",
            "mg",
            "PO",
            4,
            aliases=("paracetamol", "tylenol"),
        ),
        _d("oxycodone", "OxyCODONE (Immediate Release)", "opioid", "5", "mg", "PO", 4),
        # cardiovascular
        _d(
            "furosemide",
            "Furosemide",
            "loop_diuretic",
            "40",
            "mg",
            "IV",
            2,
            "loop_diuretic",
            aliases=("lasix",),
        ),
        _d("bumetanide", "Bumetanide", "loop_diuretic", "1", "mg", "IV", 2, "loop_diuretic"),
        _d("carvedilol", "Carvedilol", "beta_blocker", "12.5", "mg", "PO", 2),
        _d("metoprolol", "Metoprolol Succinate XL", "beta_blocker", "50", "mg", "PO", 1),
        _d("lisinopril", "Lisinopril", "ace_inhibitor", "10", "mg", "PO", 1, "raas", k_up=True),
        _d("losartan", "Losartan Potassium", "arb", "50", "mg", "PO", 1, "raas", k_up=True),
        _d(
            "spironolactone", "Spironolactone", "k_sparing_diuretic", "25", "mg", "PO", 1, k_up=True
        ),
        _d("amlodipine", "Amlodipine", "calcium_channel_blocker", "5", "mg", "PO", 1),
        _d("atorvastatin", "Atorvastatin", "statin", "40", "mg", "PO", 1, "statin"),
        _d("simvastatin", "Simvastatin", "statin", "20", "mg", "PO", 1, "statin"),
        _d("aspirin", "Aspirin", "antiplatelet", "81", "mg", "PO", 1, thromb=True),
        _d("clopidogrel", "Clopidogrel", "antiplatelet", "75", "mg", "PO", 1, thromb=True),
        _d(
            "apixaban",
            "Apixaban",
            "anticoagulant",
            "5",
            "mg",
            "PO",
            2,
            thromb=True,
            aliases=("eliquis",),
        ),
        _d("warfarin", "Warfarin", "anticoagulant", "5", "mg", "PO", 1, thromb=True),
        _d(
            "heparin_sc",
            "Heparin",
            "anticoagulant",
            "5000",
            "UNIT",
            "SC",
            3,
            "vte_prophylaxis",
            thromb=True,
            aliases=("heparin", "unfractionated heparin"),
        ),
        _d(
            "enoxaparin",
            "Enoxaparin Sodium",
            "anticoagulant",
            "40",
            "mg",
            "SC",
            1,
            "vte_prophylaxis",
            thromb=True,
            aliases=("lovenox",),
        ),
        _d(
            "norepinephrine",
            "Norepinephrine",
            "vasopressor",
            "0.1",
            "mcg/kg/min",
            "IV",
            0,
            aliases=("levophed", "noradrenaline"),
        ),
        # gastrointestinal
        _d(
            "pantoprazole", "Pantoprazole", "ppi", "40", "mg", "IV", 1, "ppi", aliases=("protonix",)
        ),
        _d("omeprazole", "Omeprazole", "ppi", "20", "mg", "PO", 1, "ppi"),
        _d("esomeprazole", "Esomeprazole", "ppi", "40", "mg", "PO", 1, "ppi"),
        # endocrine and electrolytes
        _d(
            "insulin_infusion",
            "Insulin (Regular) Infusion",
            "insulin",
            "0.1",
            "units/kg/h",
            "IV",
            0,
            aliases=("insulin drip", "insulin infusion"),
        ),
        _d(
            "insulin_glargine",
            "Insulin Glargine",
            "insulin",
            "20",
            "UNIT",
            "SC",
            1,
            aliases=("lantus", "glargine"),
        ),
        _d(
            "insulin_lispro",
            "Insulin Lispro (Sliding Scale)",
            "insulin",
            "2-10",
            "UNIT",
            "SC",
            4,
            aliases=("lispro",),
        ),
        _d("metformin", "MetFORMIN (Glucophage)", "biguanide", "1000", "mg", "PO", 2),
        _d(
            "potassium_chloride",
            "Potassium Chloride",
            "electrolyte",
            "20",
            "mEq",
            "PO",
            2,
            k_up=True,
            aliases=("kcl",),
        ),
        _d("calcium_gluconate", "Calcium Gluconate", "electrolyte", "1", "g", "IV", 1),
        _d(
            "sodium_chloride",
            "0.9% Sodium Chloride",
            "iv_fluid",
            "1000",
            "mL",
            "IV",
            1,
            aliases=("normal saline", "saline"),
        ),
        # respiratory
        _d("tiotropium", "Tiotropium Bromide", "bronchodilator", "18", "mcg", "IH", 1),
        _d("albuterol", "Albuterol 0.083% Neb Soln", "bronchodilator", "2.5", "mg", "NEB", 4),
    )
}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for d in DRUGS.values():
        for name in (d.key, d.key.replace("_", " "), d.name, *d.aliases):
            index.setdefault(_norm(name), d.key)
    return index


def match_drug(text: str) -> str | None:
    """Formulary key of a drug named by key, label or a common brand/alias name.

    The full name is tried first, then the name without a parenthesised or trailing
    formulation ("Metformin (Glucophage)", "pantoprazole 40 mg IV").
    """
    index = _alias_index()
    norm = _norm(text)
    if norm in index:
        return index[norm]
    head = _norm(re.split(r"[(\d]", text, maxsplit=1)[0])
    return index.get(head)


def critical_drug_reason(key: str, course: str, bleeding: bool = False) -> tuple[str, str] | None:
    """(severity, reason) when stopping ``key`` would harm a patient in ``course``.

    Sources: Evans L et al. Surviving Sepsis Campaign 2021 guidelines. Crit Care Med
    2021;49:e1063-e1143 (antimicrobials and vasopressors in sepsis/septic shock);
    Kitabchi AE et al. Hyperglycemic crises in adult patients with diabetes. Diabetes
    Care 2009;32:1335-1343 (continuous insulin until ketoacidosis resolves);
    Heidenreich PA et al. 2022 AHA/ACC/HFSA heart failure guideline. Circulation
    2022;145:e895-e1032 (loop diuretics for congestion); Barkun 2019 (high-dose PPI
    after endoscopic haemostasis); January CT et al. 2019 AHA/ACC/HRS atrial
    fibrillation update. Circulation 2019;140:e125-e151 (anticoagulation for stroke
    prevention).
    """
    drug = DRUGS[key]
    if bleeding and drug.antithrombotic:
        return None
    if course == "sepsis_aki" and drug.drug_class in ("antibiotic", "vasopressor"):
        return "critical", "stopping antimicrobials or vasopressors in septic shock"
    if course == "pneumonia" and drug.drug_class == "antibiotic":
        return "major", "stopping the antibiotic of untreated pneumonia"
    if course == "dka" and key == "insulin_infusion":
        return "critical", "stopping the insulin infusion before ketoacidosis resolves"
    if course == "hf_exacerbation" and drug.drug_class == "loop_diuretic":
        return "major", "stopping the loop diuretic of decompensated heart failure"
    if course == "gi_bleed" and drug.drug_class == "ppi":
        return "major", "stopping acid suppression in active upper GI bleeding"
    if course != "gi_bleed" and key in ("apixaban", "warfarin"):
        return "major", "stopping stroke-prevention anticoagulation in atrial fibrillation"
    return None
