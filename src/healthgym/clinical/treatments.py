"""Treatment vocabulary for management plans: drugs, procedures and dispositions.

Each treatment has a canonical key, a display name, accepted synonyms (brand and
common names) and the drug classes used to check allergies (``allergy_classes``:
the classes a documented allergy can cross-react with).

Beta-lactam allergy follows the AAAAI/ACAAI drug allergy practice parameter (Khan DA,
Banerji A, Blumenthal KG et al. Drug allergy: a 2022 practice parameter update. J Allergy
Clin Immunol 2022;150:1333-93; Ann Allergy Asthma Immunol 2022) as implemented in
:func:`allergy_conflict`:

* a penicillin allergy rules out every penicillin;
* cephalosporins and carbapenems carry the 'penicillin' class (cross-reactivity is
  possible) but after a *non-severe* penicillin reaction (hives, rash: no anaphylaxis,
  no severe cutaneous adverse reaction) a cephalosporin whose R1 side chain differs from
  the aminopenicillins' (ceftriaxone, cefepime, cefuroxime, cefdinir, cefazolin) or a
  carbapenem may be given (with caution); the cephalosporins that share the aminobenzyl
  R1 side chain of amoxicillin/ampicillin (cephalexin, cefadroxil, cefaclor, cefprozil;
  Zagursky RJ, Pichichero ME. J Allergy Clin Immunol Pract 2018;6:72-81) stay ruled out,
  because the record does not name the culprit penicillin and aminopenicillins are the
  commonest;
* after a *severe* reaction (anaphylaxis; bronchospasm - wheezing - or angioedema, which
  meet the World Allergy Organization 2020 anaphylaxis criterion of respiratory or
  laryngeal involvement after a known allergen, Cardona V et al. World Allergy Organ J
  2020;13:100472, and which a one-word record cannot grade further; or a severe cutaneous
  adverse reaction) every beta-lactam is avoided until the allergy is evaluated, except
  aztreonam;
* aztreonam (a monobactam) does not cross-react with penicillins, cephalosporins or
  carbapenems, except through the R1 side chain it shares with ceftazidime (and
  cefiderocol): a documented ceftazidime reaction rules it out.

Furosemide and other non-antibiotic sulfonamides are not put in the 'sulfonamide'
class (no cross-reactivity with sulfonamide antibiotics: Strom BL et al. N Engl J Med
2003;349:1628-35).  Enoxaparin shares the 'heparin' class (heparin-induced
thrombocytopenia antibodies cross-react with LMWH; fondaparinux, bivalirudin,
argatroban and DOACs do not: Cuker A et al. ASH 2018 HIT guideline, Blood Adv
2018;2:3360-92).

Fluoroquinolones for pyelonephritis: oral ciprofloxacin 500 mg twice daily for 7 days
(with or without an initial 400 mg IV dose) or levofloxacin 750 mg daily for 5 days
where community fluoroquinolone resistance is not known to exceed 10% (Gupta K et al.
IDSA/ESCMID guideline, Clin Infect Dis 2011;52:e103-20); not in pregnancy (labelling:
use alternatives) - see :data:`FLUOROQUINOLONE_PYELONEPHRITIS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Treatment:
    key: str
    name: str
    kind: str  # 'drug', 'procedure', 'supportive', 'disposition'
    synonyms: tuple[str, ...] = ()
    allergy_classes: tuple[str, ...] = ()
    # comorbidity key (healthgym.patients.comorbidities) -> why the treatment is unsafe
    # for a patient with it (a major safety violation when planned anyway)
    contraindicated_in: dict[str, str] = field(default_factory=dict)
    source: str = ""


_PCN = (
    "Khan DA et al. AAAAI/ACAAI drug allergy practice parameter 2022 (cross-reactivity by "
    "reaction severity and R1 side chain: allergy_conflict)"
)
_NSAID_CI = {
    "chronic_kidney_disease": "NSAIDs reduce renal perfusion and accelerate loss of kidney "
    "function (KDIGO 2024 CKD guideline)",
    "peptic_ulcer_disease": "NSAIDs cause ulcer recurrence and bleeding (ACG 2017 peptic ulcer "
    "guideline)",
    "heart_failure": "NSAIDs cause sodium retention and worsen heart failure (2022 AHA/ACC/HFSA "
    "guideline, class III: harm)",
    "cirrhosis": "NSAIDs precipitate renal failure and diuretic resistance in cirrhosis (AASLD "
    "2021 ascites guidance)",
}
_NSAID_SRC = "Lexicomp/FDA labelling; KDIGO 2024; AASLD 2021; 2022 AHA/ACC/HFSA HF guideline"

_TREATMENTS: list[Treatment] = [
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
    # --- antithrombotics -------------------------------------------------------------------
    Treatment(
        "aspirin",
        "Aspirin",
        "drug",
        ("asa", "acetylsalicylic acid", "ecotrin", "bayer aspirin"),
        ("nsaid",),
        source="2023 ESC ACS guideline",
    ),
    Treatment("clopidogrel", "Clopidogrel", "drug", ("plavix",), source="2023 ESC ACS guideline"),
    Treatment("ticagrelor", "Ticagrelor", "drug", ("brilinta",), source="2023 ESC ACS guideline"),
    Treatment(
        "prasugrel",
        "Prasugrel",
        "drug",
        ("effient",),
        contraindicated_in={
            "prior_stroke_tia": "Net harm after prior stroke or TIA "
            "(TRITON-TIMI 38; FDA boxed warning)"
        },
        source="Wiviott SD et al. N Engl J Med 2007;357:2001-15",
    ),
    Treatment(
        "heparin", "Unfractionated heparin infusion", "drug", ("ufh", "heparin drip"), ("heparin",)
    ),
    Treatment(
        "enoxaparin",
        "Enoxaparin",
        "drug",
        ("lovenox", "lmwh", "clexane"),
        ("heparin",),
        source="ASH 2018 HIT guideline (cross-reactivity)",
    ),
    Treatment(
        "fondaparinux",
        "Fondaparinux",
        "drug",
        ("arixtra",),
        source="ESC 2019 PE guideline; ASH 2018 HIT guideline",
    ),
    Treatment(
        "bivalirudin",
        "Bivalirudin",
        "drug",
        ("angiomax",),
        source="2023 ESC ACS guideline (alternative in HIT)",
    ),
    Treatment(
        "apixaban",
        "Apixaban",
        "drug",
        ("eliquis",),
        source="CHEST VTE guideline 2021; 2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "rivaroxaban", "Rivaroxaban", "drug", ("xarelto",), source="CHEST VTE guideline 2021"
    ),
    Treatment(
        "dabigatran",
        "Dabigatran",
        "drug",
        ("pradaxa",),
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "warfarin", "Warfarin", "drug", ("coumadin", "jantoven"), source="CHEST VTE guideline 2021"
    ),
    Treatment(
        "alteplase",
        "Alteplase (intravenous thrombolysis)",
        "drug",
        (
            "tpa",
            "rt-pa",
            "activase",
            "thrombolysis",
            "iv thrombolysis",
            "tissue plasminogen activator",
            "fibrinolysis",
        ),
        source="AHA/ASA acute ischemic stroke guideline 2019",
    ),
    Treatment(
        "tenecteplase",
        "Tenecteplase",
        "drug",
        ("tnkase", "tnk", "tnk-tpa"),
        source="AHA/ASA acute ischemic stroke guideline 2019",
    ),
    # --- cardiovascular -----------------------------------------------------------------
    Treatment(
        "pci",
        "Primary percutaneous coronary intervention",
        "procedure",
        (
            "primary pci",
            "percutaneous coronary intervention",
            "coronary angioplasty",
            "cath lab activation",
            "emergent cardiac catheterization",
            "ppci",
        ),
        source="2023 ESC ACS guideline",
    ),
    Treatment(
        "coronary_angiography",
        "Early invasive coronary angiography",
        "procedure",
        (
            "early invasive strategy",
            "invasive coronary angiography",
            "cardiac catheterization",
            "coronary angiogram",
        ),
        source="2023 ESC ACS guideline",
    ),
    Treatment(
        "metoprolol",
        "Metoprolol",
        "drug",
        ("lopressor", "toprol-xl", "toprol"),
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "esmolol", "Esmolol", "drug", ("brevibloc",), source="2022 ACC/AHA aortic disease guideline"
    ),
    Treatment(
        "labetalol",
        "Labetalol",
        "drug",
        ("trandate",),
        source="2022 ACC/AHA aortic disease guideline",
    ),
    Treatment(
        "propranolol",
        "Propranolol",
        "drug",
        ("inderal",),
        contraindicated_in={
            "asthma": "Non-selective beta-blockade can precipitate severe "
            "bronchospasm (GINA 2024; ATA 2016 advises a cardioselective "
            "agent)"
        },
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "diltiazem",
        "Diltiazem",
        "drug",
        ("cardizem",),
        contraindicated_in={
            "heart_failure": "Negative inotrope: harmful in reduced "
            "ejection fraction (2023 ACC/AHA/ACCP/HRS AF guideline, "
            "class III: harm)"
        },
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "amiodarone",
        "Amiodarone",
        "drug",
        ("cordarone", "pacerone"),
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "digoxin", "Digoxin", "drug", ("lanoxin",), source="2023 ACC/AHA/ACCP/HRS AF guideline"
    ),
    Treatment(
        "furosemide",
        "Furosemide (intravenous loop diuretic)",
        "drug",
        ("lasix", "iv furosemide", "loop diuretic"),
        source="2022 AHA/ACC/HFSA heart failure guideline",
    ),
    Treatment(
        "bumetanide",
        "Bumetanide",
        "drug",
        ("bumex",),
        source="2022 AHA/ACC/HFSA heart failure guideline",
    ),
    Treatment(
        "spironolactone",
        "Spironolactone",
        "drug",
        ("aldactone",),
        source="AASLD 2021 ascites guidance",
    ),
    Treatment(
        "lisinopril",
        "Lisinopril",
        "drug",
        ("zestril", "prinivil"),
        source="KDIGO AKI 2012; AASLD 2021",
    ),
    Treatment(
        "aortic_surgery",
        "Emergency surgical repair of the ascending aorta",
        "procedure",
        (
            "emergency aortic surgery",
            "aortic repair",
            "ascending aortic replacement",
            "emergency cardiothoracic surgery",
        ),
        source="2022 ACC/AHA aortic disease guideline",
    ),
    Treatment(
        "colchicine",
        "Colchicine",
        "drug",
        ("colcrys", "mitigare"),
        source="ESC 2015 pericardial guideline; ACR 2020 gout guideline",
    ),
    # --- analgesia / anti-inflammatory -----------------------------------------------------
    Treatment(
        "ibuprofen",
        "Ibuprofen",
        "drug",
        ("advil", "motrin"),
        ("nsaid",),
        contraindicated_in=_NSAID_CI,
        source=_NSAID_SRC,
    ),
    Treatment(
        "naproxen",
        "Naproxen",
        "drug",
        ("aleve", "naprosyn"),
        ("nsaid",),
        contraindicated_in=_NSAID_CI,
        source=_NSAID_SRC,
    ),
    Treatment(
        "ketorolac",
        "Ketorolac",
        "drug",
        ("toradol",),
        ("nsaid",),
        contraindicated_in=_NSAID_CI,
        source=_NSAID_SRC,
    ),
    Treatment(
        "morphine",
        "Morphine",
        "drug",
        ("morphine sulfate", "ms contin"),
        source="ACG acute pancreatitis guideline 2024",
    ),
    Treatment(
        "hydromorphone",
        "Hydromorphone",
        "drug",
        ("dilaudid",),
        source="ACG acute pancreatitis guideline 2024",
    ),
    # --- corticosteroids -------------------------------------------------------------------
    Treatment(
        "prednisone",
        "Prednisone",
        "drug",
        ("deltasone", "prednisolone", "oral steroids"),
        source="GOLD 2024; GINA 2024; ACR 2021 GCA guideline",
    ),
    Treatment(
        "methylprednisolone",
        "Methylprednisolone",
        "drug",
        ("solu-medrol", "medrol", "iv methylprednisolone"),
        source="ACR/Vasculitis Foundation 2021 GCA guideline",
    ),
    Treatment(
        "hydrocortisone",
        "Hydrocortisone (intravenous)",
        "drug",
        ("solu-cortef", "iv hydrocortisone", "stress-dose steroids"),
        source="Endocrine Society primary adrenal insufficiency guideline 2016",
    ),
    Treatment(
        "dexamethasone",
        "Dexamethasone",
        "drug",
        ("decadron",),
        source="IDSA bacterial meningitis guideline 2004",
    ),
    Treatment(
        "intraarticular_corticosteroid",
        "Intra-articular corticosteroid injection",
        "procedure",
        (
            "intra-articular steroid",
            "joint injection",
            "intra-articular triamcinolone",
            "kenalog injection",
        ),
        source="ACR 2020 gout guideline",
    ),
    # --- respiratory ---------------------------------------------------------------------
    Treatment(
        "supplemental_oxygen",
        "Supplemental oxygen",
        "supportive",
        ("oxygen", "o2", "controlled oxygen"),
    ),
    Treatment(
        "albuterol",
        "Albuterol (nebulized or inhaled)",
        "drug",
        ("salbutamol", "ventolin", "proair", "proventil", "saba", "nebulized albuterol"),
        source="GINA 2024; GOLD 2024",
    ),
    Treatment(
        "ipratropium",
        "Ipratropium bromide",
        "drug",
        ("atrovent", "ipratropium bromide"),
        source="GINA 2024; GOLD 2024",
    ),
    Treatment(
        "noninvasive_ventilation",
        "Non-invasive ventilation (bilevel)",
        "procedure",
        ("niv", "bipap", "bilevel positive airway pressure", "bilevel niv"),
        source="ERS/ATS acute respiratory failure NIV guideline 2017",
    ),
    Treatment(
        "needle_aspiration",
        "Needle aspiration of the pleural space",
        "procedure",
        ("simple aspiration", "percutaneous aspiration", "pleural aspiration"),
        source="BTS pleural disease guideline 2023",
    ),
    Treatment(
        "chest_tube",
        "Chest drain insertion",
        "procedure",
        ("chest drain", "tube thoracostomy", "intercostal drain", "pigtail catheter"),
        source="BTS pleural disease guideline 2023",
    ),
    # --- gastrointestinal -------------------------------------------------------------------
    Treatment(
        "appendectomy",
        "Appendectomy",
        "procedure",
        ("appendicectomy", "laparoscopic appendectomy", "lap appy"),
        source="WSES Jerusalem guidelines 2020",
    ),
    Treatment(
        "cholecystectomy",
        "Cholecystectomy",
        "procedure",
        ("laparoscopic cholecystectomy", "lap chole"),
        source="Tokyo Guidelines 2018",
    ),
    Treatment(
        "pantoprazole",
        "Pantoprazole (intravenous)",
        "drug",
        ("protonix", "iv ppi", "ppi", "proton pump inhibitor"),
        source="ACG upper GI and ulcer bleeding guideline 2021",
    ),
    Treatment(
        "esomeprazole",
        "Esomeprazole",
        "drug",
        ("nexium",),
        source="ACG upper GI and ulcer bleeding guideline 2021",
    ),
    Treatment(
        "endoscopic_hemostasis",
        "Urgent endoscopy with endoscopic hemostasis",
        "procedure",
        (
            "endoscopic therapy",
            "therapeutic endoscopy",
            "urgent endoscopy",
            "egd with hemostasis",
            "urgent egd",
            "endoscopic hemostasis",
        ),
        source="ACG upper GI and ulcer bleeding guideline 2021",
    ),
    Treatment(
        "blood_transfusion",
        "Red blood cell transfusion",
        "procedure",
        ("prbc", "packed red blood cells", "red cell transfusion", "transfusion"),
        source="ACG 2021 (restrictive threshold 7 g/dL)",
    ),
    Treatment(
        "paracentesis",
        "Paracentesis (diagnostic and large-volume)",
        "procedure",
        (
            "large-volume paracentesis",
            "therapeutic paracentesis",
            "diagnostic paracentesis",
            "ascitic tap",
            "ascitic drain",
        ),
        source="AASLD 2021 ascites guidance",
    ),
    Treatment(
        "albumin_infusion",
        "Intravenous albumin",
        "drug",
        ("iv albumin", "human albumin solution", "albumin infusion"),
        source="AASLD 2021 ascites guidance",
    ),
    Treatment(
        "lactulose",
        "Lactulose",
        "drug",
        ("enulose", "kristalose"),
        source="AASLD/EASL hepatic encephalopathy guideline 2014",
    ),
    Treatment(
        "nasogastric_decompression",
        "Nasogastric tube decompression",
        "procedure",
        ("ng tube", "nasogastric tube", "ngt", "ng decompression", "drip and suck"),
        source="Bologna adhesive small bowel obstruction guidelines 2017",
    ),
    Treatment(
        "metoclopramide",
        "Metoclopramide",
        "drug",
        ("reglan", "maxolon"),
        source="FDA label: contraindicated in mechanical obstruction",
    ),
    Treatment(
        "loperamide",
        "Loperamide",
        "drug",
        ("imodium",),
        source="IDSA/SHEA C. difficile guideline 2017",
    ),
    # --- fluids, electrolytes, endocrine -------------------------------------------------
    Treatment(
        "iv_fluids",
        "Intravenous isotonic crystalloid",
        "supportive",
        (
            "iv fluids",
            "normal saline",
            "0.9% saline",
            "lactated ringer's",
            "ringer's lactate",
            "crystalloid bolus",
            "fluid resuscitation",
            "plasma-lyte",
        ),
        source="Surviving Sepsis Campaign 2021; ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "fluid_restriction",
        "Fluid restriction",
        "supportive",
        ("free water restriction", "water restriction", "fluid restrict"),
        source="European hyponatraemia guideline 2014",
    ),
    Treatment(
        "tolvaptan",
        "Tolvaptan",
        "drug",
        ("samsca",),
        contraindicated_in={
            "cirrhosis": "Risk of serious liver injury and GI bleeding (FDA labelling)"
        },
        source="Verbalis JG et al. Am J Med 2013",
    ),
    Treatment(
        "oral_urea",
        "Oral urea",
        "drug",
        ("ure-na", "urea tablets"),
        source="European hyponatraemia guideline 2014",
    ),
    Treatment(
        "insulin_infusion",
        "Intravenous insulin infusion",
        "drug",
        (
            "iv insulin",
            "insulin drip",
            "insulin infusion",
            "fixed-rate insulin infusion",
            "variable-rate insulin infusion",
        ),
        source="ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "potassium_replacement",
        "Potassium replacement",
        "drug",
        ("potassium chloride", "kcl", "iv potassium", "potassium supplementation"),
        source="ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "sodium_bicarbonate",
        "Sodium bicarbonate infusion",
        "drug",
        ("sodium bicarbonate", "nahco3", "bicarb"),
        source="ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "dextrose_iv",
        "Intravenous dextrose",
        "drug",
        ("d50", "d10", "iv dextrose", "dextrose 50%", "iv glucose"),
        source="ADA Standards of Care 2024, section 6",
    ),
    Treatment(
        "glucagon",
        "Glucagon",
        "drug",
        ("glucagen", "gvoke", "baqsimi"),
        source="ADA Standards of Care 2024, section 6",
    ),
    Treatment(
        "propylthiouracil",
        "Propylthiouracil",
        "drug",
        ("ptu",),
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "methimazole",
        "Methimazole",
        "drug",
        ("tapazole", "thiamazole"),
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "potassium_iodide",
        "Potassium iodide (SSKI or Lugol's solution)",
        "drug",
        ("sski", "lugol's solution", "lugol's iodine", "saturated solution of potassium iodide"),
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "calcium_gluconate",
        "Calcium gluconate (intravenous)",
        "drug",
        ("iv calcium", "calcium gluconate 10%"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "calcium_chloride",
        "Calcium chloride (intravenous)",
        "drug",
        ("cacl2", "calcium chloride 10%"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "insulin_dextrose",
        "Intravenous regular insulin with dextrose",
        "drug",
        ("insulin and dextrose", "insulin-dextrose", "insulin and glucose", "insulin-glucose"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "sodium_zirconium_cyclosilicate",
        "Sodium zirconium cyclosilicate",
        "drug",
        ("lokelma", "szc"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "stop_nephrotoxins",
        "Withhold nephrotoxic drugs, ACE inhibitors/ARBs and diuretics",
        "supportive",
        (
            "stop nephrotoxins",
            "hold nephrotoxic medications",
            "hold ace inhibitor",
            "withhold nephrotoxins",
        ),
        source="KDIGO AKI guideline 2012",
    ),
    # --- haematology -----------------------------------------------------------------------
    Treatment(
        "ferrous_sulfate",
        "Oral iron (ferrous sulfate)",
        "drug",
        ("oral iron", "ferrous sulphate", "iron tablets", "feosol"),
        source="BSG iron deficiency anaemia guideline 2021",
    ),
    Treatment(
        "iv_iron",
        "Intravenous iron",
        "drug",
        ("iron sucrose", "ferric carboxymaltose", "venofer", "injectafer", "intravenous iron"),
        source="BSG iron deficiency anaemia guideline 2021",
    ),
    # --- neurology -------------------------------------------------------------------------
    Treatment(
        "mechanical_thrombectomy",
        "Endovascular mechanical thrombectomy",
        "procedure",
        ("thrombectomy", "endovascular thrombectomy", "evt", "clot retrieval"),
        source="AHA/ASA acute ischemic stroke guideline 2019",
    ),
    Treatment(
        "nimodipine",
        "Nimodipine",
        "drug",
        ("nimotop", "nymalize"),
        source="AHA/ASA aneurysmal SAH guideline 2023",
    ),
    Treatment(
        "aneurysm_securing",
        "Aneurysm securing (endovascular coiling or clipping)",
        "procedure",
        (
            "coiling",
            "endovascular coiling",
            "surgical clipping",
            "aneurysm clipping",
            "aneurysm repair",
        ),
        source="AHA/ASA aneurysmal SAH guideline 2023",
    ),
    # --- musculoskeletal -------------------------------------------------------------------
    Treatment(
        "joint_washout",
        "Joint drainage (arthroscopic washout or serial aspiration)",
        "procedure",
        (
            "arthroscopic washout",
            "joint lavage",
            "surgical drainage",
            "arthrotomy",
            "joint washout",
            "joint drainage",
        ),
        source="BSR/BOA hot swollen joint guideline 2006",
    ),
]

TREATMENTS: dict[str, Treatment] = {t.key: t for t in _TREATMENTS}
assert len(TREATMENTS) == len(_TREATMENTS), "duplicate treatment key"

# allergy label shown in the record -> the drug class it rules out
ALLERGY_CLASSES: dict[str, str] = {
    "Penicillin": "penicillin",
    "Cephalosporins": "cephalosporin",
    "Macrolides": "macrolide",
    "Heparin (HIT)": "heparin",
    "Sulfonamide antibiotics": "sulfonamide",
    "Aspirin/NSAIDs": "nsaid",
    "Fluoroquinolones": "fluoroquinolone",
    "Tetracyclines": "tetracycline",
    "Carbapenems": "carbapenem",
}


# --------------------------------------------------------------- beta-lactam allergy
# Reactions after which every beta-lactam except aztreonam is avoided until evaluated
# (Khan DA et al. 2022 practice parameter: anaphylaxis and severe cutaneous adverse
# reactions; bronchospasm and angioedema meet the WAO 2020 anaphylaxis criterion of
# respiratory/laryngeal involvement after a known allergen, Cardona V et al. World
# Allergy Organ J 2020;13:100472).
SEVERE_REACTION_WORDS: tuple[str, ...] = (
    "anaphylaxis",
    "anaphylactic",
    "wheez",
    "bronchospasm",
    "angioedema",
    "laryngeal",
    "hypotension",
    "stevens-johnson",
    "toxic epidermal necrolysis",
    "dress",
    "eosinophilia",
    "agep",
    "serum sickness",
)
# cephalosporins sharing the aminobenzyl R1 side chain of amoxicillin/ampicillin
# (identical or similar R1: Zagursky RJ, Pichichero ME. J Allergy Clin Immunol Pract
# 2018;6:72-81; side-chain table of the 2022 practice parameter)
AMINOPENICILLIN_SIDE_CHAIN: frozenset[str] = frozenset(
    {"cephalexin", "cefadroxil", "cefaclor", "cefprozil", "cephradine", "cefatrizine"}
)
# aztreonam shares its R1 side chain with ceftazidime (and cefiderocol)
CEFTAZIDIME_SIDE_CHAIN: frozenset[str] = frozenset({"aztreonam", "ceftazidime", "cefiderocol"})
NON_PENICILLIN_BETA_LACTAM_CLASSES = ("cephalosporin", "carbapenem")


def _canonical(name: str) -> str:
    return name.strip().lower().replace("_", " ").replace("-", " ")


def severe_reaction(reaction: str) -> bool:
    """Whether a documented reaction is severe in the practice parameter's sense."""
    r = reaction.lower()
    return any(w in r for w in SEVERE_REACTION_WORDS)


