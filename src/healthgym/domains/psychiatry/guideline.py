"""General knowledge the ``psychiatry_guideline`` reference tool prints.

Every text is constant (it never depends on a patient): the published frameworks the
agent weighs its observations against.  Sources are cited in each text.
"""

from __future__ import annotations

SUICIDE_RISK = (
    "Columbia Protocol screen triage (C-SSRS Screen Version; Posner K, et al. Am J Psychiatry "
    "2011;168:1266-1277; Columbia Lighthouse Project): yes to question 4 (some intention of "
    "acting) or 5 (details worked out, intends to carry them out), or suicidal behaviour within "
    "the past 3 months -> high acute risk; yes to question 3 (thought about a method) or "
    "suicidal behaviour more than 3 months ago -> moderate acute risk; yes to question 1 or 2 "
    "only -> low acute risk; no to all -> no risk identified (record as low). In this clinic "
    "the acute risk level is the Columbia triage level. Risk and protective factors (VA/DoD "
    "Clinical Practice Guideline for the Assessment and Management of Patients at Risk for "
    "Suicide, 2019) are documented with it and shape the plan: the Safety Planning "
    "Intervention for moderate or high acute risk, and lethal means safety counselling when "
    "the patient has access to a firearm. High acute risk typically warrants psychiatric "
    "hospitalisation (Rocky Mountain MIRECC Therapeutic Risk Management stratification; "
    "Wortzel HS, et al. J Psychiatr Pract 2014;20:63-67)."
)

DISPOSITION = (
    "Psychiatric admission: high acute suicide risk (VA/DoD 2019; Wortzel 2014); a current "
    "manic episode (APA Practice Guideline for the Treatment of Patients With Bipolar Disorder, "
    "2nd ed., 2002: hospitalise for severe mania, dangerousness or psychosis); a psychotic "
    "illness with danger to others or grave disability (APA Practice Guideline for the "
    "Treatment of Patients With Schizophrenia, 2nd ed., 2004). Medically managed (inpatient) "
    "withdrawal: ongoing drinking with a history of withdrawal seizures or delirium tremens "
    "(ASAM Clinical Practice Guideline on Alcohol Withdrawal Management, 2020). Otherwise "
    "outpatient care."
)

INSTRUMENTS = (
    "PHQ-9 (Kroenke 2001): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, "
    "20-27 severe depressive symptoms; any answer above 0 on item 9 calls for a suicide-risk "
    "assessment. GAD-7 (Spitzer 2006): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe "
    "anxiety; >= 10 screens positive. PCL-5 (Weathers 2013; Bovin 2016): total >= 31-33 "
    "suggests a provisional trauma-related diagnosis; DSM-5 cluster rule: an item rated >= 2 "
    "counts as endorsed, >= 1 of B (items 1-5), >= 1 of C (6-7), >= 2 of D (8-14), >= 2 of E "
    "(15-20). MDQ (Hirschfeld 2000): positive screen needs >= 7 of 13 yes on question 1, yes "
    "on question 2 and moderate or serious problems on question 3. AUDIT (Babor 2001, WHO "
    "zones): 0-7 low risk, 8-15 hazardous, 16-19 harmful, 20-40 possible dependence; AUDIT-C "
    "(Bush 1998; Bradley 2007) positive >= 4 in men, >= 3 in women. CAGE (Ewing 1984): >= 2 "
    "clinically significant. DAST-10 (Skinner 1982): 0 none, 1-2 low, 3-5 moderate, 6-8 "
    "substantial, 9-10 severe level of drug-related problems. MoCA (Nasreddine 2005): 26-30 "
    "normal, < 26 impaired performance (one point added for <= 12 years of education). MMSE "
    "(Folstein 1975; Tombaugh 1992): <= 23 impaired; NICE TA217 bands 21-26 mild, 10-20 "
    "moderate, < 10 severe."
)

SEVERITY = (
    "DSM-5-TR severity specifiers used here: a major depressive episode by the number of "
    "criterion-A symptoms present (5 mild, 6-7 moderate, 8-9 severe; the DSM text: mild = "
    "few if any symptoms beyond those required, severe = substantially in excess); alcohol "
    "use by the number of the 11 criteria present (2-3 mild, 4-5 moderate, >= 6 severe). "
    "Every other condition: not_applicable."
)

GUIDELINES: dict[str, str] = {
    "suicide_risk": SUICIDE_RISK,
    "disposition": DISPOSITION,
    "instruments": INSTRUMENTS,
    "severity_specifiers": SEVERITY,
}
GUIDELINE_TOPICS: tuple[str, ...] = tuple(GUIDELINES)


def guideline_text(topic: str) -> str:
    return GUIDELINES[topic]
