"""Supplementary monographs: drugs a domain offers that the core formulary does not hold yet.

The core formulary (:func:`healthgym.clinical.drugs.drugs`) drives the interaction table
and every task generator that draws from it, so adding a drug there changes those tasks;
the monographs below use the same :class:`~healthgym.clinical.drugs.model.Drug` model and
vocabularies and are looked up with :func:`monograph` (core first, then these), with
interactions derived by the core's mechanism rules (:func:`any_interaction`).  Psychiatry
offers them as treatment options (issue 17: naltrexone, acamprosate and chlordiazepoxide
were offered yet checked as "not in the formulary").  Sources, each drug's US prescribing
information (label):

* naltrexone - ReVia (naltrexone hydrochloride tablets) prescribing information
  (Duramed/Teva, 2013): contraindicated in patients receiving opioid analgesics, with
  current physiological opioid dependence or in acute opioid withdrawal (precipitated
  withdrawal), and in acute hepatitis or liver failure; 50 mg once daily.
* acamprosate - Campral (acamprosate calcium delayed-release tablets) prescribing
  information (Forest, 2012): 666 mg three times daily; moderate renal impairment
  (creatinine clearance 30-50 mL/min) 333 mg three times daily; severe renal impairment
  (creatinine clearance <= 30 mL/min) contraindicated.  Not metabolised by the liver.
* disulfiram - Antabuse prescribing information (Teva/Odyssey, 2011): never give to a
  patient in a state of alcohol intoxication; contraindicated with metronidazole,
  paraldehyde, alcohol or alcohol-containing preparations, in severe myocardial disease or
  coronary occlusion and in psychoses; caution in hepatic cirrhosis or insufficiency.
* chlordiazepoxide - Librium (chlordiazepoxide hydrochloride capsules) prescribing
  information (Valeant, 2020, with the FDA 2016/2020 boxed warnings): benzodiazepine for
  the symptoms of acute alcohol withdrawal; boxed warning for concomitant opioids (profound
  sedation, respiratory depression, death); use with caution in impaired hepatic function
  (long-acting active metabolites accumulate); avoid in the first trimester of pregnancy.
  ASAM Clinical Practice Guideline on Alcohol Withdrawal Management (2020): a standard
  long-acting choice for ambulatory withdrawal; lorazepam or oxazepam preferred in severe
  liver disease and older adults.
* prazosin - Minipress prescribing information (Pfizer, 2019): first-dose syncope and
  orthostatic hypotension, additive hypotension with other antihypertensives and PDE-5
  inhibitors (off-label for PTSD nightmares, VA/DoD PTSD guideline 2023).
* rivastigmine - Exelon prescribing information (Novartis, 2018): no CYP metabolism
  (cholinesterase-mediated hydrolysis); caution in sick sinus syndrome or conduction
  defects (vagotonic bradycardia); no renal or hepatic dose rule beyond titration.
* galantamine - Razadyne/Razadyne ER prescribing information (Janssen, 2015): CYP2D6 and
  CYP3A4 substrate (paroxetine raises exposure ~40%, ketoconazole ~30%: minor);
  moderate hepatic impairment (Child-Pugh 7-9) at most 16 mg/day, severe hepatic
  impairment (Child-Pugh 10-15) not recommended; creatinine clearance 9-59 mL/min at most
  16 mg/day, < 9 mL/min not recommended.

Benzodiazepines and the AGS Beers Criteria 2023 (J Am Geriatr Soc 2023;71:2052-81): avoid
in adults >= 65, except for alcohol withdrawal (psychiatry's safety rules apply it).
"""

from __future__ import annotations

import math
from functools import cache

from .derive import derive_pair
from .formulary import drugs
from .interactions import interaction
from .model import Drug, Interaction, RenalBand, RenalDosing

_ABOVE = math.inf


def _up_to(x: float) -> float:
    """Upper bound of a band that includes ``x`` itself (bands are ``lo <= v < hi``)."""
    return math.nextafter(x, math.inf)


