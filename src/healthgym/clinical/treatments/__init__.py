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

from .allergy import (
    AMINOPENICILLIN_SIDE_CHAIN,
    CEFTAZIDIME_SIDE_CHAIN,
    NON_PENICILLIN_BETA_LACTAM_CLASSES,
    SEVERE_REACTION_WORDS,
    allergy_conflict,
    severe_reaction,
    treatment_allergy_conflicts,
)
from .catalogue import ALLERGY_CLASSES, TREATMENTS
from .model import Treatment
from .regimens import FLUOROQUINOLONE_PYELONEPHRITIS, fluoroquinolone_pyelonephritis_ok

__all__ = [
    "ALLERGY_CLASSES",
    "AMINOPENICILLIN_SIDE_CHAIN",
    "CEFTAZIDIME_SIDE_CHAIN",
    "FLUOROQUINOLONE_PYELONEPHRITIS",
    "NON_PENICILLIN_BETA_LACTAM_CLASSES",
    "SEVERE_REACTION_WORDS",
    "TREATMENTS",
    "Treatment",
    "allergy_conflict",
    "fluoroquinolone_pyelonephritis_ok",
    "severe_reaction",
    "treatment_allergy_conflicts",
]
