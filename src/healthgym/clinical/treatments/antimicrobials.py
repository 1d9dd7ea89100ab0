"""Treatments: beta-lactam and other antibiotics."""

from __future__ import annotations

from .model import Treatment

_PCN = (
    "Khan DA et al. AAAAI/ACAAI drug allergy practice parameter 2022 (cross-reactivity by "
    "reaction severity and R1 side chain: allergy_conflict)"
)

ANTIMICROBIALS: list[Treatment] = [
    # --- beta-lactam antibiotics ------------------------------------------------------
    Treatment(
        "amoxicillin",
        "Amoxicillin",
        "drug",
        ("amoxil",),
        ("penicillin",),
        source="IDSA GAS pharyngitis guideline 2012",
    ),
    Treatment(
        "penicillin_v",
        "Penicillin V potassium",
        "drug",
        ("penicillin vk", "pen vk", "phenoxymethylpenicillin", "veetids"),
        ("penicillin",),
        source="IDSA GAS pharyngitis guideline 2012",
    ),
    Treatment(
        "piperacillin_tazobactam",
        "Piperacillin-tazobactam",
        "drug",
        ("zosyn", "pip-tazo", "piperacillin/tazobactam", "tazocin"),
        ("penicillin",),
        source="Surviving Sepsis Campaign 2021; EAU urological infections 2024",
    ),
    Treatment(
        "ceftriaxone",
        "Ceftriaxone",
        "drug",
        ("rocephin",),
        ("cephalosporin", "penicillin"),
        source=_PCN,
    ),
    Treatment(
        "cefazolin",
        "Cefazolin",
        "drug",
        ("ancef", "kefzol"),
        ("cephalosporin", "penicillin"),
        source=_PCN,
    ),
    Treatment(
        "cephalexin",
        "Cephalexin",
        "drug",
        ("keflex", "cefalexin"),
        ("cephalosporin", "penicillin"),
        source=_PCN,
    ),
    Treatment(
        "cefepime",
        "Cefepime",
        "drug",
        ("maxipime",),
        ("cephalosporin", "penicillin"),
        source="Kalil AC et al. IDSA/ATS HAP/VAP guideline 2016 (2 g IV every 8 hours); " + _PCN,
    ),
    Treatment(
        "meropenem", "Meropenem", "drug", ("merrem",), ("carbapenem", "penicillin"), source=_PCN
    ),
    Treatment(
        "aztreonam",
        "Aztreonam",
        "drug",
        ("azactam",),
        source=(
            "Monobactam: no cross-reactivity with penicillins, cephalosporins or carbapenems "
            "except ceftazidime (shared R1 side chain) - Khan DA et al. JACI 2022"
        ),
    ),
    # --- other antibiotics ---------------------------------------------------------------
    Treatment("azithromycin", "Azithromycin", "drug", ("zithromax", "z-pak"), ("macrolide",)),
    Treatment(
        "doxycycline",
        "Doxycycline",
        "drug",
        ("vibramycin", "doryx"),
        ("tetracycline",),
        source="ATS/IDSA CAP guideline 2019",
    ),
    Treatment(
        "levofloxacin",
        "Levofloxacin",
        "drug",
        ("levaquin",),
        ("fluoroquinolone",),
        source="ATS/IDSA CAP guideline 2019",
    ),
    Treatment(
        "ciprofloxacin",
        "Ciprofloxacin",
        "drug",
        ("cipro",),
        ("fluoroquinolone",),
        source="IDSA/ESCMID pyelonephritis guideline 2011",
    ),
    Treatment(
        "moxifloxacin",
        "Moxifloxacin",
        "drug",
        ("avelox",),
        ("fluoroquinolone",),
        source="ESCMID bacterial meningitis guideline 2016",
    ),
    Treatment(
        "tmp_smx",
        "Trimethoprim-sulfamethoxazole",
        "drug",
        ("bactrim", "septra", "co-trimoxazole", "tmp-smx", "cotrimoxazole"),
        ("sulfonamide",),
        source="IDSA/ESCMID pyelonephritis guideline 2011",
    ),
    Treatment(
        "nitrofurantoin",
        "Nitrofurantoin",
        "drug",
        ("macrobid", "macrodantin"),
        source="IDSA/ESCMID 2011: no adequate renal tissue levels",
    ),
    Treatment(
        "metronidazole",
        "Metronidazole",
        "drug",
        ("flagyl",),
        source="IDSA intra-abdominal infection guideline 2010",
    ),
    Treatment(
        "vancomycin",
        "Vancomycin (intravenous)",
        "drug",
        ("iv vancomycin", "vancocin", "vanc"),
        source="IDSA bacterial meningitis 2004; IDSA MRSA guideline 2011",
    ),
    Treatment(
        "oral_vancomycin",
        "Vancomycin (oral)",
        "drug",
        ("po vancomycin", "vancomycin po", "oral vanc", "firvanq"),
        source="IDSA/SHEA C. difficile focused update 2021",
    ),
    Treatment(
        "fidaxomicin",
        "Fidaxomicin",
        "drug",
        ("dificid",),
        source="IDSA/SHEA C. difficile focused update 2021",
    ),
    Treatment(
        "clindamycin", "Clindamycin", "drug", ("cleocin",), source="IDSA SSTI guideline 2014"
    ),
    Treatment("linezolid", "Linezolid", "drug", ("zyvox",), source="IDSA MRSA guideline 2011"),
    Treatment("daptomycin", "Daptomycin", "drug", ("cubicin",), source="IDSA MRSA guideline 2011"),
]


__all__ = ["ANTIMICROBIALS"]