SUPPLEMENT: dict[str, Drug] = {
    d.name: d
    for d in (
        Drug(
            name="naltrexone",
            drug_class="opioid antagonist",
            group="aud_medication",
            mechanism="Competitive mu-opioid receptor antagonist (reduces the reward of "
            "drinking); hepatic dihydrodiol dehydrogenase, no CYP",
            indications=("alcohol use disorder", "opioid use disorder (after detoxification)"),
            usual_dose="50 mg once daily",
            pregnancy=("caution", "limited human data (label)"),
            lactation=("caution", "excreted in milk (label)"),
            adverse_effects=(
                "nausea",
                "headache",
                "dizziness",
                "hepatocellular injury at excessive doses",
            ),
            brands=("ReVia", "Vivitrol"),
            hepatic={
                "B": "use with caution; check liver tests (label)",
                "C": "contraindicated in liver failure (label)",
            },
            contraindications=(
                "receiving opioid analgesics",
                "current physiological opioid dependence",
                "acute opioid withdrawal",
                "acute hepatitis",
                "liver failure",
            ),
            source="ReVia prescribing information (Duramed/Teva, 2013)",
        ),
        Drug(
            name="acamprosate",
            drug_class="glutamate/GABA modulator",
            group="aud_medication",
            mechanism="Modulates NMDA glutamate and GABA transmission; excreted unchanged by "
            "the kidney, no hepatic metabolism",
            indications=("alcohol use disorder (maintenance of abstinence)",),
            usual_dose="666 mg three times daily",
            pregnancy=("caution", "limited human data (label)"),
            lactation=("caution", "unknown whether excreted in milk (label)"),
            adverse_effects=("diarrhoea", "anxiety", "depression and suicidality (label warning)"),
            brands=("Campral",),
            renal=RenalDosing(
                basis="crcl",
                bands=(
                    RenalBand(_up_to(50.0), _ABOVE, "666 mg three times daily", "usual"),
                    RenalBand(
                        _up_to(30.0),
                        _up_to(50.0),
                        "333 mg three times daily (CrCl 30-50 mL/min, label)",
                        "reduce",
                    ),
                    RenalBand(
                        0.0, _up_to(30.0), "contraindicated at CrCl <= 30 mL/min (label)", "avoid"
                    ),
                ),
            ),
            renal_note="Campral label: moderate impairment 333 mg three times daily, severe "
            "impairment contraindicated",
            contraindications=("severe renal impairment (creatinine clearance <= 30 mL/min)",),
            source="Campral prescribing information (Forest, 2012)",
        ),
        Drug(
            name="disulfiram",
            drug_class="aldehyde dehydrogenase inhibitor",
            group="aud_medication",
            mechanism="Irreversibly inhibits aldehyde dehydrogenase: acetaldehyde accumulates "
            "after alcohol (disulfiram-alcohol reaction)",
            indications=("alcohol use disorder (aversive therapy)",),
            usual_dose="250 mg once daily",
            pregnancy=("caution", "safety not established (label)"),
            lactation=("caution", "safety not established (label)"),
            adverse_effects=(
                "hepatotoxicity",
                "optic neuritis",
                "peripheral neuropathy",
                "psychotic reactions",
            ),
            brands=("Antabuse",),
            hepatic={
                "B": "use with caution in cirrhosis (label)",
                "C": "use with caution in hepatic insufficiency (label)",
            },
            contraindications=(
                "alcohol intoxication",
                "metronidazole, paraldehyde or alcohol-containing preparations",
                "severe myocardial disease or coronary occlusion",
                "psychoses",
            ),
            source="Antabuse prescribing information (Teva/Odyssey, 2011)",
        ),
        Drug(
            name="chlordiazepoxide",
            drug_class="benzodiazepine",
            group="benzodiazepine",
            mechanism="Positive allosteric modulator of GABA-A receptors; hepatic oxidation "
            "to long-acting active metabolites (desmethyldiazepam)",
            indications=("acute alcohol withdrawal", "anxiety"),
            usual_dose="25-100 mg every 6 hours on day 1, then tapered (alcohol withdrawal)",
            pregnancy=("avoid", "first-trimester use should be avoided (label)"),
            lactation=("caution", "neonatal sedation"),
            adverse_effects=("sedation", "ataxia", "dependence", "falls"),
            brands=("Librium",),
            substrate={"3A4": "minor"},
            cns_depressant=2,
            hepatic={
                "B": "use with caution: long-acting metabolites accumulate (label)",
                "C": "use with caution: lorazepam or oxazepam preferred (label; ASAM 2020)",
            },
            contraindications=("known hypersensitivity",),
            beers=("avoid", "cognitive impairment, falls, fractures"),
            source="Librium prescribing information (Valeant, 2020); ASAM 2020",
        ),
        Drug(
            name="prazosin",
            drug_class="alpha-1 adrenergic blocker",
            group="alpha_blocker",
            mechanism="Selective alpha-1 adrenoceptor antagonist",
            indications=("hypertension", "PTSD-related nightmares (off-label)"),
            usual_dose="1 mg at bedtime, titrated",
            pregnancy=("caution", "limited human data (label)"),
            lactation=("caution", "excreted in small amounts (label)"),
            adverse_effects=("first-dose syncope", "orthostatic hypotension", "dizziness"),
            brands=("Minipress",),
            beers=("caution", "orthostatic hypotension (AGS 2023: avoid as an antihypertensive)"),
            source="Minipress prescribing information (Pfizer, 2019)",
        ),
        Drug(
            name="rivastigmine",
            drug_class="cholinesterase inhibitor",
            group="cholinesterase_inhibitor",
            mechanism="Pseudo-irreversible acetyl- and butyrylcholinesterase inhibitor; "
            "hydrolysed by cholinesterases, no CYP metabolism",
            indications=("mild to moderate Alzheimer dementia", "Parkinson disease dementia"),
            usual_dose="1.5 mg twice daily, titrated to 6 mg twice daily (or 4.6-13.3 mg/24 h "
            "patch)",
            pregnancy=("caution", "no adequate human data (label)"),
            lactation=("caution", "unknown (label)"),
            adverse_effects=("nausea", "vomiting", "weight loss", "bradycardia"),
            brands=("Exelon",),
            contraindications=("history of application-site reactions with the patch",),
            source="Exelon prescribing information (Novartis, 2018)",
        ),
        Drug(
            name="galantamine",
            drug_class="cholinesterase inhibitor",
            group="cholinesterase_inhibitor",
            mechanism="Reversible acetylcholinesterase inhibitor and nicotinic modulator; "
            "CYP2D6 and CYP3A4 metabolism",
            indications=("mild to moderate Alzheimer dementia",),
            usual_dose="4 mg twice daily, titrated to 8-12 mg twice daily",
            pregnancy=("caution", "no adequate human data (label)"),
            lactation=("caution", "unknown (label)"),
            adverse_effects=("nausea", "bradycardia", "syncope"),
            brands=("Razadyne",),
            substrate={"2D6": "minor", "3A4": "minor"},
            renal=RenalDosing(
                basis="crcl",
                bands=(
                    RenalBand(60.0, _ABOVE, "8-12 mg twice daily", "usual"),
                    RenalBand(9.0, 60.0, "at most 16 mg/day (label)", "reduce"),
                    RenalBand(0.0, 9.0, "not recommended (label)", "avoid"),
                ),
            ),
            hepatic={
                "B": "at most 16 mg/day (label)",
                "C": "not recommended in severe hepatic impairment (label)",
            },
            source="Razadyne prescribing information (Janssen, 2015)",
        ),
    )
}


def monograph(name: str) -> Drug | None:
    """The core formulary's entry for a generic name, else the supplement's, else None."""
    return drugs().get(name) or SUPPLEMENT.get(name)


@cache
def any_interaction(a: str, b: str) -> Interaction | None:
    """The interaction of two drugs: the core table, or derived for a supplement drug by
    the core's mechanism rules (:func:`healthgym.clinical.drugs.derive.derive_pair`)."""
    if a in drugs() and b in drugs():
        return interaction(a, b)
    da, db = monograph(a), monograph(b)
    if da is None or db is None:
        return None
    return derive_pair(da, db)
