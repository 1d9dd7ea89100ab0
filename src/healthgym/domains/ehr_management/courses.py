"""Seeded disease courses: how labs, vital signs, orders and codes evolve in one admission.

A course is a :class:`CourseSpec` of piecewise-linear series (``(hour, value)`` knots
from the admission time) that :mod:`.generator` samples on a charting schedule with
measurement noise.  The shapes follow the textbook natural history so trends are
coherent:

* ``sepsis_aki`` - septic shock from a urinary or pulmonary source: lactate > 2 mmol/L
  clearing over 1-2 days with fluids and noradrenaline (Sepsis-3, Singer M et al. JAMA
  2016;315:801-810), creatinine rising 1.8-3.6 x baseline by day 2-3 then recovering
  (KDIGO AKI 2012), thrombocytopenia and mild hyperbilirubinaemia, positive blood
  cultures.
* ``hf_exacerbation`` - congestion with high BNP falling on IV loop diuretic, hypoxaemia
  on nasal oxygen, modest "cardiorenal" creatinine rise (Heidenreich PA et al. 2022
  AHA/ACC/HFSA guideline).
* ``dka`` - glucose 450-750 mg/dL, bicarbonate 6-13 mmol/L and an anion gap > 20 closing
  within a day on an insulin infusion, potassium falling as insulin drives it into cells
  (Kitabchi AE et al. Diabetes Care 2009;32:1335-1343).
* ``gi_bleed`` - falling haemoglobin with transfusion and endoscopy, raised urea from
  digested blood, tachycardia (Barkun AN et al. Ann Intern Med 2019;171:805-822).
* ``pneumonia`` - fever, leucocytosis and hypoxaemia resolving on ceftriaxone plus
  azithromycin (Metlay JP et al. ATS/IDSA CAP guideline. Am J Respir Crit Care Med
  2019;200:e45-e67).
* ``aki_hyperkalemia`` - NSAID/RAAS-inhibitor prerenal AKI with potassium > 6 treated
  with calcium gluconate (UK Kidney Association hyperkalaemia guideline 2020).
* ``elective_pci`` - scheduled stent with a small periprocedural troponin rise.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Series:
    """A quantity over time: linear between knots, constant outside them."""

    knots: list[tuple[float, float]]

    def at(self, hour: float) -> float:
        ks = self.knots
        if hour <= ks[0][0]:
            return ks[0][1]
        if hour >= ks[-1][0]:
            return ks[-1][1]
        i = bisect_right(ks, (hour, float("inf")))
        (h0, v0), (h1, v1) = ks[i - 1], ks[i]
        return v0 + (v1 - v0) * (hour - h0) / (h1 - h0)


@dataclass
class DrugOrder:
    drug: str
    start_h: float
    stop_h: float | None  # None: until discharge (or still active)
    dose: str | None = None  # overrides of the formulary default
    route: str | None = None


@dataclass
class CourseSpec:
    course: str
    los_h: float
    complaint: str
    admission_type: str = "EW EMER."
    icu: tuple[float, float] | None = None
    careunit: str = "Medical Intensive Care Unit (MICU)"
    labs: dict[str, Series] = field(default_factory=dict)
    lab_hours: dict[str, list[float]] = field(default_factory=dict)  # extra draws by group
    vitals: dict[str, Series] = field(default_factory=dict)
    urine: Series | None = None  # mL/kg/h, charted in the ICU
    pressor: Series | None = None  # noradrenaline mcg/kg/min (0 = off)
    pressor_window: tuple[float, float] | None = None
    cultures: list[tuple[float, str, str | None]] = field(default_factory=list)
    drugs: list[DrugOrder] = field(default_factory=list)
    hold: tuple[str, ...] = ()  # home drugs held on admission (one stays held)
    diagnoses: list[str] = field(default_factory=list)
    procedures: list[tuple[str, float]] = field(default_factory=list)
    radiology: list[tuple[float, str]] = field(default_factory=list)
    discharge_location: str = "HOME"


def _u(r: random.Random, lo: float, hi: float) -> float:
    return r.uniform(lo, hi)


def sepsis_aki(r: random.Random, base: dict[str, float]) -> CourseSpec:
    los = _u(r, 6, 11) * 24
    icu = (_u(r, 2, 5), _u(r, 60, 110))
    urinary = r.random() < 0.6
    org = r.choice(
        ["ESCHERICHIA COLI", "KLEBSIELLA PNEUMONIAE", "PROTEUS MIRABILIS"]
        if urinary
        else ["STAPH AUREUS COAG +", "STREPTOCOCCUS PNEUMONIAE"]
    )
    b = base["creatinine"]
    peak_h = _u(r, 30, 60)
    clear_h = _u(r, 18, 40)
    s = CourseSpec("sepsis_aki", los, r.choice(["fever and confusion", "fever and rigors"]))
    s.icu = icu
    s.labs = {
        "creatinine": Series(
            [(0, b * _u(r, 1.3, 1.6)), (peak_h, b * _u(r, 1.9, 3.6)), (los, b * _u(r, 1.0, 1.2))]
        ),
        "bun": Series([(0, _u(r, 25, 35)), (peak_h, _u(r, 45, 75)), (los, _u(r, 15, 25))]),
        "lactate": Series(
            [
                (0, _u(r, 3.6, 7.0)),
                (clear_h * 0.4, _u(r, 2.8, 3.4)),
                (clear_h, _u(r, 1.4, 1.8)),
                (los, 1.1),
            ]
        ),
        "wbc": Series([(0, _u(r, 15, 24)), (30, _u(r, 16, 26)), (los, _u(r, 8, 10.5))]),
        "platelets": Series(
            [(0, base["platelets"] * 0.75), (_u(r, 48, 72), _u(r, 32, 120)), (los, _u(r, 150, 210))]
        ),
        "bilirubin_total": Series([(0, _u(r, 1.0, 1.5)), (36, _u(r, 1.8, 3.4)), (los, 0.9)]),
        "bicarbonate": Series(
            [(0, _u(r, 15, 19)), (48, _u(r, 21, 23)), (los, base["bicarbonate"])]
        ),
        "anion_gap": Series(
            [(0, _u(r, 17, 22)), (clear_h, _u(r, 12, 14)), (los, base["anion_gap"])]
        ),
        "glucose": Series([(0, _u(r, 140, 210)), (los, base["glucose"])]),
        "ph": Series([(0, _u(r, 7.23, 7.31)), (24, _u(r, 7.34, 7.38)), (los, 7.40)]),
        "pco2": Series([(0, _u(r, 29, 34)), (36, 39), (los, 40)]),
        "po2": Series([(0, _u(r, 62, 82)), (48, _u(r, 80, 95)), (los, 92)]),
    }
    s.lab_hours = {"lactate": [4, 8, 12, 18, 24, 36], "abg": [12], "bmp": [12]}
    s.vitals = {
        "hr": Series([(0, _u(r, 112, 132)), (48, _u(r, 90, 100)), (los, _u(r, 72, 85))]),
        "sbp": Series([(0, _u(r, 78, 90)), (8, _u(r, 92, 102)), (48, _u(r, 108, 118)), (los, 124)]),
        "rr": Series([(0, _u(r, 24, 32)), (48, _u(r, 18, 21)), (los, 16)]),
        "spo2": Series([(0, _u(r, 90, 94)), (48, 95), (los, 97)]),
        "temp_c": Series(
            [(0, _u(r, 38.6, 39.6)), (30, _u(r, 38.0, 38.4)), (60, 37.1), (los, 36.9)]
        ),
        "fio2": Series([(0, _u(r, 40, 55)), (36, 30), (icu[1], 21), (los, 21)]),
        "gcs": Series([(0, r.choice([12, 13, 14])), (30, 14), (54, 15), (los, 15)]),
    }
    s.urine = Series(
        [(0, _u(r, 0.15, 0.35)), (24, _u(r, 0.3, 0.45)), (48, _u(r, 0.7, 0.9)), (los, 1.0)]
    )
    off = _u(r, 30, 50)
    s.pressor_window = (icu[0], off)
    s.pressor = Series([(icu[0], _u(r, 0.08, 0.25)), (off, 0.03)])
    s.cultures = [(0.5, "BLOOD CULTURE", org), (0.5, "BLOOD CULTURE", org)]
    s.cultures.append((0.7, "URINE", org) if urinary else (1.0, "SPUTUM", org))
    s.cultures.append((48, "BLOOD CULTURE", None))
    abx = [DrugOrder("piperacillin_tazobactam", 0.6, None)]
    if not urinary:
        abx = [DrugOrder("cefepime", 0.6, None), DrugOrder("vancomycin", 0.7, 52)]
    s.drugs = [
        *abx,
        DrugOrder("norepinephrine", icu[0], off),
        DrugOrder("sodium_chloride", 0.4, 24),
        DrugOrder("heparin_sc", 6, None),
        DrugOrder("pantoprazole", 6, icu[1]),
        DrugOrder("acetaminophen", 1, None),
    ]
    s.hold = ("lisinopril", "losartan", "metformin", "spironolactone")
    code = {
        "ESCHERICHIA COLI": "A41.51",
        "STAPH AUREUS COAG +": "A41.01",
        "STREPTOCOCCUS PNEUMONIAE": "A40.3",
    }.get(org, "A41.59")
    s.diagnoses = [code, "R65.21", "N17.9", "N39.0" if urinary else "J18.9"]
    s.procedures = [("02HV33Z", icu[0] + 1)]
    s.discharge_location = r.choice(["HOME", "HOME HEALTH CARE", "SKILLED NURSING FACILITY"])
    return s


def hf_exacerbation(r: random.Random, base: dict[str, float]) -> CourseSpec:
    los = _u(r, 3, 7) * 24
    b = base["creatinine"]
    s = CourseSpec("hf_exacerbation", los, "shortness of breath and leg swelling")
    if r.random() < 0.3:
        s.icu = (_u(r, 2, 6), _u(r, 26, 44))
        s.careunit = "Coronary Care Unit (CCU)"
        s.urine = Series([(0, _u(r, 1.2, 2.0)), (48, 1.1), (los, 1.0)])
    peak_h = _u(r, 40, 70)
    s.labs = {
        "bnp": Series([(0, _u(r, 900, 3400)), (los, _u(r, 350, 800))]),
        "creatinine": Series(
            [(0, b * _u(r, 1.1, 1.3)), (peak_h, b * _u(r, 1.35, 1.7)), (los, b * _u(r, 1.05, 1.2))]
        ),
        "sodium": Series([(0, _u(r, 130, 134)), (los, _u(r, 135, 138))]),
        "bun": Series([(0, _u(r, 24, 34)), (peak_h, _u(r, 32, 45)), (los, _u(r, 22, 30))]),
        "troponin_i": Series([(0, _u(r, 18, 45)), (los, _u(r, 15, 30))]),
    }
    s.lab_hours = {"bnp": [72], "troponin_i": [6]}
    s.vitals = {
        "hr": Series([(0, _u(r, 96, 116)), (48, 88), (los, _u(r, 70, 82))]),
        "sbp": Series([(0, _u(r, 138, 168)), (48, 128), (los, _u(r, 112, 124))]),
        "rr": Series([(0, _u(r, 23, 30)), (48, 19), (los, 16)]),
        "spo2": Series([(0, _u(r, 87, 92)), (48, 94), (los, 96)]),
        "fio2": Series([(0, _u(r, 32, 40)), (_u(r, 48, 72), 21), (los, 21)]),
        "temp_c": Series([(0, 36.9), (los, 36.8)]),
    }
    s.drugs = [DrugOrder("furosemide", 0.6, los - 20), DrugOrder("enoxaparin", 4, None)]
    s.drugs.append(DrugOrder("furosemide", los - 20, None, dose="40", route="PO"))
    s.diagnoses = ["I50.23", *(["J96.01"] if s.icu else [])]
    finding = "Cardiomegaly, pulmonary vascular congestion, small bilateral pleural effusions."
    s.radiology = [(1.0, finding)]
    return s


def dka(r: random.Random, base: dict[str, float]) -> CourseSpec:
    los = _u(r, 2, 4) * 24
    close = _u(r, 14, 24)
    b = base["creatinine"]
    s = CourseSpec("dka", los, "nausea, vomiting and abdominal pain")
    s.icu = (_u(r, 1, 3), close + _u(r, 6, 14))
    s.labs = {
        "glucose": Series(
            [
                (0, _u(r, 470, 740)),
                (4, _u(r, 330, 420)),
                (10, _u(r, 240, 290)),
                (close, _u(r, 170, 210)),
                (los, _u(r, 130, 170)),
            ]
        ),
        "bicarbonate": Series(
            [(0, _u(r, 6, 12)), (8, _u(r, 12, 15)), (close, _u(r, 19, 21)), (los, 24)]
        ),
        "anion_gap": Series(
            [(0, _u(r, 25, 32)), (8, _u(r, 18, 21)), (close, _u(r, 10, 11.5)), (los, 10)]
        ),
        "potassium": Series(
            [(0, _u(r, 5.2, 5.9)), (8, _u(r, 4.0, 4.4)), (16, _u(r, 3.5, 3.9)), (los, 4.1)]
        ),
        "sodium": Series([(0, _u(r, 128, 134)), (los, _u(r, 137, 140))]),
        "creatinine": Series([(0, b * _u(r, 1.4, 1.9)), (24, b * 1.1), (los, b)]),
        "bun": Series([(0, _u(r, 24, 34)), (los, 13)]),
        "wbc": Series([(0, _u(r, 12, 18)), (los, 8)]),
        "ph": Series([(0, _u(r, 7.02, 7.19)), (8, _u(r, 7.24, 7.29)), (close, 7.35), (los, 7.39)]),
        "pco2": Series([(0, _u(r, 18, 25)), (close, 36), (los, 40)]),
    }
    s.lab_hours = {"bmp": [4, 8, 12, 16, 20, 24], "abg": [4, 8, 16]}
    s.vitals = {
        "hr": Series([(0, _u(r, 108, 126)), (close, 90), (los, 78)]),
        "sbp": Series([(0, _u(r, 98, 114)), (close, 118), (los, 122)]),
        "rr": Series([(0, _u(r, 26, 32)), (close, 18), (los, 16)]),
        "gcs": Series([(0, r.choice([14, 15])), (8, 15), (los, 15)]),
    }
    s.urine = Series([(0, _u(r, 1.5, 2.5)), (24, 1.2), (los, 1.0)])
    s.drugs = [
        DrugOrder("insulin_infusion", 0.5, close + 2),
        DrugOrder("sodium_chloride", 0.3, 24),
        DrugOrder("potassium_chloride", 6, 30, route="IV"),
        DrugOrder("insulin_glargine", close, None),
        DrugOrder("insulin_lispro", close, None),
    ]
    s.diagnoses = ["E10.10", "E86.0", "Z79.4"]
    return s


def gi_bleed(r: random.Random, base: dict[str, float]) -> CourseSpec:
    los = _u(r, 3, 6) * 24
    h0 = _u(r, 7.2, 9.0)
    s = CourseSpec("gi_bleed", los, "black stools and lightheadedness")
    if r.random() < 0.3:
        s.icu = (_u(r, 2, 5), _u(r, 24, 40))
        s.urine = Series([(0, 0.6), (24, 1.0), (los, 1.0)])
    s.labs = {
        "hemoglobin": Series(
            [
                (0, h0),
                (8, h0 - _u(r, 0.8, 1.6)),
                (16, h0 - 0.2),
                (30, _u(r, 8.4, 9.0)),
                (los, _u(r, 8.9, 9.8)),
            ]
        ),
        "bun": Series([(0, _u(r, 38, 70)), (48, _u(r, 20, 30)), (los, _u(r, 14, 20))]),
        "creatinine": Series([(0, base["creatinine"] * 1.2), (los, base["creatinine"])]),
    }
    s.lab_hours = {"cbc": [6, 12, 18]}
    s.vitals = {
        "hr": Series([(0, _u(r, 104, 124)), (24, 92), (los, _u(r, 72, 84))]),
        "sbp": Series([(0, _u(r, 88, 104)), (12, 110), (los, _u(r, 118, 130))]),
    }
    s.drugs = [
        DrugOrder("pantoprazole", 0.5, None, dose="80"),
        DrugOrder("sodium_chloride", 0.4, 12),
    ]
    s.hold = ("apixaban", "warfarin", "aspirin", "ibuprofen", "naproxen")
    s.diagnoses = [r.choice(["K25.4", "K92.2"]), "D62"]
    s.procedures = [("30233N1", 3), ("0DJ08ZZ", _u(r, 12, 24))]
    return s


def pneumonia(r: random.Random, base: dict[str, float]) -> CourseSpec:
    los = _u(r, 3, 6) * 24
    pneumococcus = r.random() < 0.5
    s = CourseSpec("pneumonia", los, "cough, fever and shortness of breath")
    s.labs = {
        "wbc": Series([(0, _u(r, 13, 20)), (48, _u(r, 10, 12)), (los, _u(r, 7.5, 9.5))]),
        "creatinine": Series(
            [(0, base["creatinine"] * _u(r, 1.0, 1.2)), (los, base["creatinine"])]
        ),
    }
    s.vitals = {
        "hr": Series([(0, _u(r, 98, 116)), (48, 88), (los, 78)]),
        "rr": Series([(0, _u(r, 22, 27)), (48, 19), (los, 16)]),
        "spo2": Series([(0, _u(r, 89, 93)), (48, 95), (los, 97)]),
        "fio2": Series([(0, _u(r, 28, 36)), (_u(r, 36, 60), 21), (los, 21)]),
        "temp_c": Series([(0, _u(r, 38.4, 39.4)), (36, 37.8), (60, 37.0), (los, 36.9)]),
    }
    s.cultures = [(0.5, "BLOOD CULTURE", None), (0.5, "BLOOD CULTURE", None)]
    s.cultures.append((1.5, "SPUTUM", "STREPTOCOCCUS PNEUMONIAE" if pneumococcus else None))
    s.drugs = [
        DrugOrder("ceftriaxone", 1, None),
        DrugOrder("azithromycin", 1, 72),
        DrugOrder("acetaminophen", 1, None),
        DrugOrder("enoxaparin", 4, None),
    ]
    s.diagnoses = ["J13" if pneumococcus else "J18.9"]
    s.radiology = [(0.8, "Right lower lobe consolidation. No pleural effusion.")]
    return s


def aki_hyperkalemia(r: random.Random, base: dict[str, float]) -> CourseSpec:
    los = _u(r, 3, 6) * 24
    b = base["creatinine"]
    s = CourseSpec("aki_hyperkalemia", los, "weakness and reduced urine output")
    s.labs = {
        "creatinine": Series(
            [
                (0, b * _u(r, 2.0, 2.8)),
                (_u(r, 10, 20), b * _u(r, 2.9, 3.6)),
                (los, b * _u(r, 1.2, 1.4)),
            ]
        ),
        "potassium": Series(
            [
                (0, _u(r, 6.3, 7.2)),
                (4, _u(r, 5.6, 5.9)),
                (12, _u(r, 5.0, 5.4)),
                (los, _u(r, 4.3, 4.8)),
            ]
        ),
        "bicarbonate": Series([(0, _u(r, 16, 20)), (los, 23)]),
        "bun": Series([(0, _u(r, 50, 80)), (los, _u(r, 22, 30))]),
    }
    s.lab_hours = {"bmp": [4, 10, 16]}
    s.vitals = {"hr": Series([(0, _u(r, 52, 64)), (12, 70), (los, 74)])}
    s.drugs = [DrugOrder("calcium_gluconate", 0.4, 1.5), DrugOrder("sodium_chloride", 0.5, 36)]
    s.hold = ("ibuprofen", "naproxen", "lisinopril", "losartan", "spironolactone")
    s.diagnoses = ["N17.9", "E87.5"]
    return s


def elective_pci(r: random.Random, base: dict[str, float]) -> CourseSpec:
    los = _u(r, 22, 40)
    s = CourseSpec("elective_pci", los, "scheduled coronary angioplasty", admission_type="ELECTIVE")
    s.labs = {"troponin_i": Series([(0, _u(r, 4, 14)), (18, _u(r, 30, 90)), (los, 40)])}
    s.lab_hours = {"troponin_i": [18]}
    s.drugs = [DrugOrder("clopidogrel", 2, None), DrugOrder("heparin_sc", 4, los - 4)]
    s.diagnoses = ["I25.10", "Z95.5"]
    s.procedures = [("027034Z", 3)]
    return s


COURSES = {
    f.__name__: f
    for f in (sepsis_aki, hf_exacerbation, dka, gi_bleed, pneumonia, aki_hyperkalemia, elective_pci)
}
# conditions a course needs the patient to have
COURSE_NEEDS: dict[str, tuple[str, ...]] = {
    "hf_exacerbation": ("chf",),
    "dka": ("t1dm",),
    "gi_bleed": ("af",),
    "elective_pci": ("cad",),
    "aki_hyperkalemia": ("oa", "htn"),
}
