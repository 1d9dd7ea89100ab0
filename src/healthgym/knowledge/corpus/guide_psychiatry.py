"""Psychiatry: screening instruments, DSM-5-TR criteria, suicide risk, drug safety."""

from __future__ import annotations

from .guidelines import Guide

_D = "psychiatry"

GUIDES: tuple[Guide, ...] = (
    Guide(
        _D,
        "phq9",
        "PHQ-9 depression questionnaire: scoring, severity cut-offs and item 9",
        """The Patient Health Questionnaire-9 (PHQ-9) asks about the nine DSM depressive
        symptoms over the last 2 weeks; each item is scored 0 (not at all), 1 (several
        days), 2 (more than half the days) or 3 (nearly every day), total 0-27.

        Severity cut-offs: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately
        severe, 20-27 severe depression. A total of 10 or more detects major depression
        with about 88% sensitivity and 88% specificity. The PHQ-2 (first two items,
        0-6) is a pre-screen: 3 or more warrants the full PHQ-9.

        Item 9 asks about thoughts that you would be better off dead or of hurting
        yourself. Any score above 0 on item 9, whatever the total, calls for a direct
        suicide risk assessment (for example the C-SSRS) before the visit ends. The
        PHQ-9 is a screening and monitoring tool; the diagnosis rests on a clinical
        interview against DSM criteria.""",
        "Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression "
        "severity measure. J Gen Intern Med 2001;16:606-613; Kroenke K et al. Med Care "
        "2003;41:1284-1292 (PHQ-2)",
    ),
    Guide(
        _D,
        "gad7",
        "GAD-7 generalised anxiety scale: scoring and severity cut-offs",
        """The Generalized Anxiety Disorder 7-item scale (GAD-7) rates seven anxiety
        symptoms over the last 2 weeks from 0 (not at all) to 3 (nearly every day), total
        0-21.

        Severity cut-offs: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe anxiety.
        A score of 10 or more is the usual threshold for further evaluation (sensitivity
        89%, specificity 82% for generalised anxiety disorder); it also screens
        reasonably for panic disorder, social anxiety and PTSD. The GAD-2 (first two
        items) with a cut-off of 3 is a brief pre-screen.""",
        "Spitzer RL, Kroenke K, Williams JB, Lowe B. A brief measure for assessing "
        "generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-1097",
    ),
    Guide(
        _D,
        "cssrs",
        "Columbia Suicide Severity Rating Scale (C-SSRS) screener: questions and triage",
        """The C-SSRS screen version asks, for the past month: (1) wish to be dead, (2)
        non-specific active suicidal thoughts, (3) suicidal thoughts with a method but no
        plan or intent, (4) suicidal intent without a specific plan, (5) suicidal intent
        with a specific plan; and (6) any suicidal behaviour (an attempt, an interrupted
        or aborted attempt, or preparatory acts) in the lifetime, asking whether it was
        within the past 3 months. Questions 3-5 are asked only if question 2 is yes.

        Screening triage used with the scale: yes to questions 1-2 only is low risk
        (mental health referral, safety planning); yes to question 3, or suicidal
        behaviour more than 3 months ago, is moderate risk (same-day mental health
        evaluation, safety precautions); yes to question 4 or 5, or suicidal behaviour
        within the past 3 months, is high risk: do not leave the person alone, remove
        means, one-to-one observation and an immediate emergency psychiatric
        evaluation.""",
        "Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating "
        "Scale. Am J Psychiatry 2011;168:1266-1277; Columbia Lighthouse Project, C-SSRS "
        "Screen Version with triage points",
    ),
    Guide(
        _D,
        "suicide-risk-factors",
        "Suicide risk assessment: risk factors, protective factors and safety planning",
        """Risk factors for suicide: a previous suicide attempt (the strongest single
        predictor), current suicidal ideation with plan or intent, hopelessness, a
        depressive, bipolar, psychotic or substance use disorder, alcohol intoxication,
        a family history of suicide, access to firearms or other lethal means, recent
        discharge from psychiatric inpatient care, chronic pain or serious medical
        illness, social isolation, recent loss, male sex and older age, and impulsivity
        or agitation.

        Protective factors include reasons for living, responsibility for children,
        social support, engagement with care and religious or cultural objections to
        suicide; they do not cancel high acute risk.

        Management follows the formulated risk level, not a checklist score: a
        collaborative safety plan (warning signs, internal coping strategies, people
        and places for distraction, people to ask for help, professionals and crisis
        lines, making the environment safe), lethal means counselling, follow-up
        contact after discharge, and emergency evaluation or admission when risk is
        high.""",
        "American Psychiatric Association. Practice guideline for the assessment and "
        "treatment of patients with suicidal behaviors. 2003; Stanley B, Brown GK. Cogn "
        "Behav Pract 2012;19:256-264 (Safety Planning Intervention); The Joint Commission "
        "National Patient Safety Goal NPSG.15.01.01",
    ),
    Guide(
        _D,
        "mdd-criteria",
        "Major depressive disorder: DSM-5-TR diagnostic criteria",
        """Major depressive episode (DSM-5-TR): five or more of the following for at least
        2 weeks, representing a change from previous functioning, with at least one
        being depressed mood or loss of interest or pleasure (anhedonia): depressed
        mood most of the day; markedly diminished interest or pleasure; significant
        weight or appetite change; insomnia or hypersomnia; psychomotor agitation or
        retardation; fatigue or loss of energy; feelings of worthlessness or excessive
        guilt; diminished ability to think or concentrate; recurrent thoughts of death
        or suicidal ideation, plan or attempt.

        The symptoms cause clinically significant distress or impairment and are not
        attributable to a substance or another medical condition. Major depressive
        disorder also requires that the episode is not better explained by a psychotic
        disorder and that there has never been a manic or hypomanic episode (otherwise
        the diagnosis is bipolar disorder). Specifiers include severity, with anxious
        distress, with psychotic features, with peripartum onset and seasonal pattern.""",
        "American Psychiatric Association. Diagnostic and Statistical Manual of Mental "
        "Disorders, Fifth Edition, Text Revision (DSM-5-TR). 2022",
    ),
    Guide(
        _D,
        "gad-criteria",
        "Generalised anxiety disorder: DSM-5-TR diagnostic criteria",
        """Generalised anxiety disorder (DSM-5-TR): excessive anxiety and worry about a
        number of events or activities, occurring more days than not for at least 6
        months, which the person finds difficult to control, with at least three of six
        symptoms (only one in children): restlessness or feeling on edge, being easily
        fatigued, difficulty concentrating or mind going blank, irritability, muscle
        tension, and sleep disturbance. The anxiety causes clinically significant
        distress or impairment, is not due to a substance (including caffeine or
        stimulants) or a medical condition such as hyperthyroidism, and is not better
        explained by another mental disorder.

        First-line treatments are cognitive behavioural therapy and an SSRI or SNRI
        (for example sertraline, escitalopram, duloxetine or venlafaxine);
        benzodiazepines are for short-term use only.""",
        "American Psychiatric Association. DSM-5-TR. 2022; NICE CG113 Generalised anxiety "
        "disorder and panic disorder in adults: management (2011, updated 2020)",
    ),
    Guide(
        _D,
        "bipolar-criteria",
        "Bipolar disorder: manic and hypomanic episode criteria (DSM-5-TR)",
        """Manic episode: a distinct period of abnormally and persistently elevated,
        expansive or irritable mood and increased activity or energy, lasting at least
        1 week and present most of the day (any duration if hospitalisation is needed),
        with three or more of the following (four if the mood is only irritable):
        inflated self-esteem or grandiosity, decreased need for sleep, pressured
        speech, flight of ideas or racing thoughts, distractibility, increased
        goal-directed activity or psychomotor agitation, and risky activities. The
        episode causes marked impairment, needs hospitalisation or has psychotic
        features.

        Hypomanic episode: the same symptoms for at least 4 consecutive days, an
        observable change in functioning, but without marked impairment, psychosis or
        need for admission. Bipolar I disorder requires at least one manic episode;
        bipolar II requires at least one hypomanic and one major depressive episode and
        no manic episode. An antidepressant-emergent manic episode that persists beyond
        the drug's physiological effect counts toward bipolar I.""",
        "American Psychiatric Association. DSM-5-TR. 2022",
    ),
    Guide(
        _D,
        "schizophrenia-criteria",
        "Schizophrenia and other psychotic disorders: DSM-5-TR criteria and durations",
        """Schizophrenia (DSM-5-TR): two or more of delusions, hallucinations,
        disorganised speech, grossly disorganised or catatonic behaviour, and negative
        symptoms (diminished emotional expression or avolition), each present for a
        significant part of 1 month, at least one being delusions, hallucinations or
        disorganised speech; continuous signs of disturbance for at least 6 months
        (including prodromal or residual periods); a decline in work, relations or
        self-care; and exclusion of schizoaffective and mood disorders with psychotic
        features, substances and medical conditions.

        Duration separates the psychotic disorders: brief psychotic disorder lasts at
        least 1 day but less than 1 month with full return to function;
        schizophreniform disorder lasts 1 to 6 months; schizophrenia lasts 6 months or
        more. In schizoaffective disorder a major mood episode coincides with the
        psychotic symptoms, and delusions or hallucinations occur for 2 weeks or more
        without a mood episode.""",
        "American Psychiatric Association. DSM-5-TR. 2022",
    ),
    Guide(
        _D,
        "ptsd",
        "Posttraumatic stress disorder: criteria, PCL-5 screening and treatment",
        """PTSD (DSM-5-TR, adults): exposure to actual or threatened death, serious injury
        or sexual violence (directly, witnessed, learned of in a close person, or
        repeated exposure to aversive details), then at least one intrusion symptom
        (memories, nightmares, flashbacks, distress or physiological reactions to
        cues), at least one avoidance symptom, at least two negative alterations in
        cognition and mood, and at least two alterations in arousal and reactivity
        (irritability, recklessness, hypervigilance, startle, poor concentration,
        sleep disturbance), lasting more than 1 month with distress or impairment.
        Symptoms of 3 days to 1 month after the trauma are acute stress disorder.

        The PCL-5 (20 items, 0-80) screens for and monitors PTSD; a score of about 31-33
        suggests probable PTSD. First-line treatment is trauma-focused psychotherapy
        (cognitive processing therapy, prolonged exposure, EMDR); sertraline,
        paroxetine or venlafaxine are options when psychotherapy is unavailable or not
        wanted. Benzodiazepines are not recommended.""",
        "American Psychiatric Association. DSM-5-TR. 2022; VA/DoD Clinical Practice "
        "Guideline for the Management of PTSD and Acute Stress Disorder, 2023; Weathers "
        "FW et al. PTSD Checklist for DSM-5 (PCL-5), National Center for PTSD 2013",
    ),
    Guide(
        _D,
        "lithium",
        "Lithium: therapeutic serum levels and monitoring schedule",
        """Therapeutic serum lithium, taken 12 hours after the last dose, is usually
        0.6-1.0 mmol/L for maintenance (0.4-0.6 may suffice in older adults; up to
        0.8-1.0 in acute mania). Check levels 1 week after starting and 1 week after
        each dose change until stable, then every 3 months in the first year and every
        6 months after (every 3 months in older adults, with interacting drugs, or with
        impaired renal or thyroid function). Check renal function (eGFR), thyroid
        function and calcium before starting and every 6 months, and weight or BMI.

        Long-term adverse effects include nephrogenic diabetes insipidus (polyuria,
        polydipsia), chronic kidney disease, hypothyroidism, hyperparathyroidism with
        hypercalcaemia, weight gain and tremor. Lithium is teratogenic (Ebstein anomaly)
        and needs specialist planning in pregnancy. Advise patients to keep fluid and
        salt intake steady and to seek review with vomiting, diarrhoea or fever.""",
        "NICE CG185 Bipolar disorder: assessment and management (2014, updated 2023); "
        "lithium carbonate prescribing information",
    ),
    Guide(
        _D,
        "lithium-toxicity",
        "Lithium toxicity (poisoning): signs, precipitants and haemodialysis (EXTRIP)",
        """Lithium toxicity is mild to moderate above about 1.5 mmol/L and severe above 2.5
        mmol/L, although it can occur within the therapeutic range, especially in
        chronic toxicity. Signs: nausea, vomiting and diarrhoea, coarse tremor, ataxia,
        dysarthria, muscle twitching or myoclonus, hyperreflexia, confusion,
        drowsiness, seizures, coma and cardiac conduction changes (bradycardia, QT
        prolongation). Neurological signs lag behind serum levels.

        Precipitants: dehydration, acute kidney injury, a low-salt diet, intercurrent
        illness, and drugs that raise lithium levels (thiazide diuretics, ACE
        inhibitors, angiotensin receptor blockers, NSAIDs, and to a lesser degree loop
        diuretics and metronidazole).

        Management: stop lithium, give intravenous isotonic fluids, avoid nephrotoxins,
        and repeat levels every few hours (sustained-release tablets keep absorbing;
        whole bowel irrigation may help, activated charcoal does not bind lithium).
        Extracorporeal treatment (haemodialysis) is recommended for a level above 4.0
        mmol/L with impaired kidney function, or for decreased consciousness, seizures
        or life-threatening dysrhythmias whatever the level, and suggested above 5.0
        mmol/L, with confusion, or when the level is not expected to fall below 1.0
        mmol/L within 36 hours.""",
        "Decker BS, Goldfarb DS, Dargan PI, et al. Extracorporeal treatment for lithium "
        "poisoning: systematic review and recommendations from the EXTRIP workgroup. Clin J "
        "Am Soc Nephrol 2015;10:875-887; NICE CG185 (2014, updated 2023)",
    ),
    Guide(
        _D,
        "serotonin-syndrome",
        "Serotonin syndrome: Hunter criteria, features and management",
        """Serotonin syndrome follows a serotonergic drug, typically after a new drug, a
        dose increase or a combination (SSRI or SNRI with an MAOI, linezolid, tramadol,
        fentanyl, methylene blue, triptans, lithium or St John's wort), with onset
        usually within 24 hours.

        Hunter criteria (with a serotonergic agent, any one of): spontaneous clonus;
        inducible clonus with agitation or diaphoresis; ocular clonus with agitation or
        diaphoresis; tremor with hyperreflexia; or hypertonia with temperature above 38
        C and ocular or inducible clonus. Other features are mydriasis, tachycardia,
        diarrhoea, hyperactive bowel sounds and agitation; lower-limb signs predominate.

        Management: stop all serotonergic drugs, supportive care, benzodiazepines for
        agitation, and cyproheptadine for moderate cases; severe hyperthermia (above
        41 C) needs sedation, paralysis and intubation. It differs from neuroleptic
        malignant syndrome by rapid onset, clonus and hyperreflexia rather than
        bradyreflexia and lead-pipe rigidity.""",
        "Dunkley EJ, Isbister GK, Sibbritt D, et al. The Hunter Serotonin Toxicity "
        "Criteria. QJM 2003;96:635-642; Boyer EW, Shannon M. The serotonin syndrome. N "
        "Engl J Med 2005;352:1112-1120",
    ),
    Guide(
        _D,
        "nms",
        "Neuroleptic malignant syndrome: diagnostic features and treatment",
        """Neuroleptic malignant syndrome (NMS) is a rare, potentially fatal reaction to
        dopamine antagonists (antipsychotics, also metoclopramide and prochlorperazine)
        or to abrupt withdrawal of dopaminergic drugs. It usually develops over days,
        often in the first 2 weeks of treatment or after a dose increase.

        Core features (international expert consensus): exposure to a dopamine
        antagonist within 72 hours, hyperthermia (above 38 C on at least two
        occasions), generalised rigidity (lead-pipe), altered mental status, a creatine
        kinase at least four times the upper limit, autonomic lability (blood pressure
        rises or swings, tachycardia, diaphoresis, incontinence), tachypnoea, and a
        negative work-up for other causes. Leukocytosis and myoglobinuria with acute
        kidney injury are common.

        Treatment: stop the antipsychotic, supportive care with cooling and intravenous
        fluids, benzodiazepines, and in severe cases dantrolene or bromocriptine;
        electroconvulsive therapy for refractory cases. Rechallenge only after at least
        2 weeks, with a low dose of a lower-potency agent.""",
        "Gurrera RJ et al. An international consensus study of neuroleptic malignant "
        "syndrome diagnostic criteria. J Clin Psychiatry 2011;72:1222-1228; Strawn JR, "
        "Keck PE, Caroff SN. Am J Psychiatry 2007;164:870-876",
    ),
    Guide(
        _D,
        "ciwa-ar",
        "CIWA-Ar alcohol withdrawal scale: items, scoring and symptom-triggered dosing",
        """The Clinical Institute Withdrawal Assessment for Alcohol, revised (CIWA-Ar),
        scores ten items: nausea and vomiting, tremor, paroxysmal sweats, anxiety,
        agitation, tactile disturbances, auditory disturbances, visual disturbances and
        headache (0-7 each), plus orientation and clouding of sensorium (0-4); the
        maximum is 67. Scores below 8-10 indicate minimal withdrawal, 8-15 moderate, and
        16 or more severe withdrawal with a higher risk of seizures and delirium.

        In symptom-triggered treatment the scale is repeated (for example hourly) and a
        benzodiazepine dose is given whenever the score is 8-10 or more; this uses less
        medication than fixed schedules. The scale needs a patient who can communicate;
        it is unreliable in delirium, and other causes of tremor, tachycardia and
        confusion must be excluded.""",
        "Sullivan JT, Sykora K, Schneiderman J, Naranjo CA, Sellers EM. Assessment of "
        "alcohol withdrawal: the revised Clinical Institute Withdrawal Assessment for "
        "Alcohol scale (CIWA-Ar). Br J Addict 1989;84:1353-1357",
    ),
    Guide(
        _D,
        "alcohol-withdrawal",
        "Alcohol withdrawal: timeline to seizures and delirium tremens, treatment setting and "
        "benzodiazepines",
        """Timeline after the last drink: tremor, anxiety, sweating, nausea and
        tachycardia begin at 6-24 hours; alcoholic hallucinosis at 12-48 hours;
        withdrawal seizures at 12-48 hours (generalised, often single); alcohol
        withdrawal delirium (delirium tremens), with confusion, hallucinations,
        autonomic hyperactivity and fever, at 48-96 hours and lasting up to 1 week.

        Setting: mild to moderate withdrawal without risk factors for complicated
        withdrawal (previous seizures or delirium tremens, serious medical or
        psychiatric illness, pregnancy, lack of support) can be managed as an
        outpatient with daily review; severe withdrawal or risk of complications needs
        inpatient care, and delirium tremens often ICU care.

        Benzodiazepines are first-line: long-acting chlordiazepoxide or diazepam are
        preferred; lorazepam or oxazepam are used in severe liver disease or older
        adults. Phenobarbital is an alternative in some settings. Give thiamine (before
        glucose) to prevent Wernicke encephalopathy, and correct magnesium, potassium
        and fluids.""",
        "American Society of Addiction Medicine. The ASAM Clinical Practice Guideline on "
        "Alcohol Withdrawal Management. J Addict Med 2020;14(3S Suppl 1):1-72",
    ),
    Guide(
        _D,
        "audit",
        "AUDIT and AUDIT-C alcohol screening: scoring and risk zones",
        """The Alcohol Use Disorders Identification Test (AUDIT, WHO) has 10 items scored
        0-4, total 0-40: items 1-3 cover consumption, 4-6 dependence symptoms, 7-10
        alcohol-related harm. Risk zones: 0-7 low risk (alcohol education), 8-15
        hazardous drinking (simple advice), 16-19 harmful drinking (brief counselling
        and monitoring), 20-40 possible dependence (referral for diagnostic evaluation
        and treatment). Some services use 7 as the threshold for women and older
        adults.

        The AUDIT-C uses the first three consumption questions (0-12); a score of 4 or
        more in men or 3 or more in women is a positive screen.""",
        "Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use "
        "Disorders Identification Test, 2nd ed. WHO 2001; Bush K et al. Arch Intern Med "
        "1998;158:1789-1795 (AUDIT-C)",
    ),
    Guide(
        _D,
        "aud-pharmacotherapy",
        "Alcohol use disorder pharmacotherapy: naltrexone, acamprosate, disulfiram",
        """Medication for moderate to severe alcohol use disorder is offered alongside
        psychosocial treatment. Naltrexone (50 mg orally daily, or 380 mg intramuscular
        monthly) reduces heavy drinking; it is contraindicated with current opioid use
        or expected opioid need and in acute hepatitis or liver failure. Acamprosate
        (666 mg three times daily) supports abstinence; reduce to 333 mg three times
        daily for creatinine clearance 30-50 mL/min and avoid below 30 mL/min; it is
        suitable in liver disease. Disulfiram is for motivated, supervised patients
        aiming at abstinence and is avoided in cardiovascular disease and psychosis.
        Topiramate and gabapentin are alternatives when first-line drugs fail or are
        unsuitable.""",
        "American Psychiatric Association. Practice Guideline for the Pharmacological "
        "Treatment of Patients With Alcohol Use Disorder. 2018; acamprosate and "
        "naltrexone prescribing information",
    ),
    Guide(
        _D,
        "antidepressant-choice",
        "Depression treatment: first-line antidepressants, trial length and duration",
        """For moderate to severe depression, offer an SSRI (sertraline, escitalopram,
        citalopram, fluoxetine) or evidence-based psychotherapy, or both; combination is
        more effective than either alone for more severe depression. Judge response
        after 4-8 weeks at an adequate dose before switching or augmenting. After
        remission continue the antidepressant for at least 6-12 months (longer after
        recurrent episodes) and taper over weeks to avoid discontinuation symptoms.

        Safety points: antidepressants carry a boxed warning for suicidal thinking in
        people under 25 years, so review early and often; citalopram is limited to 40
        mg daily (20 mg above 60 years) because of QT prolongation; SSRIs raise
        bleeding risk with NSAIDs and anticoagulants and can cause hyponatraemia in
        older adults; switching from or to an MAOI needs a washout (2 weeks, 5 weeks
        after fluoxetine). Screen for bipolarity before starting.""",
        "American Psychiatric Association. Practice guideline for the treatment of "
        "patients with major depressive disorder, 3rd ed. 2010; NICE NG222 Depression "
        "in adults: treatment and management (2022); FDA Drug Safety Communication on "
        "citalopram and QT prolongation, 2011/2012",
    ),
    Guide(
        _D,
        "citalopram-qt",
        "Citalopram and escitalopram: QT prolongation and maximum daily doses",
        """Citalopram prolongs the QT interval in a dose-dependent way. The FDA limits
        citalopram to 40 mg daily, and to 20 mg daily in patients over 60 years, with
        hepatic impairment, in CYP2C19 poor metabolisers or with cimetidine or other
        CYP2C19 inhibitors (such as omeprazole). Escitalopram is limited to 20 mg daily
        (10 mg in older adults in Europe). Avoid both in congenital long QT syndrome,
        bradycardia, recent myocardial infarction or uncompensated heart failure,
        correct hypokalaemia and hypomagnesaemia, take an ECG where there are risk
        factors, and avoid combination with other QT-prolonging drugs. Stop the drug if
        QTc is persistently above 500 ms.""",
        "FDA Drug Safety Communication: revised recommendations for Celexa (citalopram "
        "hydrobromide) related to a potential risk of abnormal heart rhythms with high "
        "doses (2011, revised 2012); citalopram and escitalopram prescribing information",
    ),
    Guide(
        _D,
        "clozapine",
        "Clozapine: indication, neutrophil (ANC) monitoring and serious adverse effects",
        """Clozapine is indicated for treatment-resistant schizophrenia (inadequate
        response to at least two antipsychotics at adequate dose and duration) and
        reduces suicidal behaviour in schizophrenia.

        Neutrophil monitoring (prescribing information): baseline absolute neutrophil
        count (ANC) at least 1500/uL; ANC weekly for the first 6 months, every 2 weeks
        for months 6-12, then monthly. Mild neutropenia (ANC 1000-1499/uL): continue
        with three-times-weekly ANC; moderate (500-999/uL): interrupt and monitor daily;
        severe (below 500/uL): stop clozapine. Benign ethnic neutropenia has its own
        lower thresholds.

        Other serious effects: myocarditis and cardiomyopathy (mostly in the first 4
        weeks; monitor troponin and CRP), severe constipation and ileus, dose-related
        seizures, orthostatic hypotension and syncope on titration, sialorrhoea,
        weight gain and diabetes. Smoking induces CYP1A2 and lowers clozapine levels;
        stopping smoking or adding fluvoxamine or ciprofloxacin raises them.""",
        "Clozapine prescribing information (Clozaril), Novartis/HLS Therapeutics; NICE "
        "CG178 Psychosis and schizophrenia in adults (2014)",
    ),
    Guide(
        _D,
        "antipsychotic-metabolic",
        "Antipsychotic metabolic monitoring: weight, glucose, lipids and blood pressure",
        """Second-generation antipsychotics (especially clozapine and olanzapine) cause
        weight gain, dyslipidaemia and type 2 diabetes. Monitoring schedule: personal
        and family history at baseline; weight (BMI) at baseline, 4, 8 and 12 weeks,
        then quarterly; waist circumference, blood pressure, fasting glucose (or HbA1c)
        and fasting lipids at baseline and 12 weeks, then glucose and blood pressure
        yearly and lipids every 5 years if normal. A gain of 5% or more of body weight
        should prompt a switch or intervention. Also consider prolactin (sexual
        dysfunction, galactorrhoea), ECG (QTc) and movement disorders (extrapyramidal
        symptoms, tardive dyskinesia with the AIMS).""",
        "American Diabetes Association, American Psychiatric Association, AACE, NAASO. "
        "Consensus development conference on antipsychotic drugs and obesity and "
        "diabetes. Diabetes Care 2004;27:596-601",
    ),
    Guide(
        _D,
        "cognitive-screening",
        "Cognitive screening: MoCA and MMSE scores and cut-offs",
        """The Montreal Cognitive Assessment (MoCA) scores 0-30 across visuospatial and
        executive function, naming, memory recall, attention, language, abstraction and
        orientation; add 1 point for 12 years or fewer of formal education. A score of
        26 or more is normal; below 26 suggests mild cognitive impairment or dementia
        (MoCA is more sensitive than the MMSE for mild impairment).

        The Mini-Mental State Examination (MMSE) scores 0-30; 24-30 is usually normal,
        18-23 mild, 10-17 moderate and below 10 severe cognitive impairment; results
        depend on education and language. Neither test diagnoses dementia alone:
        dementia requires decline from a previous level that interferes with
        independence in everyday activities.""",
        "Nasreddine ZS et al. The Montreal Cognitive Assessment, MoCA. J Am Geriatr Soc "
        "2005;53:695-699; Folstein MF, Folstein SE, McHugh PR. Mini-mental state. J "
        "Psychiatr Res 1975;12:189-198",
    ),
    Guide(
        _D,
        "delirium-cam",
        "Delirium: Confusion Assessment Method (CAM) and management",
        """The Confusion Assessment Method (CAM) diagnoses delirium when there is (1) an
        acute onset and fluctuating course and (2) inattention, plus either (3)
        disorganised thinking or (4) an altered level of consciousness. The CAM-ICU
        adapts it for ventilated patients.

        Delirium is a medical emergency: look for the cause (infection, drugs such as
        anticholinergics, benzodiazepines and opioids, alcohol withdrawal, metabolic
        disturbance, hypoxia, urinary retention, constipation, pain). Manage with
        non-drug measures (reorientation, sleep, mobility, glasses and hearing aids,
        family presence); reserve short-term low-dose antipsychotics for severe
        distress or danger, and avoid benzodiazepines except in alcohol or
        benzodiazepine withdrawal.""",
        "Inouye SK et al. Clarifying confusion: the confusion assessment method. Ann "
        "Intern Med 1990;113:941-948; NICE CG103 Delirium: prevention, diagnosis and "
        "management (2010, updated 2023)",
    ),
    Guide(
        _D,
        "opioid-use-disorder",
        "Opioid use disorder: buprenorphine, methadone and the COWS withdrawal scale",
        """Opioid use disorder is treated with opioid agonist therapy, which lowers
        mortality: buprenorphine (sublingual, often with naloxone) or methadone (through
        an opioid treatment programme); extended-release naltrexone is an option after
        full detoxification. Buprenorphine is started when the patient is in
        withdrawal, usually a Clinical Opiate Withdrawal Scale (COWS) score of 8-12 or
        more, to avoid precipitated withdrawal. The COWS has 11 items (0-48): 5-12 mild,
        13-24 moderate, 25-36 moderately severe, above 36 severe withdrawal. Offer
        naloxone for overdose reversal to everyone at risk.""",
        "ASAM National Practice Guideline for the Treatment of Opioid Use Disorder, 2020 "
        "Focused Update. J Addict Med 2020;14(2S):1-91; Wesson DR, Ling W. The Clinical "
        "Opiate Withdrawal Scale (COWS). J Psychoactive Drugs 2003;35:253-259",
    ),
)