def allergy_conflict(
    name: str, classes: tuple[str, ...] | list[str], allergen: str, reaction: str
) -> str | None:
    """Why drug ``name`` (treatment key or formulary generic name, with its allergy
    ``classes``) must not be given to a patient with this documented allergy (record
    label ``allergen`` of :data:`ALLERGY_CLASSES`, ``reaction`` as documented), or None
    when the 2022 AAAAI/ACAAI practice parameter allows it (see the module docstring)."""
    cls = ALLERGY_CLASSES.get(allergen)
    n = _canonical(name)
    if n in CEFTAZIDIME_SIDE_CHAIN and "ceftazidime" in reaction.lower():
        return f"{name} shares the R1 side chain of ceftazidime (documented {reaction})"
    if cls is None or cls not in classes:
        return None
    if cls == "penicillin" and any(c in classes for c in NON_PENICILLIN_BETA_LACTAM_CLASSES):
        # a cephalosporin or carbapenem: cross-reactivity by severity and side chain
        if severe_reaction(reaction):
            return (
                f"severe penicillin reaction ({reaction}): avoid beta-lactams other than "
                "aztreonam until the allergy is evaluated"
            )
        if n in AMINOPENICILLIN_SIDE_CHAIN:
            return f"{name} shares the R1 side chain of amoxicillin/ampicillin ({reaction})"
        return None  # non-severe reaction, dissimilar side chain: may be given with caution
    return f"{allergen} allergy ({reaction}): {name} is in the {cls} class"


def treatment_allergy_conflicts(key: str, allergies: list) -> list[tuple[str, str]]:
    """(allergen, reason) for each documented allergy (objects with ``allergen`` and
    ``reaction``) that rules out treatment ``key``."""
    t = TREATMENTS[key]
    out = []
    for a in allergies:
        why = allergy_conflict(key, t.allergy_classes, a.allergen, a.reaction)
        if why:
            out.append((a.allergen, why))
    return out


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
    key = _canonical(drug)
    if key not in FLUOROQUINOLONE_PYELONEPHRITIS or pregnant:
        return False
    return not treatment_allergy_conflicts(key, allergies)
