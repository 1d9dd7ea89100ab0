"""Dictionaries of the ehr_management database: lab items, chart items, ICD codes.

Item ids follow MIMIC-IV (Johnson AEW et al. MIMIC-IV, a freely accessible electronic
health record dataset. Sci Data 2023;10:1) for the analytes and charted items that
exist there; the two cardiac markers, which MIMIC-IV codes differently, get ids in the
same range.  Reference intervals are the project's catalogue
(:mod:`healthgym.clinical.labs`).

Critical (panic) limits are the mean low and high critical limits of US medical
centres reported by Kost GJ. Critical limits for urgent clinician notification at US
medical centers. JAMA 1990;263(5):704-707 (glucose 46/484 mg/dL, potassium 2.8/6.2,
sodium 120/158 mmol/L, total calcium 6.6/12.9 mg/dL, CO2 content 11/40 mmol/L,
hemoglobin 6.6/19.9 g/dL, hematocrit 18/61 %, platelets 37/910 and white cells
2.0/37.0 x10^9/L, pH 7.21/7.59, pCO2 19/67 and pO2 43 mmHg low; urea nitrogen 104,
creatinine 7.4 and total bilirubin 15 mg/dL high).  A value at or beyond a limit is
critical.

ICD-10-CM titles are the official CMS/NCHS titles (checked against the 2024 code set
in the tests); ICD-10-PCS titles are the CMS titles of the procedures generated.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...clinical.labs import LAB_TESTS


@dataclass(frozen=True)
class LabItem:
    key: str  # the name tools accept
    itemid: int
    label: str  # d_labitems.label as in MIMIC-IV
    fluid: str
    category: str
    unit: str
    low: float
    high: float
    decimals: int
    critical_low: float | None = None
    critical_high: float | None = None

    def is_critical(self, value: float) -> bool:
        lo, hi = self.critical_low, self.critical_high
        return (lo is not None and value <= lo) or (hi is not None and value >= hi)


def _lab(
    key: str,
    itemid: int,
    label: str,
    fluid: str,
    category: str,
    crit: tuple[float | None, float | None] = (None, None),
) -> LabItem:
    t = LAB_TESTS[key]
    assert t.low is not None and t.high is not None
    return LabItem(
        key, itemid, label, fluid, category, t.unit, t.low, t.high, t.decimals, crit[0], crit[1]
    )


LAB_ITEMS: dict[str, LabItem] = {
    i.key: i
    for i in (
        _lab("creatinine", 50912, "Creatinine", "Blood", "Chemistry", (None, 7.4)),
        _lab("bun", 51006, "Urea Nitrogen", "Blood", "Chemistry", (None, 104)),
        _lab("sodium", 50983, "Sodium", "Blood", "Chemistry", (120, 158)),
        _lab("potassium", 50971, "Potassium", "Blood", "Chemistry", (2.8, 6.2)),
        _lab("chloride", 50902, "Chloride", "Blood", "Chemistry"),
        _lab("bicarbonate", 50882, "Bicarbonate", "Blood", "Chemistry", (11, 40)),
        _lab("glucose", 50931, "Glucose", "Blood", "Chemistry", (46, 484)),
        _lab("calcium", 50893, "Calcium, Total", "Blood", "Chemistry", (6.6, 12.9)),
        _lab("bilirubin_total", 50885, "Bilirubin, Total", "Blood", "Chemistry", (None, 15)),
        _lab("lactate", 50813, "Lactate", "Blood", "Blood Gas"),
        _lab("ph", 50820, "pH", "Blood", "Blood Gas", (7.21, 7.59)),
        _lab("pco2", 50818, "pCO2", "Blood", "Blood Gas", (19, 67)),
        _lab("po2", 50821, "pO2", "Blood", "Blood Gas", (43, None)),
        _lab("wbc", 51301, "White Blood Cells", "Blood", "Hematology", (2.0, 37.0)),
        _lab("hemoglobin", 51222, "Hemoglobin", "Blood", "Hematology", (6.6, 19.9)),
        _lab("hematocrit", 51221, "Hematocrit", "Blood", "Hematology", (18, 61)),
        _lab("platelets", 51265, "Platelet Count", "Blood", "Hematology", (37, 910)),
        _lab("inr", 51237, "INR(PT)", "Blood", "Hematology"),
        _lab("bnp", 50963, "BNP", "Blood", "Chemistry"),
        _lab("troponin_i", 51002, "Troponin I", "Blood", "Chemistry"),
    )
}
LAB_BY_ITEMID = {i.itemid: i for i in LAB_ITEMS.values()}


@dataclass(frozen=True)
class ChartItem:
    key: str
    itemid: int
    label: str  # d_items.label as in MIMIC-IV
    abbreviation: str
    category: str
    unit: str
    linksto: str = "chartevents"


CHART_ITEMS: dict[str, ChartItem] = {
    i.key: i
    for i in (
        ChartItem("hr", 220045, "Heart Rate", "HR", "Routine Vital Signs", "bpm"),
        ChartItem(
            "sbp",
            220179,
            "Non Invasive Blood Pressure systolic",
            "NBPs",
            "Routine Vital Signs",
            "mmHg",
        ),
        ChartItem(
            "dbp",
            220180,
            "Non Invasive Blood Pressure diastolic",
            "NBPd",
            "Routine Vital Signs",
            "mmHg",
        ),
        ChartItem(
            "map", 220181, "Non Invasive Blood Pressure mean", "NBPm", "Routine Vital Signs", "mmHg"
        ),
        ChartItem("rr", 220210, "Respiratory Rate", "RR", "Respiratory", "insp/min"),
        ChartItem("spo2", 220277, "O2 saturation pulseoxymetry", "SpO2", "Respiratory", "%"),
        ChartItem(
            "temp_c", 223762, "Temperature Celsius", "Temperature C", "Routine Vital Signs", "°C"
        ),
        ChartItem("fio2", 223835, "Inspired O2 Fraction", "FiO2", "Respiratory", "%"),
        ChartItem("gcs_eye", 220739, "GCS - Eye Opening", "GCS - Eye Opening", "Neurological", ""),
        ChartItem(
            "gcs_verbal",
            223900,
            "GCS - Verbal Response",
            "GCS - Verbal Response",
            "Neurological",
            "",
        ),
        ChartItem(
            "gcs_motor", 223901, "GCS - Motor Response", "GCS - Motor Response", "Neurological", ""
        ),
        ChartItem("vent_mode", 223849, "Ventilator Mode", "Ventilator Mode", "Respiratory", ""),
        ChartItem(
            "weight", 226512, "Admission Weight (Kg)", "Admission Weight (Kg)", "General", "kg"
        ),
        ChartItem("urine", 226559, "Foley", "Foley", "Output", "mL", "outputevents"),
        ChartItem(
            "norepinephrine",
            221906,
            "Norepinephrine",
            "Norepinephrine",
            "Medications",
            "mcg/kg/min",
            "inputevents",
        ),
        ChartItem(
            "dopamine", 221662, "Dopamine", "Dopamine", "Medications", "mcg/kg/min", "inputevents"
        ),
        ChartItem(
            "epinephrine",
            221289,
            "Epinephrine",
            "Epinephrine",
            "Medications",
            "mcg/kg/min",
            "inputevents",
        ),
        ChartItem(
            "dobutamine",
            221653,
            "Dobutamine",
            "Dobutamine",
            "Medications",
            "mcg/kg/min",
            "inputevents",
        ),
    )
}
CHART_BY_ITEMID = {i.itemid: i for i in CHART_ITEMS.values()}
VITAL_KEYS = ("hr", "sbp", "dbp", "map", "rr", "spo2", "temp_c", "fio2")
GCS_KEYS = ("gcs_eye", "gcs_verbal", "gcs_motor")
VASOPRESSORS = ("norepinephrine", "dopamine", "epinephrine", "dobutamine")

# Text of each GCS level as MIMIC-IV charts it (Teasdale G, Jennett B. Lancet 1974;2:81-84).
GCS_TEXT: dict[str, dict[int, str]] = {
    "gcs_eye": {4: "Spontaneously", 3: "To Speech", 2: "To Pain", 1: "No Response"},
    "gcs_verbal": {
        5: "Oriented",
        4: "Confused",
        3: "Inappropriate Words",
        2: "Incomprehensible sounds",
        1: "No Response",
    },
    "gcs_motor": {
        6: "Obeys Commands",
        5: "Localizes Pain",
        4: "Flex-withdraws",
        3: "Abnormal Flexion",
        2: "Abnormal extension",
        1: "No response",
    },
}

ICD10_CM: dict[str, str] = {
    "A41.51": "Sepsis due to Escherichia coli [E. coli]",
    "A41.01": "Sepsis due to Methicillin susceptible Staphylococcus aureus",
    "A41.9": "Sepsis, unspecified organism",
    "A41.59": "Other Gram-negative sepsis",
    "A40.3": "Sepsis due to Streptococcus pneumoniae",
    "R65.21": "Severe sepsis with septic shock",
    "R65.20": "Severe sepsis without septic shock",
    "N17.9": "Acute kidney failure, unspecified",
    "N39.0": "Urinary tract infection, site not specified",
    "J18.9": "Pneumonia, unspecified organism",
    "J13": "Pneumonia due to Streptococcus pneumoniae",
    "J96.01": "Acute respiratory failure with hypoxia",
    "I50.22": "Chronic systolic (congestive) heart failure",
    "I50.23": "Acute on chronic systolic (congestive) heart failure",
    "E10.9": "Type 1 diabetes mellitus without complications",
    "E10.10": "Type 1 diabetes mellitus with ketoacidosis without coma",
    "E11.9": "Type 2 diabetes mellitus without complications",
    "E11.22": "Type 2 diabetes mellitus with diabetic chronic kidney disease",
    "K92.2": "Gastrointestinal hemorrhage, unspecified",
    "K25.4": "Chronic or unspecified gastric ulcer with hemorrhage",
    "D62": "Acute posthemorrhagic anemia",
    "E87.5": "Hyperkalemia",
    "E86.0": "Dehydration",
    "N18.30": "Chronic kidney disease, stage 3 unspecified",
    "N18.4": "Chronic kidney disease, stage 4 (severe)",
    "I10": "Essential (primary) hypertension",
    "I48.91": "Unspecified atrial fibrillation",
    "E78.5": "Hyperlipidemia, unspecified",
    "J44.9": "Chronic obstructive pulmonary disease, unspecified",
    "I25.10": "Atherosclerotic heart disease of native coronary artery without angina pectoris",
    "I25.2": "Old myocardial infarction",
    "I73.9": "Peripheral vascular disease, unspecified",
    "C61": "Malignant neoplasm of prostate",
    "Z79.01": "Long term (current) use of anticoagulants",
    "Z79.4": "Long term (current) use of insulin",
    "Z95.5": "Presence of coronary angioplasty implant and graft",
    "K21.9": "Gastro-esophageal reflux disease without esophagitis",
    "M19.90": "Unspecified osteoarthritis, unspecified site",
}

ICD10_PCS: dict[str, str] = {
    "0DJ08ZZ": "Inspection of Upper Intestinal Tract, Via Natural or Artificial Opening Endoscopic",
    "30233N1": "Transfusion of Nonautologous Red Blood Cells into Peripheral Vein, "
    "Percutaneous Approach",
    "5A1945Z": "Respiratory Ventilation, 24-96 Consecutive Hours",
    "0BH17EZ": "Insertion of Endotracheal Airway into Trachea, Via Natural or Artificial Opening",
    "02HV33Z": "Insertion of Infusion Device into Superior Vena Cava, Percutaneous Approach",
    "027034Z": "Dilation of Coronary Artery, One Artery with Drug-eluting Intraluminal "
    "Device, Percutaneous Approach",
}

# Organisms as MIMIC-IV's microbiologyevents.org_name spells them, with accepted names.
ORGANISMS: dict[str, tuple[str, ...]] = {
    "ESCHERICHIA COLI": ("escherichia coli", "e coli"),
    "STAPH AUREUS COAG +": ("staphylococcus aureus", "staph aureus", "s aureus", "mssa"),
    "KLEBSIELLA PNEUMONIAE": ("klebsiella pneumoniae", "k pneumoniae", "klebsiella"),
    "STREPTOCOCCUS PNEUMONIAE": ("streptococcus pneumoniae", "s pneumoniae", "pneumococcus"),
    "PROTEUS MIRABILIS": ("proteus mirabilis", "p mirabilis", "proteus"),
}

CONSULT_SERVICES = (
    "nephrology",
    "gastroenterology",
    "cardiology",
    "infectious disease",
    "endocrinology",
    "pulmonology",
    "critical care",
    "general surgery",
    "pharmacy",
    "palliative care",
)
# studies and procedures an order may request (order_type imaging / procedure)
STUDIES = (
    "ecg",
    "chest x-ray",
    "renal ultrasound",
    "ct abdomen",
    "echocardiogram",
    "upper endoscopy",
    "blood transfusion",
)
