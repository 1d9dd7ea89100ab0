"""Diagnostic criteria, general medicine, drug interaction mechanisms and record keeping."""

from __future__ import annotations

from .guidelines import Guide

_C = "clinical_diagnosis"
_Q = "medical_qa"
_I = "drug_interaction"
_E = "ehr_management"

_FDA_DDI = (
    "US FDA. Drug Development and Drug Interactions: Table of Substrates, Inhibitors "
    "and Inducers (accessed 2024); product labels"
)

GUIDES: tuple[Guide, ...] = (
    # ------------------------------------------------------------ clinical_diagnosis
    Guide(
        _C,
        "sepsis-3",
        "Sepsis-3 definitions: sepsis, septic shock and the SOFA score",
        """Sepsis is life-threatening organ dysfunction caused by a dysregulated host
        response to infection; organ dysfunction is an acute rise in the SOFA score of 2
        points or more (baseline assumed 0 without known dysfunction), associated with
        an in-hospital mortality above 10%. Septic shock is sepsis needing vasopressors
        to keep mean arterial pressure at 65 mmHg or more with serum lactate above 2
        mmol/L despite adequate volume resuscitation (mortality above 40%). qSOFA
        (respiratory rate 22/min or more, altered mentation, systolic 100 mmHg or less;
        2 or more positive) flags patients at risk outside the ICU but is not a
        diagnostic criterion, and SIRS is no longer part of the definition.""",
        "Singer M, Deutschman CS, Seymour CW, et al. The Third International Consensus "
        "Definitions for Sepsis and Septic Shock (Sepsis-3). JAMA 2016;315:801-810",
    ),
    Guide(
        _C,
        "kdigo-aki",
        "Acute kidney injury: KDIGO definition and staging",
        """AKI is any of: a rise in serum creatinine of 0.3 mg/dL (26.5 umol/L) or more
        within 48 hours; a rise to 1.5 times baseline or more, known or presumed to have
        occurred within the prior 7 days; or urine output below 0.5 mL/kg/h for 6
        hours. Stage 1: creatinine 1.5-1.9 times baseline or a rise of 0.3 mg/dL or
        more, or urine output below 0.5 mL/kg/h for 6-12 hours. Stage 2: 2.0-2.9 times
        baseline, or below 0.5 mL/kg/h for 12 hours or more. Stage 3: 3.0 times baseline
        or more, creatinine 4.0 mg/dL (353.6 umol/L) or more, start of renal replacement
        therapy, or urine output below 0.3 mL/kg/h for 24 hours or anuria for 12
        hours.""",
        "Kidney Disease: Improving Global Outcomes (KDIGO) Acute Kidney Injury Work "
        "Group. KDIGO Clinical Practice Guideline for Acute Kidney Injury. Kidney Int "
        "Suppl 2012;2:1-138",
    ),
    Guide(
        _C,
        "lights-criteria",
        "Pleural effusion: Light's criteria for exudate versus transudate",
        """A pleural effusion is an exudate if at least one of Light's criteria is met:
        pleural fluid protein / serum protein above 0.5; pleural fluid LDH / serum LDH
        above 0.6; or pleural fluid LDH above two-thirds of the upper limit of normal
        serum LDH. Transudates (heart failure, cirrhosis, nephrotic syndrome) meet none.
        Light's criteria misclassify about 25% of transudates in diuresed heart failure
        as exudates; a serum-minus-pleural albumin gradient above 1.2 g/dL then favours
        a transudate. Exudates include parapneumonic effusion and empyema (pH below
        7.2 or glucose below 60 mg/dL suggests complicated effusion needing drainage),
        malignancy, tuberculosis and pulmonary embolism.""",
        "Light RW, Macgregor MI, Luchsinger PC, Ball WC. Pleural effusions: the "
        "diagnostic separation of transudates and exudates. Ann Intern Med "
        "1972;77:507-513; Roberts ME et al. British Thoracic Society Guideline for "
        "pleural disease. Thorax 2023;78 Suppl 3:s1-s42",
    ),
    Guide(
        _C,
        "duke-endocarditis",
        "Infective endocarditis: modified Duke criteria",
        """Major criteria: blood cultures positive for typical organisms (viridans
        streptococci, Streptococcus gallolyticus, HACEK, Staphylococcus aureus or
        community-acquired enterococci) in two separate cultures, or persistently
        positive cultures, or a single culture for Coxiella burnetii; and imaging
        evidence of endocardial involvement (vegetation, abscess, pseudoaneurysm, new
        valvular regurgitation or prosthetic valve dehiscence on echocardiography, or
        abnormal activity on PET/CT). Minor criteria: a predisposing heart condition or
        injection drug use, fever of 38.0 C or more, vascular phenomena (emboli, septic
        infarcts, mycotic aneurysm, intracranial haemorrhage, Janeway lesions),
        immunological phenomena (glomerulonephritis, Osler nodes, Roth spots,
        rheumatoid factor), and microbiological evidence not meeting a major criterion.

        Definite endocarditis: 2 major, or 1 major and 3 minor, or 5 minor criteria.
        Possible: 1 major and 1 minor, or 3 minor.""",
        "Li JS, Sexton DJ, Mick N, et al. Proposed modifications to the Duke criteria for "
        "the diagnosis of infective endocarditis. Clin Infect Dis 2000;30:633-638; "
        "Fowler VG et al. The 2023 Duke-ISCVID criteria. Clin Infect Dis 2023;77:518-526",
    ),
    Guide(
        _C,
        "anaemia-mcv",
        "Anaemia (anemia) classified by mean corpuscular volume (MCV): microcytic, normocytic, "
        "macrocytic",
        """Microcytic anaemia (MCV below 80 fL): iron deficiency (low ferritin, the most
        common), thalassaemia trait (normal ferritin, high red cell count, Mentzer index
        below 13), anaemia of chronic disease (some cases), sideroblastic anaemia and
        lead poisoning. Normocytic anaemia (MCV 80-100 fL): acute blood loss, anaemia
        of chronic disease or inflammation, chronic kidney disease, haemolysis (raised
        reticulocytes, LDH and bilirubin, low haptoglobin), marrow failure and mixed
        deficiencies. Macrocytic anaemia (MCV above 100 fL): megaloblastic from vitamin
        B12 or folate deficiency, and non-megaloblastic from alcohol, liver disease,
        hypothyroidism, myelodysplasia, reticulocytosis and drugs (methotrexate,
        hydroxyurea, zidovudine).""",
        "World Health Organization. Haemoglobin concentrations for the diagnosis of "
        "anaemia, 2011; Camaschella C. Iron-deficiency anemia. N Engl J Med "
        "2015;372:1832-1843; Stabler SP. Vitamin B12 deficiency. N Engl J Med "
        "2013;368:149-160",
    ),
    Guide(
        _C,
        "acid-base",
        "Acid-base interpretation: anion gap, Winter's formula and compensation rules",
        """Steps: check pH (below 7.35 acidaemia, above 7.45 alkalaemia), identify the
        primary process from PaCO2 and bicarbonate, and check compensation. Metabolic
        acidosis: expected PaCO2 = 1.5 x HCO3 + 8 (plus or minus 2) mmHg (Winter's
        formula); a higher PaCO2 means a coexisting respiratory acidosis. Calculate the
        anion gap = Na - (Cl + HCO3), normal about 8-12 mmol/L (correct upwards by 2.5
        for every 1 g/dL albumin below 4). A raised gap suggests ketoacidosis, lactic
        acidosis, renal failure or toxins (methanol, ethylene glycol, salicylate);
        compare the change in gap with the change in bicarbonate (delta ratio) to find
        a hidden non-gap acidosis or metabolic alkalosis. Metabolic alkalosis: expected
        PaCO2 = 0.7 x HCO3 + 21. Acute respiratory acidosis raises HCO3 by 1 per 10
        mmHg of PaCO2, chronic by about 3.5-4.""",
        "Berend K, de Vries AP, Gans RO. Physiological approach to assessment of acid-base "
        "disturbances. N Engl J Med 2014;371:1434-1445; Albert MS, Dell RB, Winters RW. "
        "Ann Intern Med 1967;66:312-322",
    ),
    Guide(
        _C,
        "hyponatraemia",
        "Hyponatraemia (hyponatremia): diagnostic approach, SIADH criteria and safe correction",
        """First confirm hypotonic hyponatraemia (serum osmolality below 275 mOsm/kg;
        exclude hyperglycaemia and pseudohyponatraemia). Urine osmolality of 100 mOsm/kg
        or less suggests primary polydipsia or low solute intake. Above 100, use urine
        sodium: 30 mmol/L or less suggests low effective arterial volume (vomiting,
        diarrhoea, heart failure, cirrhosis, nephrotic syndrome); above 30 mmol/L
        suggests diuretics, kidney disease, adrenal insufficiency, hypothyroidism or
        SIADH. SIADH criteria: hypotonic hyponatraemia, urine osmolality above 100
        mOsm/kg, urine sodium above 30 mmol/L with normal salt intake, clinical
        euvolaemia, normal thyroid and adrenal function, and no recent diuretics.
        Severe symptoms (vomiting, seizures, reduced consciousness) need 150 mL of 3%
        saline over 20 minutes; limit correction to 10 mmol/L in the first 24 hours to
        avoid osmotic demyelination.""",
        "Spasovski G, Vanholder R, Allolio B, et al. Clinical practice guideline on "
        "diagnosis and treatment of hyponatraemia. Eur J Endocrinol 2014;170:G1-G47",
    ),
    Guide(
        _C,
        "diabetes-diagnosis",
        "Diabetes and prediabetes: diagnostic thresholds (HbA1c, fasting glucose, OGTT)",
        """Diabetes is diagnosed by any of: HbA1c 6.5% (48 mmol/mol) or more; fasting
        plasma glucose 126 mg/dL (7.0 mmol/L) or more; 2-hour glucose 200 mg/dL (11.1
        mmol/L) or more during a 75 g OGTT; or a random glucose of 200 mg/dL or more with
        classic symptoms of hyperglycaemia or hyperglycaemic crisis. Without symptoms,
        confirm with a second abnormal result (the same or another test). Prediabetes:
        HbA1c 5.7-6.4% (39-47 mmol/mol), fasting glucose 100-125 mg/dL (impaired
        fasting glucose) or 2-hour OGTT 140-199 mg/dL (impaired glucose tolerance).
        HbA1c is unreliable with altered red cell turnover (haemoglobinopathy,
        pregnancy, recent transfusion, iron deficiency).""",
        "American Diabetes Association Professional Practice Committee. 2. Diagnosis and "
        "classification of diabetes: Standards of Care in Diabetes-2024. Diabetes Care "
        "2024;47 Suppl 1:S20-S42",
    ),
    Guide(
        _C,
        "heart-failure-natriuretic",
        "Heart failure diagnosis: natriuretic peptide thresholds and ejection fraction classes",
        """Natriuretic peptides help rule out heart failure. Acute setting: BNP below 100
        pg/mL or NT-proBNP below 300 pg/mL makes acute heart failure unlikely.
        Non-acute setting: BNP below 35 pg/mL or NT-proBNP below 125 pg/mL. Levels are
        higher with age, atrial fibrillation and kidney disease and lower in obesity;
        sacubitril/valsartan raises BNP but not NT-proBNP. Echocardiography classifies
        heart failure: reduced ejection fraction (HFrEF) 40% or less, mildly reduced
        (HFmrEF) 41-49%, preserved (HFpEF) 50% or more with structural or functional
        abnormality and raised filling pressures.""",
        "McDonagh TA, Metra M, Adamo M, et al. 2021 ESC Guidelines for the diagnosis and "
        "treatment of acute and chronic heart failure. Eur Heart J 2021;42:3599-3726",
    ),
    Guide(
        _C,
        "csf-meningitis",
        "Cerebrospinal fluid findings in bacterial, viral and tuberculous meningitis",
        """Normal CSF: fewer than 5 white cells/uL, protein 15-45 mg/dL, glucose about
        two-thirds of serum (CSF/serum ratio above 0.6). Bacterial meningitis: raised
        opening pressure, white cells usually 1000-5000/uL with neutrophil
        predominance, protein above 100-500 mg/dL, glucose below 40 mg/dL or CSF/serum
        ratio 0.4 or less; Gram stain and culture. Viral meningitis: white cells below
        about 300/uL, lymphocytes, protein normal or mildly raised, normal glucose.
        Tuberculous or fungal meningitis: lymphocytes, high protein, low glucose.
        Do not delay antibiotics (and dexamethasone) for CT or lumbar puncture in
        suspected bacterial meningitis.""",
        "Tunkel AR, Hartman BJ, Kaplan SL, et al. Practice guidelines for the management "
        "of bacterial meningitis. Clin Infect Dis 2004;39:1267-1284; van de Beek D et al. "
        "ESCMID guideline. Clin Microbiol Infect 2016;22 Suppl 3:S37-S62",
    ),
    Guide(
        _C,
        "pe-diagnostic-pathway",
        "Suspected pulmonary embolism: diagnostic pathway and age-adjusted D-dimer",
        """Assess clinical probability first (Wells or revised Geneva score). Low
        probability: apply the PERC rule; if all eight criteria are negative, no
        testing. Low or intermediate (PE unlikely): measure D-dimer; a normal result
        excludes PE. Use an age-adjusted cut-off above 50 years (age x 10 ug/L, in
        fibrinogen-equivalent units) to reduce false positives. A raised D-dimer, or a
        high clinical probability, leads to CT pulmonary angiography (V/Q scan when CT
        is contraindicated, for example in pregnancy or severe kidney disease). In
        haemodynamically unstable patients, bedside echocardiography showing right
        ventricular dysfunction justifies reperfusion treatment when CT is not
        feasible.""",
        "Konstantinides SV, Meyer G, Becattini C, et al. 2019 ESC Guidelines for the "
        "diagnosis and management of acute pulmonary embolism. Eur Heart J "
        "2020;41:543-603; Righini M et al. ADJUST-PE. JAMA 2014;311:1117-1124",
    ),
    # -------------------------------------------------------------------- medical_qa
    Guide(
        _Q,
        "hypertension-stages",
        "Blood pressure categories and treatment thresholds (ACC/AHA 2017)",
        """Adult blood pressure categories by the average of two or more readings on two
        or more occasions: normal below 120/80 mmHg; elevated 120-129 systolic with
        diastolic below 80; stage 1 hypertension 130-139 systolic or 80-89 diastolic;
        stage 2 hypertension 140 systolic or 90 diastolic or more. Hypertensive crisis
        above 180/120. Start drug treatment in stage 1 when clinical cardiovascular
        disease or a 10-year ASCVD risk of 10% or more is present, and in all stage 2;
        target below 130/80 mmHg. First-line drugs: thiazide diuretics, ACE inhibitors
        or ARBs, and calcium channel blockers; stage 2 usually starts with two agents.""",
        "Whelton PK, Carey RM, Aronow WS, et al. 2017 ACC/AHA guideline for the "
        "prevention, detection, evaluation, and management of high blood pressure in "
        "adults. Hypertension 2018;71:e13-e115",
    ),
    Guide(
        _Q,
        "statin-intensity",
        "Statin therapy: intensity levels and the four statin benefit groups",
        """High-intensity statins lower LDL-C by 50% or more: atorvastatin 40-80 mg,
        rosuvastatin 20-40 mg. Moderate intensity (30-49%): atorvastatin 10-20 mg,
        rosuvastatin 5-10 mg, simvastatin 20-40 mg, pravastatin 40-80 mg. Statin
        benefit groups: clinical ASCVD (high intensity; add ezetimibe if LDL-C stays 70
        mg/dL or more in very high risk); LDL-C 190 mg/dL or more (high intensity);
        diabetes aged 40-75 (at least moderate intensity); and primary prevention aged
        40-75 with LDL-C 70-189 mg/dL guided by 10-year ASCVD risk (7.5% or more:
        moderate intensity after a risk discussion, risk enhancers and coronary artery
        calcium help decide). Check lipids 4-12 weeks after starting.""",
        "Grundy SM, Stone NJ, Bailey AL, et al. 2018 AHA/ACC/Multisociety guideline on "
        "the management of blood cholesterol. Circulation 2019;139:e1082-e1143",
    ),
    Guide(
        _Q,
        "copd-gold",
        "COPD: spirometric diagnosis and GOLD grades and groups",
        """COPD is confirmed by a post-bronchodilator FEV1/FVC below 0.70 in a person with
        symptoms or exposure. Airflow limitation grades (by FEV1 % predicted): GOLD 1
        mild 80% or more; GOLD 2 moderate 50-79%; GOLD 3 severe 30-49%; GOLD 4 very
        severe below 30%. Groups combine symptoms and exacerbations: group A (mMRC 0-1,
        CAT below 10) and B (mMRC 2 or more, CAT 10 or more) with 0-1 moderate
        exacerbations not leading to admission; group E with 2 or more moderate
        exacerbations or 1 or more leading to hospital admission. Initial treatment: a
        bronchodilator for A, LABA plus LAMA for B and E (add an inhaled corticosteroid
        in E if blood eosinophils are 300/uL or more).""",
        "Global Initiative for Chronic Obstructive Lung Disease. Global Strategy for the "
        "Diagnosis, Management, and Prevention of COPD, 2024 Report",
    ),
    Guide(
        _Q,
        "asthma-gina",
        "Asthma treatment steps (GINA): ICS-formoterol reliever and step-up",
        """GINA advises against SABA-only treatment in adults and adolescents. Track 1
        (preferred): as-needed low-dose ICS-formoterol as reliever at steps 1-2; daily
        low-dose ICS-formoterol maintenance and reliever (MART) at step 3; medium-dose
        MART at step 4; at step 5 add a LAMA, refer for phenotyping and consider
        biologic therapy (anti-IgE, anti-IL5/5R, anti-IL4R, anti-TSLP). Track 2: SABA
        reliever with a daily ICS (step 2), ICS-LABA (steps 3-4). Review control,
        inhaler technique and adherence before stepping up; step down after 3 months
        of good control.""",
        "Global Initiative for Asthma. Global Strategy for Asthma Management and "
        "Prevention, 2024 update",
    ),
    Guide(
        _Q,
        "cap-outpatient",
        "Community-acquired pneumonia: outpatient and inpatient empirical antibiotics",
        """Outpatients without comorbidities: amoxicillin 1 g three times daily, or
        doxycycline 100 mg twice daily, or a macrolide (azithromycin or clarithromycin)
        only where pneumococcal macrolide resistance is below 25%. Outpatients with
        comorbidities (chronic heart, lung, liver or renal disease, diabetes,
        alcoholism, malignancy, asplenia): amoxicillin-clavulanate or a cephalosporin
        plus a macrolide or doxycycline, or a respiratory fluoroquinolone
        (levofloxacin, moxifloxacin) alone. Non-severe inpatients: a beta-lactam
        (ceftriaxone, ampicillin-sulbactam) plus a macrolide, or a respiratory
        fluoroquinolone. Add MRSA or Pseudomonas cover only with prior isolation or
        recent hospitalisation with parenteral antibiotics and local risk factors.
        Treat for at least 5 days and until clinically stable.""",
        "Metlay JP, Waterer GW, Long AC, et al. Diagnosis and treatment of adults with "
        "community-acquired pneumonia: an official clinical practice guideline of the "
        "ATS and IDSA. Am J Respir Crit Care Med 2019;200:e45-e67",
    ),
    Guide(
        _Q,
        "uti-cystitis",
        "Uncomplicated cystitis and pyelonephritis in women: antibiotic choice",
        """Acute uncomplicated cystitis: nitrofurantoin 100 mg twice daily for 5 days
        (avoid if creatinine clearance is below 30 mL/min or pyelonephritis is
        suspected), trimethoprim-sulfamethoxazole 160/800 mg twice daily for 3 days
        where local resistance is below 20%, or fosfomycin 3 g as a single dose.
        Fluoroquinolones and beta-lactams are second-line for cystitis. Acute
        pyelonephritis treated as an outpatient: ciprofloxacin 500 mg twice daily for 7
        days or levofloxacin 750 mg daily for 5-7 days when resistance is below 10%
        (otherwise give an initial parenteral dose of ceftriaxone), or
        trimethoprim-sulfamethoxazole for 14 days if the organism is susceptible; take
        a urine culture first.""",
        "Gupta K, Hooton TM, Naber KG, et al. International clinical practice guidelines "
        "for the treatment of acute uncomplicated cystitis and pyelonephritis in women. "
        "Clin Infect Dis 2011;52:e103-e120",
    ),
    Guide(
        _Q,
        "cancer-screening",
        "Cancer screening recommendations (USPSTF): colorectal, breast, cervical, lung",
        """Colorectal cancer: screen adults aged 45-75 (stool tests, colonoscopy every 10
        years, CT colonography or flexible sigmoidoscopy); selectively 76-85. Breast
        cancer: biennial mammography for women aged 40-74 (2024). Cervical cancer:
        cytology every 3 years at 21-29; at 30-65, cytology every 3 years, primary
        high-risk HPV testing every 5 years, or co-testing every 5 years; stop after 65
        with adequate negative screening. Lung cancer: annual low-dose CT for adults
        50-80 with a 20 pack-year smoking history who smoke now or quit within 15
        years. Prostate cancer: individual decision about PSA screening at 55-69.""",
        "US Preventive Services Task Force recommendation statements: colorectal cancer "
        "(JAMA 2021;325:1965), breast cancer (JAMA 2024;331:1918), cervical cancer (JAMA "
        "2018;320:674), lung cancer (JAMA 2021;325:962), prostate cancer (JAMA "
        "2018;319:1901)",
    ),
    Guide(
        _Q,
        "b12-folate",
        "Vitamin B12 and folate deficiency: features and distinguishing tests",
        """Both cause megaloblastic macrocytic anaemia with hypersegmented neutrophils.
        Vitamin B12 deficiency also causes neurological disease (subacute combined
        degeneration of the dorsal columns and corticospinal tracts, peripheral
        neuropathy, cognitive change), which may occur without anaemia. Both raise
        homocysteine; methylmalonic acid is raised in B12 deficiency but normal in
        folate deficiency. Causes of B12 deficiency: pernicious anaemia
        (anti-intrinsic factor antibodies), gastrectomy, ileal disease or resection,
        metformin, proton pump inhibitors and a vegan diet. Giving folate alone to a
        B12-deficient patient can worsen the neurological damage, so replace B12 first
        (intramuscular hydroxocobalamin or cyanocobalamin, or high-dose oral).""",
        "Stabler SP. Vitamin B12 deficiency. N Engl J Med 2013;368:149-160; Devalia V, "
        "Hamilton MS, Molloy AM. Guidelines for the diagnosis and treatment of "
        "cobalamin and folate disorders. Br J Haematol 2014;166:496-513",
    ),
    Guide(
        _Q,
        "af-anticoagulation",
        "Atrial fibrillation: who needs oral anticoagulation and which drug",
        """Oral anticoagulation is recommended for atrial fibrillation with a CHA2DS2-VASc
        score of 2 or more in men or 3 or more in women, and should be considered at 1
        (men) or 2 (women). Direct oral anticoagulants (apixaban, rivaroxaban,
        edoxaban, dabigatran) are preferred to warfarin except with a mechanical heart
        valve or moderate-to-severe mitral stenosis, where warfarin (INR 2-3, or 2.5-3.5
        for some mechanical mitral valves) is used. Bleeding risk (HAS-BLED 3 or more)
        prompts correction of modifiable factors, not withholding anticoagulation.
        Aspirin is not an alternative for stroke prevention.""",
        "Joglar JA et al. 2023 ACC/AHA/ACCP/HRS guideline for the diagnosis and "
        "management of atrial fibrillation. Circulation 2024;149:e1-e156; Hindricks G et "
        "al. 2020 ESC AF guidelines. Eur Heart J 2021;42:373-498",
    ),
    Guide(
        _Q,
        "hepatitis-b-serology",
        "Hepatitis B serology interpretation: HBsAg, anti-HBc and anti-HBs",
        """HBsAg negative, anti-HBc negative, anti-HBs negative: susceptible, vaccinate.
        HBsAg negative, anti-HBc negative, anti-HBs positive (10 mIU/mL or more): immune
        from vaccination. HBsAg negative, anti-HBc positive, anti-HBs positive: immune
        after natural infection. HBsAg positive, anti-HBc positive, IgM anti-HBc
        positive, anti-HBs negative: acute infection. HBsAg positive, anti-HBc positive,
        IgM anti-HBc negative, anti-HBs negative: chronic infection (HBsAg for more
        than 6 months). Isolated anti-HBc positive: resolved infection, a false
        positive, low-level chronic infection or the window period. HBeAg and HBV DNA
        indicate replication and infectivity.""",
        "Centers for Disease Control and Prevention. Interpretation of hepatitis B "
        "serologic test results; Terrault NA et al. AASLD 2018 hepatitis B guidance. "
        "Hepatology 2018;67:1560-1599",
    ),
    # -------------------------------------------------------------- drug_interaction
    Guide(
        _I,
        "cyp3a4",
        "CYP3A4 interactions: strong inhibitors, strong inducers and narrow therapeutic index "
        "substrates",
        """Strong CYP3A4 inhibitors: clarithromycin, itraconazole, ketoconazole,
        posaconazole, voriconazole, ritonavir and cobicistat (boosted HIV and hepatitis
        C regimens, nirmatrelvir/ritonavir), nefazodone and grapefruit juice (variable).
        Moderate inhibitors: erythromycin, diltiazem, verapamil, fluconazole,
        dronedarone, amiodarone (weak to moderate). Strong inducers: rifampicin,
        carbamazepine, phenytoin, phenobarbital, enzalutamide, apalutamide and St John's
        wort.

        Sensitive or narrow-therapeutic-index substrates: tacrolimus, ciclosporin,
        sirolimus and everolimus (toxicity with inhibitors, rejection with inducers;
        monitor levels), simvastatin and lovastatin (contraindicated with strong
        inhibitors: rhabdomyolysis), midazolam and triazolam, colchicine (avoid with
        strong inhibitors in renal or hepatic impairment), ticagrelor, quetiapine,
        fentanyl and oxycodone, and the factor Xa inhibitors apixaban and rivaroxaban
        (avoid with combined strong CYP3A4 and P-gp inhibitors or inducers).""",
        _FDA_DDI,
    ),
    Guide(
        _I,
        "cyp2d6",
        "CYP2D6 interactions: fluoxetine, paroxetine and bupropion with codeine, tramadol, "
        "tamoxifen",
        """Strong CYP2D6 inhibitors: fluoxetine, paroxetine, bupropion, quinidine and
        terbinafine; moderate: duloxetine, sertraline at high doses, mirabegron.
        Prodrugs activated by CYP2D6 lose effect when it is inhibited: codeine
        (morphine) and tramadol (O-desmethyltramadol) give poorer analgesia, and
        tamoxifen forms less endoxifen (avoid strong inhibitors in breast cancer
        treatment). Drugs cleared by CYP2D6 accumulate: metoprolol (bradycardia),
        tricyclic antidepressants, haloperidol, risperidone, aripiprazole (halve the
        dose), atomoxetine, flecainide and propafenone. CYP2D6 ultrarapid metabolisers
        convert codeine to toxic morphine levels.""",
        _FDA_DDI + "; CPIC guidelines for CYP2D6 with codeine and tamoxifen",
    ),
    Guide(
        _I,
        "cyp2c19-ppi",
        "CYP2C19 interactions: clopidogrel with omeprazole, and PPIs with tacrolimus",
        """Clopidogrel is a prodrug activated mainly by CYP2C19. Omeprazole and
        esomeprazole inhibit CYP2C19 and reduce clopidogrel's active metabolite and
        antiplatelet effect; the label advises avoiding them, and pantoprazole (or an H2
        blocker) is preferred when gastroprotection is needed. Other CYP2C19 inhibitors
        include fluconazole, fluvoxamine, fluoxetine, voriconazole and ticlopidine;
        CYP2C19 poor metabolisers have the same reduced response.

        Omeprazole and lansoprazole can raise tacrolimus levels (CYP2C19 and CYP3A4
        inhibition), most in CYP2C19 poor or intermediate metabolisers; monitor
        tacrolimus trough levels when a PPI is started or stopped, or prefer
        pantoprazole or rabeprazole. Citalopram and escitalopram levels (and QT
        prolongation) rise with CYP2C19 inhibitors such as omeprazole and
        cimetidine.""",
        "Clopidogrel (Plavix) prescribing information, boxed warning and drug interactions; "
        "tacrolimus (Prograf) prescribing information, section 7; " + _FDA_DDI,
    ),
    Guide(
        _I,
        "warfarin-interactions",
        "Warfarin interactions: drugs that raise or lower the INR",
        """Warfarin is a racemate: S-warfarin is cleared by CYP2C9, R-warfarin by CYP3A4
        and CYP1A2, and it has a narrow therapeutic index. Drugs that raise the INR and
        bleeding risk: amiodarone (reduce warfarin by about 30-50%), fluconazole,
        metronidazole, trimethoprim-sulfamethoxazole, ciprofloxacin and other
        fluoroquinolones, macrolides, azole antifungals, fenofibrate, and
        acetaminophen at regular high doses. Drugs that lower the INR: rifampicin,
        carbamazepine, phenytoin (may first raise it), phenobarbital and St John's wort,
        and vitamin K-rich foods. Pharmacodynamic bleeding risk rises with antiplatelets,
        NSAIDs and SSRIs without any INR change. Check the INR within 3-7 days of
        starting or stopping an interacting drug.""",
        "Holbrook AM et al. Systematic overview of warfarin and its drug and food "
        "interactions. Arch Intern Med 2005;165:1095-1106; warfarin (Coumadin) prescribing "
        "information; Ageno W et al. Chest 2012;141:e44S-e88S",
    ),
    Guide(
        _I,
        "pgp-digoxin-doac",
        "P-glycoprotein interactions: digoxin, dabigatran and edoxaban with amiodarone, verapamil",
        """P-glycoprotein (P-gp) pumps drugs out of gut cells and into bile and urine. P-gp
        inhibitors (amiodarone, dronedarone, verapamil, diltiazem, quinidine,
        clarithromycin, itraconazole, ketoconazole, ciclosporin, ritonavir,
        ticagrelor, carvedilol) raise levels of P-gp substrates: digoxin (reduce the
        digoxin dose by about 30-50% when starting amiodarone and monitor levels; with
        dronedarone halve it), dabigatran (avoid with dronedarone or ketoconazole;
        dose reduce with verapamil in some labels), edoxaban (30 mg with some
        inhibitors) and colchicine. P-gp inducers (rifampicin, carbamazepine,
        phenytoin, St John's wort) lower these levels and should be avoided with DOACs.""",
        _FDA_DDI + "; digoxin (Lanoxin), dabigatran (Pradaxa) and edoxaban (Savaysa) "
        "prescribing information",
    ),
    Guide(
        _I,
        "qt-prolonging",
        "QT-prolonging drug combinations and torsades de pointes risk factors",
        """Drugs with a known risk of torsades de pointes include class IA and III
        antiarrhythmics (quinidine, procainamide, sotalol, dofetilide, amiodarone),
        antipsychotics (haloperidol especially intravenous, chlorpromazine,
        thioridazine, pimozide; ziprasidone and quetiapine to a lesser degree),
        citalopram and escitalopram, methadone, ondansetron (intravenous), macrolides
        (erythromycin, clarithromycin, azithromycin), fluoroquinolones (moxifloxacin,
        levofloxacin, ciprofloxacin), azole antifungals, chloroquine and
        hydroxychloroquine, domperidone, and donepezil. Combining two or more such
        drugs, or one with a CYP inhibitor that raises its level, adds risk.

        Risk factors: QTc above 500 ms or a rise of more than 60 ms, female sex, age
        over 65, hypokalaemia, hypomagnesaemia, hypocalcaemia, bradycardia, heart
        failure, congenital long QT, and diuretic use. Monitor the ECG and electrolytes,
        and stop the drug when QTc exceeds 500 ms.""",
        "Drew BJ, Ackerman MJ, Funk M, et al. Prevention of torsade de pointes in hospital "
        "settings: a scientific statement from the AHA and ACCF. Circulation "
        "2010;121:1047-1060; CredibleMeds QTdrugs list (AZCERT)",
    ),
    Guide(
        _I,
        "serotonergic-combinations",
        "Serotonergic drug combinations: MAOIs, linezolid, tramadol and washout periods",
        """Serotonin syndrome risk is highest when a monoamine oxidase inhibitor (MAOI:
        phenelzine, tranylcypromine, selegiline, moclobemide, and also linezolid and
        methylene blue) is combined with another serotonergic drug: SSRIs, SNRIs,
        clomipramine and imipramine, tramadol, pethidine (meperidine), fentanyl,
        methadone, dextromethorphan, St John's wort or MDMA; such combinations are
        contraindicated. Allow 2 weeks after stopping an MAOI before starting an SSRI,
        and 5 weeks after stopping fluoxetine before starting an MAOI. Lower-risk
        combinations (two serotonergic antidepressants, SSRI with triptan, lithium,
        ondansetron or buspirone) need counselling and monitoring rather than
        avoidance. When linezolid is essential in a patient on an SSRI, stop the SSRI if
        possible and monitor for 2 weeks.""",
        "Boyer EW, Shannon M. The serotonin syndrome. N Engl J Med 2005;352:1112-1120; FDA "
        "Drug Safety Communications on linezolid and methylene blue with serotonergic "
        "drugs (2011); product labels",
    ),
    Guide(
        _I,
        "hyperkalaemia-combinations",
        "Hyperkalaemia drug combinations: ACE inhibitors, ARBs, spironolactone, trimethoprim",
        """Drugs that raise potassium add up: ACE inhibitors, angiotensin receptor
        blockers, aliskiren and sacubitril/valsartan; mineralocorticoid antagonists
        (spironolactone, eplerenone, finerenone); potassium-sparing diuretics
        (amiloride, triamterene); trimethoprim (including co-trimoxazole) and
        pentamidine; NSAIDs; heparin; calcineurin inhibitors (ciclosporin,
        tacrolimus); and potassium supplements or salt substitutes. The risk is highest
        with reduced eGFR, diabetes, heart failure and older age. Check potassium and
        creatinine within 1 week of starting or up-titrating, and avoid triple
        combinations of an ACE inhibitor, an ARB and a mineralocorticoid antagonist.""",
        "Pitt B et al. RALES. N Engl J Med 1999;341:709-717; Juurlink DN et al. Rates of "
        "hyperkalemia after publication of RALES. N Engl J Med 2004;351:543-551; KDIGO "
        "2024 CKD guideline; product labels",
    ),
    Guide(
        _I,
        "nephrotoxic-combinations",
        "Nephrotoxic combinations: the triple whammy, vancomycin with piperacillin-tazobactam, "
        "NSAIDs with calcineurin inhibitors",
        """The triple whammy, an ACE inhibitor or ARB plus a diuretic plus an NSAID,
        raises the risk of acute kidney injury by about a third, most in the first 30
        days. Other additive nephrotoxic combinations: vancomycin with
        piperacillin-tazobactam (more AKI than vancomycin with cefepime or meropenem),
        aminoglycosides with vancomycin, loop diuretics or amphotericin B, and NSAIDs
        (including ketorolac) with calcineurin inhibitors (tacrolimus, ciclosporin),
        which constrict the afferent arteriole; intravenous contrast adds risk. Avoid
        NSAIDs in transplant recipients on calcineurin inhibitors, and monitor
        creatinine and drug levels when such combinations cannot be avoided.""",
        "Lapi F, Azoulay L, Yin H, et al. Concurrent use of diuretics, ACE inhibitors, "
        "and angiotensin receptor blockers with NSAIDs and risk of acute kidney injury. "
        "BMJ 2013;346:e8525; Luther MK et al. Vancomycin plus piperacillin-tazobactam and "
        "AKI: a meta-analysis. Crit Care Med 2018;46:12-20; tacrolimus prescribing "
        "information",
    ),
    Guide(
        _I,
        "bleeding-cns-combinations",
        "Additive bleeding and CNS depressant combinations: anticoagulants, NSAIDs, SSRIs, "
        "opioids with benzodiazepines",
        """Additive bleeding: an anticoagulant with an antiplatelet, NSAID or SSRI/SNRI
        raises major and gastrointestinal bleeding; use the combination only when
        indicated, for the shortest time (for example limit triple therapy after PCI
        in AF), and give a proton pump inhibitor for gastroprotection. Two
        anticoagulants together are contraindicated except during transitions.

        CNS and respiratory depression: opioids with benzodiazepines carry an FDA boxed
        warning (2016) for profound sedation, respiratory depression, coma and death;
        gabapentin and pregabalin with opioids (FDA 2019), and alcohol, sedating
        antihistamines, Z-drugs or barbiturates add to the risk. Prescribe the lowest
        doses for the shortest time and offer naloxone.""",
        "FDA Drug Safety Communications: opioids with benzodiazepines (2016), "
        "gabapentinoids and respiratory depression (2019); Lamberts M et al. J Am Coll "
        "Cardiol 2014;64:2563 (bleeding with antithrombotics and NSAIDs)",
    ),
    Guide(
        _I,
        "duplicate-therapy",
        "Therapeutic duplication: ACE inhibitor with sacubitril/valsartan, ACE inhibitor with "
        "ARB, two NSAIDs",
        """Duplicate therapy is two drugs of the same class or mechanism given together,
        usually by error. Contraindicated: an ACE inhibitor with sacubitril/valsartan
        (neprilysin inhibition with ACE inhibition causes angioedema; stop the ACE
        inhibitor 36 hours before starting sacubitril/valsartan); an ACE inhibitor with
        an ARB, or either with aliskiren in diabetes or reduced eGFR (ONTARGET:
        hyperkalaemia, AKI and hypotension without benefit). Duplications to flag: two
        NSAIDs (or an NSAID with high-dose aspirin), two SSRIs or an SSRI with an SNRI,
        two fluoroquinolones or other same-class antibiotics, two anticoagulants, two
        statins, and the same drug as brand and generic.""",
        "Sacubitril/valsartan (Entresto) prescribing information; ONTARGET Investigators. "
        "N Engl J Med 2008;358:1547-1559; ISMP list of error-prone conditions "
        "(therapeutic duplication)",
    ),
    Guide(
        _I,
        "statin-interactions",
        "Statin drug interactions: simvastatin dose limits with amlodipine, diltiazem, amiodarone",
        """Simvastatin and lovastatin depend on CYP3A4: they are contraindicated with
        strong CYP3A4 inhibitors (itraconazole, ketoconazole, posaconazole,
        clarithromycin, erythromycin, HIV protease inhibitors, cobicistat), gemfibrozil,
        ciclosporin and danazol. Simvastatin dose limits: 10 mg daily with verapamil,
        diltiazem or dronedarone; 20 mg daily with amiodarone, amlodipine or
        ranolazine. Atorvastatin is limited with clarithromycin and some protease
        inhibitors; rosuvastatin with ciclosporin (5 mg) and gemfibrozil. Pravastatin
        and rosuvastatin have the fewest CYP3A4 interactions. Myopathy risk rises with
        dose, age, hypothyroidism and renal impairment.""",
        "FDA Drug Safety Communication: new restrictions, contraindications, and dose "
        "limitations for Zocor (simvastatin) to reduce the risk of muscle injury (2011); "
        "statin prescribing information",
    ),
    Guide(
        _I,
        "renal-dosing",
        "Renal dose adjustment: metformin, nitrofurantoin, gabapentinoids and other drugs by eGFR",
        """Use the kidney function measure the label uses: Cockcroft-Gault creatinine
        clearance for most drug labels (DOACs, many antibiotics), eGFR for metformin.
        Metformin: do not start at eGFR 30-45 mL/min/1.73 m2; review the benefit and
        reduce the dose when eGFR falls below 45; contraindicated below 30; withhold
        before iodinated contrast when eGFR is 30-60 or in acute kidney injury.
        Nitrofurantoin: avoid below creatinine clearance 30 mL/min (ineffective and
        toxic). Reduce doses of gabapentin and pregabalin (sedation), aciclovir and
        valaciclovir (neurotoxicity), many beta-lactams, low-molecular-weight heparin
        (enoxaparin 1 mg/kg once daily below 30 mL/min), and level-guided
        aminoglycosides and vancomycin. Avoid NSAIDs in moderate to severe chronic
        kidney disease.""",
        "FDA Drug Safety Communication on metformin and kidney function (2016); KDIGO 2024 "
        "Clinical Practice Guideline for the Evaluation and Management of CKD; product "
        "labels (nitrofurantoin, gabapentin, pregabalin, enoxaparin)",
    ),
    Guide(
        _I,
        "doac-dosing",
        "DOAC dose adjustment: apixaban, rivaroxaban, edoxaban and dabigatran dose-reduction "
        "criteria",
        """Atrial fibrillation doses. Apixaban 5 mg twice daily, reduced to 2.5 mg twice
        daily when two of three criteria are met: age 80 years or more, body weight 60
        kg or less, serum creatinine 1.5 mg/dL (133 umol/L) or more. Rivaroxaban 20 mg
        once daily with the evening meal, 15 mg when creatinine clearance is 15-50
        mL/min. Edoxaban 60 mg daily, 30 mg at creatinine clearance 15-50 mL/min, weight
        60 kg or less, or with some P-gp inhibitors (and not used above 95 mL/min in the
        US). Dabigatran 150 mg twice daily; 110 mg twice daily (EU) at age 80 or more or
        with verapamil; avoid below 30 mL/min (EU), 75 mg twice daily at 15-30 mL/min
        (US). Venous thromboembolism uses different regimens, and dose reductions
        outside the label raise stroke risk.""",
        "Apixaban (Eliquis), rivaroxaban (Xarelto), edoxaban (Savaysa/Lixiana) and "
        "dabigatran (Pradaxa) prescribing information; Steffel J et al. 2021 EHRA "
        "Practical Guide on NOACs in AF. Europace 2021;23:1612-1676",
    ),
    Guide(
        _I,
        "allopurinol-thiopurines",
        "Allopurinol or febuxostat with azathioprine or mercaptopurine: xanthine oxidase "
        "interaction",
        """Azathioprine and 6-mercaptopurine are inactivated by xanthine oxidase.
        Allopurinol and febuxostat block this pathway, so thiopurine levels rise and
        cause severe, potentially fatal myelosuppression. Febuxostat with azathioprine
        or mercaptopurine is contraindicated; with allopurinol, reduce the thiopurine
        dose to one-quarter to one-third and monitor blood counts closely. TPMT or
        NUDT15 deficiency also increases myelotoxicity (test before starting).""",
        "Azathioprine (Imuran) and mercaptopurine prescribing information; febuxostat "
        "(Uloric) prescribing information; CPIC guideline for thiopurines and "
        "TPMT/NUDT15 (2018 update)",
    ),
    Guide(
        _I,
        "methotrexate-interactions",
        "Methotrexate interactions: trimethoprim-sulfamethoxazole, NSAIDs and proton pump "
        "inhibitors",
        """Methotrexate toxicity (myelosuppression, mucositis, nephrotoxicity) increases
        with drugs that reduce its renal clearance or add antifolate effects:
        trimethoprim and trimethoprim-sulfamethoxazole (avoid; pancytopenia even with
        low-dose weekly methotrexate), NSAIDs and high-dose aspirin (mainly with
        high-dose methotrexate), proton pump inhibitors (delayed clearance of high-dose
        methotrexate), penicillins and probenecid. Renal impairment and dehydration
        add risk. Low-dose weekly methotrexate should be given with folic acid, and
        dosing errors (daily instead of weekly) are a known cause of fatal toxicity.""",
        "Methotrexate prescribing information, drug interactions; Bourre-Tessier J, Haraoui "
        "B. Methotrexate drug interactions in the treatment of rheumatoid arthritis. J "
        "Rheumatol 2010;37:1416-1421",
    ),
    # ---------------------------------------------------------------- ehr_management
    Guide(
        _E,
        "medication-reconciliation",
        "Medication reconciliation at admission, transfer and discharge",
        """Medication reconciliation compares what the patient actually takes with what
        is ordered at every transition of care. Steps: obtain a best possible
        medication history from at least two sources (patient or carer interview,
        pharmacy and primary care records, medication containers), recording name,
        dose, route, frequency, indication and last dose taken, including
        over-the-counter and herbal products; compare with admission orders; resolve
        and document every discrepancy (intentional changes are recorded with the
        reason, unintentional ones corrected); and give the patient and the next
        provider an accurate list at discharge, stating what was stopped, started or
        changed.""",
        "The Joint Commission National Patient Safety Goal NPSG.03.06.01 (maintain and "
        "communicate accurate patient medication information); WHO High 5s Project, "
        "Standard Operating Protocol: Medication Reconciliation (2014)",
    ),
    Guide(
        _E,
        "do-not-use-abbreviations",
        "Do-not-use abbreviations in medical records and orders",
        """The Joint Commission official do-not-use list: U or u (write unit); IU (write
        international unit); Q.D., QD, q.d., qd and Q.O.D., QOD (write daily and every
        other day); a trailing zero (write 5 mg, never 5.0 mg) and a missing leading
        zero (write 0.5 mg, never .5 mg); MS, MSO4 and MgSO4 (write morphine sulfate or
        magnesium sulfate). Other error-prone abbreviations to avoid include ug (write
        mcg), cc (write mL), > and <, SC or SQ, and drug name abbreviations.""",
        "The Joint Commission. Official 'Do Not Use' List (Information Management "
        "standard IM.02.02.01); ISMP List of Error-Prone Abbreviations, Symbols and Dose "
        "Designations (2021)",
    ),
    Guide(
        _E,
        "critical-results",
        "Critical laboratory results: reporting and documentation",
        """Critical (panic) values are results that signal a life-threatening condition
        and must reach a licensed caregiver who can act, within a defined time (often
        30-60 minutes), with read-back verification and documentation of who was told,
        when and by whom. Each laboratory sets its own list; commonly used adult limits
        include potassium below 2.5-2.8 or above 6.0-6.5 mmol/L, sodium below 120 or
        above 160 mmol/L, glucose below 40-50 or above 450-500 mg/dL, total calcium
        below 6 or above 13 mg/dL, haemoglobin below 6-7 g/dL, platelets below
        20,000-30,000/uL, INR above 4.5-5, and positive blood cultures or CSF Gram
        stain.""",
        "The Joint Commission National Patient Safety Goal NPSG.02.03.01 (report critical "
        "results of tests on a timely basis); Dighe AS et al. Survey of critical value "
        "reporting and reduction of false-positive critical value results. Arch Pathol "
        "Lab Med 2008;132:1666-1671; Wagar EA et al. Arch Pathol Lab Med "
        "2007;131:1769-1775",
    ),
    Guide(
        _E,
        "handoff-ipass",
        "Clinical handoff: I-PASS and SBAR structured communication",
        """I-PASS structures shift handoffs: Illness severity (stable, watcher, unstable),
        Patient summary (events leading to admission, hospital course, ongoing
        assessment and plan), Action list (to-do items with timeline and owner),
        Situation awareness and contingency planning (what might happen and what to
        do), and Synthesis by the receiver (summarise, ask questions, restate key
        actions). Its introduction reduced preventable adverse events by 30%. SBAR
        (Situation, Background, Assessment, Recommendation) structures urgent
        communication, for example a nurse calling a physician about a deteriorating
        patient.""",
        "Starmer AJ, Spector ND, Srivastava R, et al. Changes in medical errors after "
        "implementation of a handoff program. N Engl J Med 2014;371:1803-1812; Institute "
        "for Healthcare Improvement. SBAR Tool: Situation-Background-Assessment-"
        "Recommendation",
    ),
    Guide(
        _E,
        "soap-note",
        "Progress note structure: SOAP (subjective, objective, assessment, plan) and the problem "
        "list",
        """The problem-oriented medical record keeps a maintained problem list and writes
        progress notes per problem in SOAP form: Subjective (symptoms and history in the
        patient's words), Objective (vital signs, examination, laboratory and imaging
        results), Assessment (the clinician's interpretation, diagnosis or differential
        and its status) and Plan (tests, treatment, monitoring, education and
        follow-up). Good notes state the source of each fact, avoid copy-forward of
        outdated information, reconcile contradictions between sections, and date and
        sign every entry. The problem list records active and resolved diagnoses with
        onset dates and codes.""",
        "Weed LL. Medical records that guide and teach. N Engl J Med 1968;278:593-600; "
        "AHIMA. Problem list guidance in the EHR (2011)",
    ),
    Guide(
        _E,
        "icd10-coding",
        "ICD-10-CM coding conventions: specificity, sequencing, code first and 7th characters",
        """Code to the highest level of specificity documented (use all required
        characters; a code is invalid if a required character is missing). The
        principal diagnosis is the condition established after study to be chiefly
        responsible for the admission. Follow instructional notes: code first
        (sequence the underlying condition first), use additional code, code also, and
        Excludes1 (never coded together) versus Excludes2 (not included here, may
        both be coded). Use combination codes when one code fully describes linked
        conditions (for example type 2 diabetes with diabetic chronic kidney disease,
        E11.22, with an additional code for the CKD stage). Injuries take a 7th
        character: A initial encounter, D subsequent encounter, S sequela. Signs and
        symptoms are not coded when a related definitive diagnosis is established;
        uncertain diagnoses (probable, suspected) are coded as if established for
        inpatients but not for outpatients.""",
        "Centers for Medicare & Medicaid Services and NCHS. ICD-10-CM Official Guidelines "
        "for Coding and Reporting, FY 2024",
    ),
    Guide(
        _E,
        "allergy-documentation",
        "Allergy and adverse reaction documentation in the health record",
        """Each allergy entry records the substance (ingredient or drug class, not only a
        brand), the reaction (for example urticaria, angioedema, anaphylaxis, rash,
        nausea), its severity, the type (immune-mediated allergy versus intolerance or
        side effect), the date or age of onset, the criticality (risk of a
        life-threatening reaction) and the verification status (unconfirmed, confirmed,
        refuted). No known drug allergies is recorded explicitly, not left blank.
        Vague labels such as penicillin allergy without a reaction lead to avoidable
        broad-spectrum antibiotic use; low-risk histories should be assessed for
        de-labelling (direct oral amoxicillin challenge).""",
        "HL7 FHIR R4 AllergyIntolerance resource; Khan DA, Banerji A, Blumenthal KG, et al. "
        "Drug allergy: a 2022 practice parameter update. J Allergy Clin Immunol "
        "2022;150:1333-1393",
    ),
    Guide(
        _E,
        "discharge-summary",
        "Discharge summary: required content and timeliness",
        """A discharge summary includes the reason for hospitalisation, significant
        findings, procedures and treatment provided, the patient's condition at
        discharge, patient and family instructions, and the attending physician's
        signature. Good practice adds the principal and secondary diagnoses, a
        reconciled medication list with changes explained, pending test results with
        the person responsible for follow-up, follow-up appointments, and code status.
        It should reach the primary care provider before the first follow-up visit;
        missing pending results and medication changes are the commonest defects.""",
        "The Joint Commission Record of Care standard RC.02.04.01; Kripalani S, LeFevre "
        "F, Phillips CO, et al. Deficits in communication and information transfer "
        "between hospital-based and primary care physicians. JAMA 2007;297:831-841",
    ),
    Guide(
        _E,
        "anticoagulation-monitoring",
        "Anticoagulation monitoring: INR targets, heparin aPTT and anti-Xa ranges",
        """Warfarin INR targets: 2.0-3.0 (target 2.5) for venous thromboembolism, atrial
        fibrillation, bioprosthetic valves and a mechanical aortic valve without risk
        factors; 2.5-3.5 for a mechanical mitral valve or a mechanical aortic valve with
        risk factors. Check the INR every few days when starting, then up to every 4-12
        weeks when stable. Unfractionated heparin infusion: adjust by aPTT (commonly 1.5-
        2.5 times control, calibrated locally) or anti-Xa 0.3-0.7 IU/mL, checked 6
        hours after each change; monitor platelets for heparin-induced
        thrombocytopenia. Low-molecular-weight heparin needs anti-Xa monitoring only in
        renal impairment, pregnancy or extremes of weight (peak 0.5-1.0 IU/mL 4 hours
        after a twice-daily dose).""",
        "Ageno W et al. Oral anticoagulant therapy: ACCP Evidence-Based Clinical Practice "
        "Guidelines (9th ed). Chest 2012;141:e44S-e88S; Garcia DA et al. Parenteral "
        "anticoagulants. Chest 2012;141:e24S-e43S; Otto CM et al. 2020 ACC/AHA valvular "
        "heart disease guideline",
    ),
    Guide(
        _E,
        "vancomycin-aminoglycoside-monitoring",
        "Vancomycin AUC-guided dosing and aminoglycoside level monitoring",
        """Vancomycin for serious MRSA infection: target an AUC24/MIC of 400-600 (assuming
        an MIC of 1 mg/L), estimated from two levels (peak and trough) or with Bayesian
        software, rather than trough-only targets of 15-20 mg/L, which add
        nephrotoxicity without better outcomes. A loading dose of 20-35 mg/kg may be
        used in critical illness. Monitor creatinine at least twice weekly.
        Gentamicin and tobramycin once daily (extended interval): 5-7 mg/kg by weight,
        with a random level 6-14 hours after the dose interpreted on a nomogram (for
        example the Hartford nomogram) to set the interval; for synergy in
        endocarditis, low-dose regimens with trough below 1 mg/L.""",
        "Rybak MJ et al. Therapeutic monitoring of vancomycin for serious MRSA infections: "
        "a revised consensus guideline (ASHP/IDSA/PIDS/SIDP). Am J Health Syst Pharm "
        "2020;77:835-864; Nicolau DP et al. Hartford once-daily aminoglycoside program. "
        "Antimicrob Agents Chemother 1995;39:650-655",
    ),
    Guide(
        _E,
        "drug-levels",
        "Drug level timing and interpretation: digoxin, phenytoin albumin correction, lithium",
        """Draw levels at steady state (after about 4-5 half-lives) and record the time of
        the last dose with the result. Digoxin: draw at least 6-8 hours after a dose;
        0.5-0.9 ng/mL is the target in heart failure; toxicity is more likely with
        hypokalaemia, hypomagnesaemia, renal impairment and P-gp inhibitors. Phenytoin:
        total level 10-20 mg/L; with low albumin the total level underestimates the
        active free drug, so correct it (Sheiner-Tozer: corrected = measured / (0.2 x
        albumin in g/dL + 0.1), using 0.1 x albumin + 0.1 in end-stage renal disease)
        or measure free phenytoin (1-2 mg/L). Lithium: 12 hours after the last dose.
        Valproate: trough 50-100 mg/L (free level in hypoalbuminaemia).""",
        "Sheiner LB, Tozer TN. Clinical pharmacokinetics: the use of plasma concentrations "
        "of drugs. 1978; Yancy CW et al. 2013 ACCF/AHA guideline for the management of "
        "heart failure. Circulation 2013;128:e240-e327; phenytoin and digoxin prescribing "
        "information",
    ),
    Guide(
        _E,
        "inpatient-glucose",
        "Inpatient hyperglycaemia: glucose targets and basal-bolus insulin instead of sliding "
        "scale",
        """For most hospitalised patients, keep glucose at 140-180 mg/dL (7.8-10.0 mmol/L);
        start insulin for persistent glucose of 180 mg/dL or more. Scheduled basal
        insulin with prandial and correction doses (basal-bolus), or basal plus
        correction in patients eating poorly, is preferred; sliding-scale insulin alone
        is discouraged (RABBIT 2 trial: worse control). Reduce insulin when the patient
        is fasting, and treat glucose below 70 mg/dL with a documented hypoglycaemia
        protocol. Check HbA1c on admission if none in the past 3 months.""",
        "American Diabetes Association. 16. Diabetes care in the hospital: Standards of "
        "Care in Diabetes-2024. Diabetes Care 2024;47 Suppl 1:S295-S306; Umpierrez GE et "
        "al. RABBIT 2 trial. Diabetes Care 2007;30:2181-2186",
    ),
    Guide(
        _E,
        "falls-pressure-injury",
        "Nursing risk scores in the record: Morse Fall Scale and Braden Scale",
        """Morse Fall Scale: history of falling (25), secondary diagnosis (15), ambulatory
        aid (furniture 30, crutches, cane or walker 15), intravenous therapy or heparin
        lock (20), gait (impaired 20, weak 10) and mental status (overestimates or
        forgets limitations 15); a total of 45 or more is commonly used as high fall
        risk. Braden Scale for pressure injury: sensory perception, moisture, activity,
        mobility (1-4 each), nutrition (1-4) and friction and shear (1-3), total 6-23;
        lower is riskier: 15-18 at risk (mild), 13-14 moderate, 10-12 high, 9 or less
        very high risk.""",
        "Morse JM, Morse RM, Tylko SJ. Development of a scale to identify the fall-prone "
        "patient. Can J Aging 1989;8:366-377; Bergstrom N, Braden BJ, et al. The Braden "
        "Scale for predicting pressure sore risk. Nurs Res 1987;36:205-210",
    ),
)
