"""Emergency triage and acute multi-step pathways (sepsis, STEMI, stroke, DKA, bleeding)."""

from __future__ import annotations

from .guidelines import Guide

_T = "triage_emergency"
_X = "cross_domain"

_ESI = (
    "Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index (ESI): A Triage "
    "Tool for Emergency Department Care, Version 4. Implementation Handbook 2020 "
    "Edition. Emergency Nurses Association / AHRQ"
)

GUIDES: tuple[Guide, ...] = (
    Guide(
        _T,
        "esi-algorithm",
        "Emergency Severity Index (ESI) algorithm: the four decision points",
        """ESI is a five-level emergency department triage algorithm (1 most urgent).
        Decision point A: does the patient require an immediate life-saving
        intervention? If yes, ESI 1. Decision point B: is this a high-risk situation,
        is the patient confused, lethargic or disoriented, or in severe pain or
        distress? If yes, ESI 2. Decision point C: how many different resources will
        the patient need? None is ESI 5, one is ESI 4, two or more goes to decision
        point D. Decision point D: are the vital signs in the danger zone? If yes,
        consider up-triage to ESI 2; otherwise ESI 3.

        ESI levels 1 and 2 are decided by acuity, levels 3-5 by expected resources.""",
        _ESI,
    ),
    Guide(
        _T,
        "esi-resources",
        "ESI resource definition: what counts as a resource and what does not",
        """Resources count the different types of interventions needed to reach a
        disposition, not individual tests. Each counts once: laboratory tests (blood or
        urine, however many); ECG; plain radiographs; CT, MRI or ultrasound;
        angiography; intravenous fluids (hydration); intravenous, intramuscular or
        nebulised medications; specialty consultation; a simple procedure (1 resource,
        for example laceration repair or urinary catheter); a complex procedure (2
        resources, for example procedural sedation).

        Not resources: history and physical examination (including pelvic), point-of-
        care testing, a saline or heparin lock, oral medications, tetanus immunisation,
        prescription refills, a phone call to the primary care physician, simple wound
        care (dressings, recheck), crutches, splints and slings.""",
        _ESI,
    ),
    Guide(
        _T,
        "esi-danger-zone",
        "ESI danger zone vital signs (decision point D) and fever in infants",
        """Danger zone vital signs, by age: under 3 months, heart rate above 180 or
        respiratory rate above 50; 3 months to 3 years, heart rate above 160 or
        respiratory rate above 40; 3 to 8 years, heart rate above 140 or respiratory
        rate above 30; over 8 years and adults, heart rate above 100 or respiratory
        rate above 20. An oxygen saturation below 92% is in the danger zone at any age.
        A patient who needs two or more resources with danger zone vital signs should
        be considered for ESI 2; the triage nurse decides.

        Fever: infants 1-28 days old with a temperature of 38.0 C or more are at least
        ESI 2; infants 1-3 months with fever should be considered for ESI 2; children
        3-36 months with a temperature above 39.0 C and incomplete immunisations or no
        obvious source may be assigned ESI 3.""",
        _ESI,
    ),
    Guide(
        _T,
        "esi-level-1",
        "ESI level 1: immediate life-saving interventions",
        """A patient is ESI 1 when an immediate life-saving intervention is needed.
        Life-saving interventions: airway and breathing (bag-valve-mask ventilation,
        intubation, surgical airway, emergency CPAP or BiPAP); electrical therapy
        (defibrillation, emergency cardioversion, external pacing); procedures (needle
        chest decompression, pericardiocentesis, open thoracotomy); haemodynamics
        (significant intravenous fluid resuscitation, blood transfusion, control of
        major bleeding); and medications (naloxone, dextrose 50%, dopamine, atropine,
        adenosine). Not life-saving: oxygen by nasal cannula or non-rebreather mask,
        cardiac monitoring, ECG, laboratory tests and a saline lock. Typical ESI 1
        patients are in cardiac or respiratory arrest, intubated, apnoeic, pulseless,
        in severe respiratory distress, SpO2 below 90%, unresponsive (AVPU P or U), or
        hypotensive with signs of hypoperfusion.""",
        _ESI,
    ),
    Guide(
        _T,
        "esi-level-2",
        "ESI level 2: high-risk situations, new confusion, severe pain or distress",
        """ESI 2 patients should not wait: a high-risk situation that the nurse recognises
        from the chief complaint and a brief look (for example chest pain suggesting
        acute coronary syndrome, signs of stroke, suspected ectopic pregnancy with
        haemodynamic stability, a suicidal or homicidal patient, immunocompromised
        patient with fever, severe asthma not in arrest, testicular torsion, sepsis
        criteria, an overdose); new confusion, lethargy or disorientation; or severe
        pain or distress (pain 7/10 or more judged by the nurse, or severe
        psychological distress). ESI 2 is also assigned after decision point D when
        danger zone vital signs are present.""",
        _ESI,
    ),
    Guide(
        _T,
        "start-triage",
        "START triage for mass casualty incidents: walking, breathing, perfusion, mental status",
        """Simple Triage and Rapid Treatment (START) sorts adults in a mass casualty
        incident in under 60 seconds each. Anyone who can walk is green (minor,
        delayed care). Not breathing: reposition the airway; still not breathing is
        black (expectant/dead); breathing after repositioning is red (immediate).
        Respiratory rate above 30/min: red. Perfusion: absent radial pulse or capillary
        refill above 2 seconds: red (control bleeding). Mental status: cannot follow
        simple commands: red. Otherwise yellow (delayed). Only life-saving
        interventions (opening the airway, controlling major bleeding) are done during
        triage.""",
        "Benson M, Koenig KL, Schultz CH. Disaster triage: START, then SAVE. Prehosp "
        "Disaster Med 1996;11:117-124; Super G. START: a triage training module. Hoag "
        "Memorial Hospital 1984",
    ),
    Guide(
        _T,
        "jumpstart",
        "JumpSTART paediatric mass casualty triage",
        """JumpSTART adapts START to children (about 1-8 years). Walking children are
        green. An apnoeic child after airway positioning with a palpable peripheral
        pulse gets five rescue breaths: breathing resumes, red; still apnoeic, black.
        Respiratory rate below 15 or above 45/min: red. No palpable peripheral pulse:
        red. AVPU: inappropriate response to pain (posturing) or unresponsive: red.
        Otherwise yellow.""",
        "Romig LE. Pediatric triage: a system to JumpSTART your triage of young patients "
        "at MCIs. JEMS 2002;27:52-58",
    ),
    Guide(
        _T,
        "salt-triage",
        "SALT mass casualty triage: sort, assess, life-saving interventions, treatment",
        """SALT (Sort, Assess, Life-saving interventions, Treatment/Transport). Global
        sort: ask those who can walk to move to a designated area (assessed last), then
        those who can wave or make a purposeful movement (second), then still patients
        and those with obvious life threats (first). Life-saving interventions: control
        major haemorrhage, open the airway (two rescue breaths in children), needle
        chest decompression and auto-injector antidotes. Individual assessment assigns
        immediate, delayed, minimal, expectant or dead: a patient who obeys commands or
        makes purposeful movements, has a peripheral pulse, is not in respiratory
        distress and has controlled major bleeding is delayed or minimal; otherwise
        immediate, or expectant if unlikely to survive with current resources.""",
        "Lerner EB, Schwartz RB, Coule PL, et al. Mass casualty triage: an evaluation of "
        "the data and development of a proposed national guideline. Disaster Med Public "
        "Health Prep 2008;2 Suppl 1:S25-S34",
    ),
    Guide(
        _T,
        "anaphylaxis",
        "Anaphylaxis: diagnostic criteria and intramuscular adrenaline (epinephrine) dose",
        """Anaphylaxis is highly likely with acute onset (minutes to hours) of skin or
        mucosal involvement (hives, itching, flushing, swollen lips, tongue or uvula)
        plus respiratory compromise or reduced blood pressure or severe
        gastrointestinal symptoms; or acute hypotension, bronchospasm or laryngeal
        involvement after exposure to a known or likely allergen, even without skin
        signs.

        Treatment: intramuscular adrenaline (epinephrine) 0.01 mg/kg of 1 mg/mL (1:1000)
        into the anterolateral thigh, maximum 0.5 mg in adults (0.3 mg in children),
        repeated every 5-15 minutes as needed; lie the patient flat (or sitting if
        breathless), high-flow oxygen, intravenous fluids for hypotension. Antihistamines
        and corticosteroids are adjuncts, not substitutes. Observe for biphasic
        reactions.""",
        "Cardona V et al. World Allergy Organization Anaphylaxis Guidance 2020. World "
        "Allergy Organ J 2020;13:100472; Shaker MS et al. Anaphylaxis: a 2020 practice "
        "parameter update. J Allergy Clin Immunol 2020;145:1082-1123",
    ),
    Guide(
        _T,
        "head-ct-rules",
        "Canadian CT Head Rule for minor head injury",
        """Applies to patients with minor head injury (witnessed loss of consciousness,
        definite amnesia or witnessed disorientation) and GCS 13-15; not to children,
        anticoagulated patients or those with seizures. CT is required with any
        high-risk factor: GCS below 15 at 2 hours after injury, suspected open or
        depressed skull fracture, any sign of basal skull fracture (haemotympanum,
        raccoon eyes, Battle's sign, CSF otorrhoea or rhinorrhoea), two or more
        episodes of vomiting, or age 65 years or older; or a medium-risk factor:
        amnesia before impact of 30 minutes or more, or a dangerous mechanism
        (pedestrian struck, ejected occupant, fall from above 3 feet or five
        stairs).""",
        "Stiell IG, Wells GA, Vandemheen K, et al. The Canadian CT Head Rule for patients "
        "with minor head injury. Lancet 2001;357:1391-1396",
    ),
    Guide(
        _T,
        "cervical-spine-rules",
        "NEXUS and Canadian C-spine rules for cervical spine imaging after trauma",
        """NEXUS: cervical spine imaging is not needed if all five criteria are met: no
        posterior midline cervical tenderness, no focal neurological deficit, normal
        alertness, no intoxication, and no painful distracting injury.

        Canadian C-spine rule (alert, stable adults): image if any high-risk factor (age
        65 or older, dangerous mechanism, paraesthesias in the extremities); if none,
        and a low-risk factor allows safe assessment (simple rear-end collision,
        sitting position in the ED, ambulatory at any time, delayed onset of neck pain,
        no midline tenderness), test active rotation 45 degrees left and right; a
        patient who can rotate needs no imaging.""",
        "Hoffman JR et al. NEXUS. N Engl J Med 2000;343:94-99; Stiell IG et al. The "
        "Canadian C-spine rule for radiography in alert and stable trauma patients. JAMA "
        "2001;286:1841-1848",
    ),
    Guide(
        _T,
        "burns",
        "Burns: rule of nines, Parkland fluid formula and burn centre referral",
        """Total body surface area (TBSA) of partial- and full-thickness burns (not
        superficial erythema) in adults by the rule of nines: head and neck 9%, each
        arm 9%, anterior trunk 18%, posterior trunk 18%, each leg 18%, perineum 1%; the
        patient's palm with fingers is about 1%. Children have a relatively larger head
        (use a Lund-Browder chart).

        Parkland formula: 4 mL x body weight (kg) x %TBSA of lactated Ringer's in the
        first 24 hours from the time of the burn, half in the first 8 hours and half in
        the next 16, titrated to urine output of 0.5 mL/kg/h in adults (1 mL/kg/h in
        children). Refer to a burn centre for partial-thickness burns above 10% TBSA,
        any full-thickness burn, burns of the face, hands, feet, genitalia, perineum or
        major joints, electrical, chemical or inhalation injury, and burns in patients
        with significant comorbidity or associated trauma.""",
        "American Burn Association. Advanced Burn Life Support (ABLS) Provider Manual, "
        "2018; American Burn Association burn center referral criteria",
    ),
    Guide(
        _T,
        "paediatric-assessment-triangle",
        "Paediatric assessment triangle: appearance, work of breathing, circulation",
        """The paediatric assessment triangle is a 30-second look from the doorway.
        Appearance (TICLS: tone, interactiveness, consolability, look or gaze, speech or
        cry); work of breathing (abnormal sounds, abnormal positioning such as tripod or
        sniffing, retractions, nasal flaring, head bobbing); circulation to the skin
        (pallor, mottling, cyanosis). Abnormal appearance alone suggests CNS or
        metabolic dysfunction; abnormal breathing alone, respiratory distress; abnormal
        breathing with abnormal appearance, respiratory failure; abnormal circulation
        with normal appearance, compensated shock; abnormal circulation and appearance,
        decompensated shock; all three abnormal, cardiopulmonary failure.""",
        "Dieckmann RA, Brownstein D, Gausche-Hill M. The pediatric assessment triangle: a "
        "novel approach for the rapid evaluation of children. Pediatr Emerg Care "
        "2010;26:312-315",
    ),
    Guide(
        _T,
        "chest-pain-triage",
        "Acute chest pain in the emergency department: ECG within 10 minutes",
        """Every patient presenting with acute chest pain or an anginal equivalent gets a
        12-lead ECG reviewed by a physician within 10 minutes of arrival to detect STEMI,
        with serial ECGs if the first is non-diagnostic and symptoms persist.
        High-sensitivity cardiac troponin is measured as soon as possible and repeated
        (0/1-hour or 0/2-hour algorithms). High-risk features are haemodynamic
        instability, ongoing pain, arrhythmia, and features of aortic dissection,
        pulmonary embolism or tension pneumothorax. Low-risk patients can be identified
        with a structured pathway (for example the HEART score with troponin).""",
        "Gulati M, Levy PD, Mukherjee D, et al. 2021 AHA/ACC/ASE/CHEST/SAEM/SCCT/SCMR "
        "guideline for the evaluation and diagnosis of chest pain. Circulation "
        "2021;144:e368-e454",
    ),
    # ------------------------------------------------------------------ cross_domain
    Guide(
        _X,
        "sepsis-bundle",
        "Sepsis initial management (Surviving Sepsis 2021): lactate, cultures, antibiotics within "
        "1 hour, 30 mL/kg fluids",
        """Initial management of sepsis and septic shock: measure lactate, and re-measure
        if it is above 2 mmol/L; take blood cultures before antibiotics when this causes
        no meaningful delay; give broad-spectrum antibiotics immediately, ideally
        within 1 hour, for possible septic shock or a high likelihood of sepsis, and
        within 3 hours when sepsis is possible without shock, after rapid assessment
        for other causes; and give at least 30 mL/kg of intravenous balanced
        crystalloid within the first 3 hours for sepsis-induced hypoperfusion
        (hypotension or lactate of 4 mmol/L or more), guided by repeated assessment of
        perfusion and fluid responsiveness. Use capillary refill time and lactate
        clearance to guide resuscitation, and seek and control the source of
        infection.""",
        "Evans L, Rhodes A, Alhazzani W, et al. Surviving Sepsis Campaign: international "
        "guidelines for management of sepsis and septic shock 2021. Crit Care Med "
        "2021;49:e1063-e1143",
    ),
    Guide(
        _X,
        "septic-shock-vasopressors",
        "Septic shock: definition, MAP 65 target, norepinephrine, vasopressin and ICU admission",
        """Septic shock (Sepsis-3) is sepsis with vasopressors needed to keep mean arterial
        pressure at 65 mmHg or more and lactate above 2 mmol/L despite adequate fluid
        resuscitation. Start vasopressors for hypotension persisting during or after
        fluid resuscitation, targeting an initial MAP of 65 mmHg. Norepinephrine is the
        first-line vasopressor and may be started through a peripheral line rather than
        delaying for central access; add vasopressin when norepinephrine reaches
        0.25-0.5 ug/kg/min, and consider adding epinephrine next. Add dobutamine (or
        switch to epinephrine) for cardiac dysfunction with persistent hypoperfusion.
        Give intravenous hydrocortisone 200 mg/day for ongoing vasopressor need.
        Patients needing ICU care should be admitted to the ICU within 6 hours.""",
        "Evans L et al. Surviving Sepsis Campaign 2021. Crit Care Med 2021;49:e1063-e1143; "
        "Singer M et al. Sepsis-3. JAMA 2016;315:801-810",
    ),
    Guide(
        _X,
        "stemi-reperfusion",
        "STEMI reperfusion: primary PCI timing, fibrinolysis and antithrombotic loading",
        """Reperfusion is indicated for STEMI with symptoms for less than 12 hours. Primary
        PCI is preferred: first medical contact to device within 90 minutes at a
        PCI-capable hospital, and within 120 minutes when the patient is transferred.
        If PCI cannot be done within 120 minutes, give fibrinolysis within 30 minutes
        of arrival (door-to-needle) when there is no contraindication, then transfer
        for angiography (rescue PCI if reperfusion fails, otherwise within 2-24 hours).
        Activate the catheterisation laboratory from the prehospital ECG where possible.

        Loading therapy: aspirin 162-325 mg chewed, a P2Y12 inhibitor (ticagrelor or
        prasugrel for PCI, clopidogrel with fibrinolysis), and parenteral
        anticoagulation (unfractionated heparin during PCI). Give high-intensity statin
        early.""",
        "O'Gara PT et al. 2013 ACCF/AHA guideline for the management of ST-elevation "
        "myocardial infarction. Circulation 2013;127:e362-e425; Rao SV et al. 2025 "
        "ACC/AHA/ACEP/NAEMSP/SCAI guideline for acute coronary syndromes. Circulation 2025",
    ),
    Guide(
        _X,
        "fibrinolysis-contraindications",
        "Fibrinolytic therapy in STEMI: absolute and relative contraindications",
        """Absolute contraindications: any prior intracranial haemorrhage; a known
        structural cerebral vascular lesion (arteriovenous malformation) or malignant
        intracranial neoplasm; ischaemic stroke within 3 months (except acute stroke
        within 4.5 hours); suspected aortic dissection; active bleeding or bleeding
        diathesis (excluding menses); significant closed-head or facial trauma within 3
        months; intracranial or intraspinal surgery within 2 months; severe
        uncontrolled hypertension unresponsive to emergency therapy.

        Relative contraindications: chronic severe poorly controlled hypertension;
        systolic above 180 or diastolic above 110 mmHg at presentation; ischaemic
        stroke more than 3 months ago, dementia; traumatic or prolonged CPR (over 10
        minutes); major surgery within 3 weeks; recent internal bleeding (2-4 weeks);
        non-compressible vascular punctures; pregnancy; active peptic ulcer; oral
        anticoagulant therapy.""",
        "O'Gara PT et al. 2013 ACCF/AHA guideline for the management of ST-elevation "
        "myocardial infarction. Circulation 2013;127:e362-e425",
    ),
    Guide(
        _X,
        "stroke-thrombolysis",
        "Acute ischaemic stroke: alteplase or tenecteplase eligibility and exclusion criteria",
        """Intravenous thrombolysis is recommended within 4.5 hours of last known well for
        a disabling deficit, after non-contrast CT excludes haemorrhage; door-to-needle
        within 60 minutes. Blood pressure must be below 185/110 mmHg before treatment
        and kept below 180/105 mmHg for 24 hours after. Alteplase 0.9 mg/kg (maximum 90
        mg), 10% as a bolus over 1 minute and the rest over 60 minutes; tenecteplase
        0.25 mg/kg (maximum 25 mg) as a single bolus is an alternative.

        Exclusion criteria: intracranial haemorrhage on CT or a history of it;
        ischaemic stroke or severe head trauma within 3 months; intracranial or
        intraspinal surgery within 3 months; gastrointestinal bleeding within 21 days or
        GI malignancy; platelets below 100,000/uL, INR above 1.7, aPTT above 40 s or PT
        above 15 s; treatment-dose low-molecular-weight heparin within 24 hours; a
        direct oral anticoagulant within 48 hours unless laboratory tests are normal;
        infective endocarditis; aortic arch dissection; intra-axial intracranial
        neoplasm; blood glucose below 50 mg/dL (correct it and reassess); extensive
        established hypodensity on CT. Do not wait for laboratory results unless a
        coagulopathy is suspected.""",
        "Powers WJ, Rabinstein AA, Ackerson T, et al. Guidelines for the early management "
        "of patients with acute ischemic stroke: 2019 update. Stroke 2019;50:e344-e418",
    ),
    Guide(
        _X,
        "stroke-thrombectomy-bp",
        "Acute ischaemic stroke: mechanical thrombectomy and blood pressure targets",
        """Mechanical thrombectomy is recommended for large-vessel occlusion of the internal
        carotid or proximal middle cerebral artery (M1) within 6 hours of onset with
        pre-stroke mRS 0-1, NIHSS 6 or more and ASPECTS 6 or more, and at 6-24 hours in
        selected patients meeting DAWN or DEFUSE 3 imaging criteria (mismatch between
        clinical deficit or perfusion and infarct core). Give thrombolysis first when
        eligible; do not delay thrombectomy to watch for a response. CT angiography
        should not be delayed by creatinine results.

        Blood pressure: below 185/110 mmHg before thrombolysis and below 180/105 mmHg
        for 24 hours after (labetalol, nicardipine or clevidipine). Without reperfusion
        therapy, permissive hypertension is allowed; lower blood pressure by about 15%
        in the first 24 hours only if it is 220/120 mmHg or more. Keep glucose 140-180
        mg/dL and SpO2 above 94%.""",
        "Powers WJ et al. 2019 update to the 2018 guidelines for the early management of "
        "acute ischemic stroke. Stroke 2019;50:e344-e418",
    ),
    Guide(
        _X,
        "dka-diagnosis",
        "Diabetic ketoacidosis (DKA): diagnostic criteria, severity and resolution criteria",
        """Diagnosis of DKA: plasma glucose 250 mg/dL or more (or known diabetes; DKA can
        be euglycaemic, especially with SGLT2 inhibitors or pregnancy), arterial pH
        below 7.30, serum bicarbonate below 18 mmol/L, positive serum or urine ketones
        (beta-hydroxybutyrate 3.0 mmol/L or more) and an anion gap above 10-12. Severity:
        mild pH 7.25-7.30 and bicarbonate 15-18, alert; moderate pH 7.00-7.24,
        bicarbonate 10-15, drowsy; severe pH below 7.00, bicarbonate below 10, stupor
        or coma.

        DKA is resolved when glucose is below 200 mg/dL and two of the following are
        met: bicarbonate 15 mmol/L or more, venous pH above 7.3, and anion gap 12 or
        less (the 2024 consensus uses pH 7.3 or more, bicarbonate 18 or more and
        beta-hydroxybutyrate below 0.6 mmol/L). Give subcutaneous basal insulin 1-2
        hours before stopping the infusion.""",
        "Kitabchi AE, Umpierrez GE, Miles JM, Fisher JN. Hyperglycemic crises in adult "
        "patients with diabetes. Diabetes Care 2009;32:1335-1343; Umpierrez GE et al. "
        "Hyperglycemic crises in adults with diabetes: a consensus report. Diabetes Care "
        "2024;47:1257-1275",
    ),
    Guide(
        _X,
        "dka-management",
        "Diabetic ketoacidosis treatment: fluids, insulin infusion and potassium replacement",
        """Fluids: 0.9% saline 15-20 mL/kg (1-1.5 L) in the first hour, then by volume
        status and corrected sodium. Potassium: if K is below 3.3 mmol/L, hold insulin
        and replace potassium first; at 3.3-5.2 mmol/L add 20-30 mmol of potassium to
        each litre of fluid to keep 4-5 mmol/L; above 5.2 give none and recheck every 2
        hours. Insulin: regular insulin infusion 0.1 U/kg/h (with or without a 0.1 U/kg
        bolus) or 0.14 U/kg/h without a bolus; when glucose falls to 200 mg/dL add 5%
        dextrose and reduce insulin to 0.02-0.05 U/kg/h, keeping glucose 150-200 mg/dL
        until resolution. Bicarbonate only when pH is below 6.9. Monitor glucose hourly
        and electrolytes every 2-4 hours, and look for the precipitant (infection,
        missed insulin, myocardial infarction).""",
        "Kitabchi AE et al. Hyperglycemic crises in adult patients with diabetes. Diabetes "
        "Care 2009;32:1335-1343; Umpierrez GE et al. Diabetes Care 2024;47:1257-1275",
    ),
    Guide(
        _X,
        "upper-gi-bleeding",
        "Acute upper gastrointestinal bleeding: transfusion threshold, PPI and endoscopy timing",
        """Resuscitate with crystalloid and use a restrictive red cell transfusion
        threshold of haemoglobin 7 g/dL (8 g/dL with cardiovascular disease), unless
        there is massive bleeding. Risk stratify with the Glasgow-Blatchford score; a
        score of 0-1 allows outpatient management. Give high-dose intravenous proton
        pump inhibitor (for example 80 mg bolus then infusion, or intermittent
        equivalent) and erythromycin before endoscopy to clear the stomach; perform
        endoscopy within 24 hours of presentation after resuscitation. After
        endoscopic haemostasis of a high-risk ulcer, continue high-dose PPI for 3 days.

        Suspected variceal bleeding: vasoactive therapy (octreotide or terlipressin)
        started at once, antibiotic prophylaxis (ceftriaxone 1 g daily), and endoscopic
        band ligation within 12 hours; consider pre-emptive TIPS in high-risk
        patients.""",
        "Laine L, Barkun AN, Saltzman JR, et al. ACG Clinical Guideline: upper "
        "gastrointestinal and ulcer bleeding. Am J Gastroenterol 2021;116:899-917; de "
        "Franchis R et al. Baveno VII. J Hepatol 2022;76:959-974",
    ),
    Guide(
        _X,
        "anticoagulant-reversal",
        "Reversal of oral anticoagulants in major bleeding: warfarin, dabigatran, factor Xa "
        "inhibitors",
        """Warfarin with major or life-threatening bleeding: four-factor prothrombin
        complex concentrate (4F-PCC, dosed by INR and weight, about 25-50 units/kg) plus
        vitamin K 5-10 mg by slow intravenous infusion; fresh frozen plasma only if PCC
        is unavailable. Dabigatran: idarucizumab 5 g intravenously (haemodialysis
        removes dabigatran as an alternative). Apixaban or rivaroxaban: andexanet alfa,
        or 4F-PCC 50 units/kg if andexanet is unavailable. Stop the anticoagulant,
        record the time of the last dose, check renal function, and give activated
        charcoal if the last dose was within 2-4 hours. Reassess restarting
        anticoagulation once bleeding is controlled.""",
        "Tomaselli GF, Mahaffey KW, Cuker A, et al. 2020 ACC Expert Consensus Decision "
        "Pathway on management of bleeding in patients on oral anticoagulants. J Am Coll "
        "Cardiol 2020;76:594-622",
    ),
    Guide(
        _X,
        "hyperkalaemia-emergency",
        "Emergency treatment of hyperkalaemia (hyperkalemia): calcium, insulin-glucose, "
        "salbutamol, removal",
        """Severe hyperkalaemia (potassium 6.5 mmol/L or more) or any ECG change is an
        emergency. Stabilise the myocardium: calcium gluconate 10%, 30 mL (or calcium
        chloride 10%, 10 mL) intravenously over 5-10 minutes, repeated if the ECG does
        not improve. Shift potassium into cells: soluble insulin 10 units with 25 g of
        glucose intravenously (monitor for hypoglycaemia for 6 hours), and nebulised
        salbutamol 10-20 mg. Remove potassium: stop potassium-raising drugs (ACE
        inhibitors, ARBs, spironolactone, trimethoprim, NSAIDs), potassium binders
        (sodium zirconium cyclosilicate or patiromer), loop diuretics if volume replete
        and passing urine, and dialysis for refractory hyperkalaemia or kidney
        failure. Sodium bicarbonate is reserved for severe metabolic acidosis.""",
        "UK Kidney Association (Renal Association) Clinical Practice Guideline: Treatment "
        "of acute hyperkalaemia in adults, 2020 (updated 2023)",
    ),
    Guide(
        _X,
        "periprocedural-anticoagulation",
        "Perioperative management of anticoagulants: warfarin, DOAC interruption and bridging",
        """Warfarin: stop 5 days before elective surgery and resume 12-24 hours after
        surgery when haemostasis allows; heparin bridging is not recommended for most
        patients with atrial fibrillation (BRIDGE trial), and is reserved for very high
        thrombotic risk (mechanical mitral valve, recent stroke or VTE within 3 months).

        Direct oral anticoagulants (no bridging): apixaban, rivaroxaban and edoxaban
        are stopped 1 day before a low-to-moderate bleeding-risk procedure and 2 days
        before a high bleeding-risk procedure; dabigatran 1-2 days before
        (low-to-moderate risk) or 2-4 days (high risk), longer when creatinine clearance
        is below 50 mL/min. Resume 1 day after low-risk and 2-3 days after high-risk
        surgery. Neuraxial anaesthesia needs longer intervals.""",
        "Douketis JD, Spyropoulos AC, Murad MH, et al. Perioperative management of "
        "antithrombotic therapy: an American College of Chest Physicians clinical "
        "practice guideline. Chest 2022;162:e207-e243; Douketis JD et al. BRIDGE. N Engl "
        "J Med 2015;373:823-833",
    ),
    Guide(
        _X,
        "haemorrhagic-shock",
        "Traumatic haemorrhagic (hemorrhagic) shock: massive transfusion and tranexamic acid",
        """In major traumatic haemorrhage, control bleeding (direct pressure, tourniquet,
        pelvic binder, surgery or angioembolisation), limit crystalloid, and activate a
        massive transfusion protocol with plasma, platelets and red cells in a balanced
        ratio (about 1:1:1). Give tranexamic acid 1 g intravenously over 10 minutes
        within 3 hours of injury, then 1 g over 8 hours; after 3 hours it is not
        beneficial. Permissive hypotension (systolic about 80-90 mmHg) until bleeding
        is controlled, except in traumatic brain injury. Correct hypothermia,
        acidosis and hypocalcaemia, and monitor coagulation.""",
        "Rossaint R, Afshari A, Bouillon B, et al. The European guideline on management "
        "of major bleeding and coagulopathy following trauma, 6th ed. Crit Care "
        "2023;27:80; CRASH-2 collaborators. Lancet 2010;376:23-32",
    ),
    Guide(
        _X,
        "hypoglycaemia",
        "Hypoglycaemia (hypoglycemia): levels and treatment (15-15 rule, glucagon, intravenous "
        "dextrose)",
        """Level 1 hypoglycaemia is glucose below 70 mg/dL (3.9 mmol/L), level 2 below 54
        mg/dL (3.0 mmol/L), and level 3 a severe event with altered mental or physical
        status needing assistance. A conscious patient takes 15-20 g of fast-acting
        glucose, rechecks after 15 minutes and repeats until normal, then eats. A
        patient who cannot swallow gets glucagon (1 mg intramuscularly or
        subcutaneously, or 3 mg intranasally) or intravenous dextrose (for example 25 g,
        50 mL of 50% or 250 mL of 10%). Sulfonylurea-induced hypoglycaemia recurs and
        needs prolonged monitoring; octreotide can help.""",
        "American Diabetes Association. Standards of Care in Diabetes-2024, section 6 "
        "Glycemic goals and hypoglycemia. Diabetes Care 2024;47 Suppl 1:S111-S125",
    ),
)
