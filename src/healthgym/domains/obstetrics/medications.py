"""Medication safety in pregnancy: a small cited table and free-text matching.

Levels follow the narrative labelling of the FDA Pregnancy and Lactation Labeling Rule
(2015), summarised as ``contraindicated`` (known teratogen or fetotoxic: do not use),
``avoid`` (use a safer alternative), ``caution`` (acceptable when no better option) and
``compatible`` (a preferred option).  A level may change with gestational age
(``windows``).  Sources are given per entry; the conditions each drug treats define
the safe alternatives (:func:`safe_options`).  Drugs this table does not hold are
looked up in the project formulary (:mod:`healthgym.clinical.drugs`), whose pregnancy
level (same four levels, not gestational-age specific) then applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...clinical.drugs import drugs as formulary_drugs
from ...clinical.drugs import normalize_name
from ...clinical.text import normalize

UNSAFE_LEVELS = ("contraindicated", "avoid")

PB203 = "ACOG Practice Bulletin No. 203: Chronic hypertension in pregnancy. 2019"
PB196 = "ACOG Practice Bulletin No. 196: Thromboembolism in pregnancy. 2018"
AAN24 = "Pack AM et al. AAN/AES/SMFM guideline on antiseizure medication. Neurology 2024"
ACR20 = "Sammaritano LR et al. 2020 ACR reproductive health guideline. Arthritis Rheumatol 2020"
ATA17 = "Alexander EK et al. 2017 ATA thyroid disease in pregnancy guideline. Thyroid 2017"
CO717 = "ACOG Committee Opinion No. 717: Sulfonamides, nitrofurantoin and risk of birth defects"
PB92 = "ACOG Practice Bulletin No. 92: Psychiatric medications in pregnancy and lactation"
NAEPP = "NAEPP Working Group. Managing asthma during pregnancy: 2004 update"
FDA_NSAID = "FDA Drug Safety Communication: NSAIDs at 20 weeks or later (October 2020)"
FDA_STATIN = "FDA Drug Safety Communication: statins in pregnancy (July 2021)"
LABEL = "US prescribing information (boxed warning / contraindication in pregnancy)"


@dataclass(frozen=True)
class Condition:
    name: str
    needs_treatment: bool  # does the condition need a drug during pregnancy?


CONDITIONS: dict[str, Condition] = {
    "chronic_hypertension": Condition("chronic hypertension", True),
    "epilepsy": Condition("focal epilepsy", True),
    "venous_thromboembolism": Condition("deep vein thrombosis 3 months ago", True),
    "acne": Condition("moderate acne", False),
    "rheumatoid_arthritis": Condition("rheumatoid arthritis", True),
    "hyperlipidemia": Condition("hyperlipidemia", False),
    "hypothyroidism": Condition("hypothyroidism", True),
    "depression": Condition("major depressive disorder", True),
    "hyperthyroidism": Condition("Graves disease (hyperthyroidism)", True),
    "asthma": Condition("persistent asthma", True),
    "lupus_nephritis": Condition("lupus nephritis in remission", True),
    "back_pain": Condition("mechanical low back pain", True),
    "bacteriuria": Condition("asymptomatic bacteriuria on the booking urine culture", True),
}


@dataclass(frozen=True)
class PregnancyDrug:
    key: str
    names: tuple[str, ...]  # generic name first, then brands and synonyms
    drug_class: str
    treats: tuple[str, ...]
    level: str
    note: str
    source: str
    # (from week, to week exclusive, level, note) overriding ``level`` in that window
    windows: tuple[tuple[int, int, str, str], ...] = ()

    def at(self, ga_weeks: int) -> tuple[str, str]:
        """(level, note) at a gestational age in completed weeks."""
        for lo, hi, level, note in self.windows:
            if lo <= ga_weeks < hi:
                return level, note
        return self.level, self.note


_ACE = "fetal renal damage, oligohydramnios and skull hypoplasia (renin-angiotensin blockade)"
_RETINOID = "retinoid embryopathy (craniofacial, cardiac and CNS defects)"
_TETRA = "tooth discoloration and inhibited fetal bone growth"
_DOAC = "crosses the placenta; no human safety data - use heparin"
_NSAID = "short courses only before 20 weeks"
_NSAID_LATE = (
    "20-99 avoid from 20 weeks: fetal renal dysfunction and oligohydramnios; from 30 weeks "
    "premature closure of the ductus arteriosus"
)
_SOURCES = {
    "PB203": PB203,
    "PB196": PB196,
    "AAN24": AAN24,
    "ACR20": ACR20,
    "ATA17": ATA17,
    "CO717": CO717,
    "PB92": PB92,
    "NAEPP": NAEPP,
    "FDA_NSAID": FDA_NSAID,
    "FDA_STATIN": FDA_STATIN,
    "LABEL": LABEL,
    "PI": "US prescribing information",
}

# One record per drug; continuation lines are indented.  Fields:
# key | names | class | conditions treated | level | note | sources | windows, where
# windows are "lo-hi level note" entries separated by " ;; " (weeks lo <= GA < hi).
_TABLE = f"""
lisinopril | lisinopril, Zestril, Prinivil | ACE inhibitor | chronic_hypertension |
  contraindicated | {_ACE} | LABEL PB203
enalapril | enalapril, Vasotec | ACE inhibitor | chronic_hypertension | contraindicated | {_ACE}
  | LABEL PB203
losartan | losartan, Cozaar | angiotensin receptor blocker | chronic_hypertension |
  contraindicated | {_ACE} | LABEL PB203
valsartan | valsartan, Diovan | angiotensin receptor blocker | chronic_hypertension |
  contraindicated | {_ACE} | LABEL PB203
atenolol | atenolol, Tenormin | beta-blocker | chronic_hypertension | avoid | associated with
  fetal growth restriction; other agents preferred | PB203
labetalol | labetalol, Trandate | alpha/beta-blocker | chronic_hypertension | compatible |
  first-line oral antihypertensive in pregnancy | PB203
nifedipine | nifedipine, Procardia, Adalat | calcium-channel blocker | chronic_hypertension |
  compatible | first-line oral antihypertensive in pregnancy (extended release) | PB203
methyldopa | methyldopa, Aldomet | central alpha-agonist | chronic_hypertension | compatible |
  long safety record in pregnancy; less effective than labetalol | PB203
hydralazine | hydralazine, Apresoline | arterial vasodilator | - | compatible | intravenous
  agent for acute severe hypertension in pregnancy | PB203
warfarin | warfarin, Coumadin, Jantoven | vitamin K antagonist | venous_thromboembolism |
  contraindicated | warfarin embryopathy (nasal hypoplasia, stippled epiphyses) at 6-12 weeks;
  fetal intracranial haemorrhage later | PB196
apixaban | apixaban, Eliquis | direct factor Xa inhibitor | venous_thromboembolism | avoid |
  {_DOAC} | PB196
rivaroxaban | rivaroxaban, Xarelto | direct factor Xa inhibitor | venous_thromboembolism | avoid
  | {_DOAC} | PB196
enoxaparin | enoxaparin, Lovenox, low molecular weight heparin, LMWH | low-molecular-weight
  heparin | venous_thromboembolism | compatible | does not cross the placenta; preferred
  anticoagulant in pregnancy | PB196
heparin | unfractionated heparin, heparin | unfractionated heparin | venous_thromboembolism |
  compatible | does not cross the placenta | PB196
valproate | valproate, valproic acid, divalproex, Depakote, sodium valproate | antiseizure
  medication | epilepsy | contraindicated | neural tube defects and other major malformations
  (about 10%); lower child IQ and autism | AAN24 LABEL
topiramate | topiramate, Topamax | antiseizure medication | epilepsy | avoid | oral clefts and
  small-for-gestational-age infants | AAN24
phenytoin | phenytoin, Dilantin | antiseizure medication | epilepsy | avoid | fetal hydantoin
  syndrome; malformation risk above lamotrigine and levetiracetam | AAN24
lamotrigine | lamotrigine, Lamictal | antiseizure medication | epilepsy | compatible | among the
  lowest major malformation risks; monitor levels | AAN24
levetiracetam | levetiracetam, Keppra | antiseizure medication | epilepsy | compatible | among
  the lowest major malformation risks | AAN24
isotretinoin | isotretinoin, Accutane, Absorica, Claravis | oral retinoid | acne |
  contraindicated | {_RETINOID} | LABEL
acitretin | acitretin, Soriatane | oral retinoid | - | contraindicated | {_RETINOID} | LABEL
doxycycline | doxycycline, Vibramycin | tetracycline | acne bacteriuria | avoid | {_TETRA} |
  LABEL
minocycline | minocycline, Minocin | tetracycline | acne | avoid | {_TETRA} | LABEL
azelaic_acid | azelaic acid, Finacea | topical acne agent | acne | compatible | minimal systemic
  absorption | PI
benzoyl_peroxide | benzoyl peroxide | topical acne agent | acne | compatible | minimal systemic
  absorption | PI
methotrexate | methotrexate, Trexall, Otrexup | antimetabolite DMARD | rheumatoid_arthritis |
  contraindicated | abortifacient and teratogen (methotrexate embryopathy) | ACR20 LABEL
leflunomide | leflunomide, Arava | pyrimidine-synthesis inhibitor | rheumatoid_arthritis |
  contraindicated | teratogenic; needs a cholestyramine washout | ACR20
mycophenolate | mycophenolate, mycophenolate mofetil, CellCept, Myfortic | antiproliferative
  immunosuppressant | lupus_nephritis | contraindicated | first-trimester loss and malformations
  (ear, lip and palate, limbs) | ACR20 LABEL
hydroxychloroquine | hydroxychloroquine, Plaquenil | antimalarial DMARD | rheumatoid_arthritis |
  compatible | continue in pregnancy | ACR20
sulfasalazine | sulfasalazine, Azulfidine | DMARD | rheumatoid_arthritis | compatible |
  compatible with folic acid supplementation | ACR20
azathioprine | azathioprine, Imuran | immunosuppressant | lupus_nephritis | compatible |
  compatible at up to 2 mg/kg/day | ACR20
tacrolimus | tacrolimus, Prograf | calcineurin inhibitor | lupus_nephritis | compatible |
  compatible; monitor levels | ACR20
atorvastatin | atorvastatin, Lipitor | statin | hyperlipidemia | avoid | discontinue in most
  pregnancies: no benefit during pregnancy | FDA_STATIN
simvastatin | simvastatin, Zocor | statin | hyperlipidemia | avoid | discontinue in most
  pregnancies: no benefit during pregnancy | FDA_STATIN
levothyroxine | levothyroxine, Synthroid, Levoxyl | thyroid hormone | hypothyroidism |
  compatible | continue; the dose usually rises in pregnancy | ATA17
methimazole | methimazole, Tapazole, thiamazole | thionamide | hyperthyroidism | compatible |
  preferred thionamide after the first trimester | ATA17 | 0-14 avoid first trimester:
  methimazole embryopathy (aplasia cutis, choanal atresia), propylthiouracil preferred
propylthiouracil | propylthiouracil, PTU | thionamide | hyperthyroidism | caution | after the
  first trimester methimazole is preferred (hepatotoxicity) | ATA17 | 0-14 compatible preferred
  thionamide in the first trimester
sertraline | sertraline, Zoloft | SSRI | depression | compatible | among the best-studied SSRIs
  in pregnancy | PB92
fluoxetine | fluoxetine, Prozac | SSRI | depression | compatible | no consistent teratogenic
  signal | PB92
escitalopram | escitalopram, Lexapro | SSRI | depression | compatible | no consistent
  teratogenic signal | PB92
paroxetine | paroxetine, Paxil | SSRI | depression | avoid | first-trimester exposure linked to
  cardiac malformations | PB92
albuterol | albuterol, salbutamol, Ventolin, ProAir | short-acting beta-agonist | asthma |
  compatible | preferred reliever in pregnancy | NAEPP
budesonide | budesonide, Pulmicort | inhaled corticosteroid | asthma | compatible | preferred
  inhaled corticosteroid in pregnancy | NAEPP
acetaminophen | acetaminophen, paracetamol, Tylenol | analgesic | back_pain | compatible |
  analgesic of choice in pregnancy | FDA_NSAID
ibuprofen | ibuprofen, Advil, Motrin | NSAID | back_pain | caution | {_NSAID} | FDA_NSAID |
  {_NSAID_LATE}
naproxen | naproxen, Aleve, Naprosyn | NSAID | back_pain | caution | {_NSAID} | FDA_NSAID |
  {_NSAID_LATE}
cephalexin | cephalexin, cefalexin, Keflex | first-generation cephalosporin | bacteriuria |
  compatible | first-line for bacteriuria in pregnancy | CO717
amoxicillin | amoxicillin, Amoxil | aminopenicillin | bacteriuria | compatible | compatible when
  the organism is susceptible | CO717
nitrofurantoin | nitrofurantoin, Macrobid, Macrodantin | nitrofuran | bacteriuria | compatible |
  first-line in the second and third trimesters | CO717 LABEL | 0-14 caution first trimester:
  use when no suitable alternative exists ;; 38-99 avoid at term (38 weeks or later): neonatal
  haemolytic anaemia
ciprofloxacin | ciprofloxacin, Cipro | fluoroquinolone | bacteriuria | avoid | arthropathy in
  animal studies; safer alternatives exist | LABEL
misoprostol | misoprostol, Cytotec | prostaglandin E1 analogue | - | contraindicated |
  uterotonic: miscarriage and birth defects (boxed warning) | LABEL
thalidomide | thalidomide, Thalomid | immunomodulator | - | contraindicated | phocomelia and
  other severe birth defects | LABEL
ribavirin | ribavirin | antiviral | - | contraindicated | teratogenic and embryocidal in all
  species tested | LABEL
"""


def _windows(text: str) -> tuple[tuple[int, int, str, str], ...]:
    out = []
    for part in text.split(" ;; "):
        span, level, note = part.strip().split(" ", 2)
        lo, hi = span.split("-")
        out.append((int(lo), int(hi), level, note))
    return tuple(out)


def _records(table: str) -> list[str]:
    records: list[str] = []
    for line in table.strip().splitlines():
        if line.startswith("  "):
            records[-1] += " " + line.strip()
        else:
            records.append(line.strip())
    return records


def _parse(table: str) -> tuple[PregnancyDrug, ...]:
    drugs = []
    for record in _records(table):
        key, names, cls, treats, level, note, sources, *rest = (
            f.strip() for f in record.split(" | ")
        )
        drugs.append(
            PregnancyDrug(
                key=key,
                names=tuple(n.strip() for n in names.split(",")),
                drug_class=cls,
                treats=tuple(t for t in treats.split() if t != "-"),
                level=level,
                note=note,
                source="; ".join(_SOURCES[s] for s in sources.split()),
                windows=_windows(rest[0]) if rest else (),
            )
        )
    return tuple(drugs)


DRUGS: tuple[PregnancyDrug, ...] = _parse(_TABLE)
DRUG_BY_KEY: dict[str, PregnancyDrug] = {d.key: d for d in DRUGS}


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for d in DRUGS:
        names = sorted({normalize(n) for n in d.names}, key=len, reverse=True)
        alts = "|".join(re.escape(n) for n in names)
        out.append((d.key, re.compile(rf"\b({alts})\b")))
    return tuple(out)


def match_drugs(text: str) -> list[str]:
    """Keys of the drugs named in a free-text item: this table's generic or brand names
    first, else the project formulary's name resolution (a formulary generic name)."""
    norm = normalize(text)
    keys = [key for key, pattern in _patterns() if pattern.search(norm)]
    if not keys:
        name = formulary_name(text)
        keys = [name] if name else []
    return keys


def formulary_name(text: str) -> str | None:
    """Generic name of a drug of :mod:`healthgym.clinical.drugs` named in ``text``."""
    return normalize_name(text)


@dataclass(frozen=True)
class Assessment:
    """A drug's pregnancy assessment at one gestational age."""

    name: str
    drug_class: str
    level: str
    note: str
    source: str


def assess(key: str, ga_weeks: int) -> Assessment:
    """This table's (gestational-age aware) entry, else the formulary's pregnancy note."""
    if key in DRUG_BY_KEY:
        d = DRUG_BY_KEY[key]
        level, note = d.at(ga_weeks)
        return Assessment(d.names[0], d.drug_class, level, note, d.source)
    f = formulary_drugs()[key]
    level, note = f.pregnancy
    source = "project formulary (PLLR summary of the US prescribing information)"
    return Assessment(f.name, f.drug_class, level, note, source)


def level_at(key: str, ga_weeks: int) -> str:
    return assess(key, ga_weeks).level


def all_drug_keys() -> list[str]:
    """This table's drugs, then the formulary's drugs it does not hold."""
    return [*DRUG_BY_KEY, *(k for k in sorted(formulary_drugs()) if k not in DRUG_BY_KEY)]


def unsafe_at(key: str, ga_weeks: int) -> bool:
    return level_at(key, ga_weeks) in UNSAFE_LEVELS


def safe_options(condition: str, ga_weeks: int) -> list[str]:
    """Drugs of the table treating ``condition`` that are ``compatible`` at this age."""
    return [d.key for d in DRUGS if condition in d.treats and d.at(ga_weeks)[0] == "compatible"]


def unsafe_options(condition: str, ga_weeks: int) -> list[str]:
    return [d.key for d in DRUGS if condition in d.treats and unsafe_at(d.key, ga_weeks)]
