"""Formulary: diuretics, antiarrhythmics, anticoagulants, antiplatelets, nitrates, others.

Sources: US prescribing information of each drug (renal bands: Xarelto, Pradaxa,
Savaysa, Lovenox, Arixtra, Tikosyn, Betapace AF labelling); CYP/P-gp roles per the FDA
Table of Substrates, Inhibitors and Inducers and the Flockhart Table; QT risk per
CredibleMeds; Beers 2023.  Format: see :mod:`healthgym.clinical.drugs.parse`.
"""

DATA = """
hydrochlorothiazide
  aka HCTZ | brands Microzide | class thiazide diuretic | group thiazide
  moa Inhibits the Na-Cl cotransporter in the distal convoluted tubule
  for hypertension, edema | dose 25 mg once daily | qt conditional
  renalnote ineffective as monotherapy when CrCl < 30
  preg caution: not for routine use (volume depletion) | lact compatible: doses <= 50 mg/day
  ci anuria; sulfonamide-derived drug hypersensitivity (labelled) | ae hypokalaemia; hyponatraemia;
    hyperuricaemia; photosensitivity
chlorthalidone
  brands Thalitone | class thiazide-like diuretic | group thiazide
  moa Inhibits the Na-Cl cotransporter; long half-life | for hypertension, edema
  dose 12.5-25 mg once daily | qt conditional | renalnote less effective when CrCl < 30
  preg caution: volume depletion | lact caution: limited data
  ci anuria | ae hypokalaemia; hyponatraemia; hyperuricaemia
furosemide
  brands Lasix | class loop diuretic | group loop_diuretic
  moa Inhibits the Na-K-2Cl cotransporter in the thick ascending limb
  for heart_failure, edema, hypertension, cirrhosis | dose 40 mg once or twice daily
  qt conditional | renalnote higher doses needed in CKD | hepatic C: risk of hepatic encephalopathy
    with electrolyte shifts, start low
  preg caution: use only if clearly needed | lact caution: may suppress lactation
  ci anuria | ae hypokalaemia; hypomagnesaemia; ototoxicity at high doses; volume depletion
torsemide
  brands Soaanz, Demadex | class loop diuretic | group loop_diuretic
  moa Inhibits the Na-K-2Cl cotransporter | for heart_failure, edema, hypertension
  dose 20 mg once daily | cyp m:2C9 | qt conditional
  preg caution: limited data | lact caution: no data | ci anuria
  ae hypokalaemia; dizziness; volume depletion
bumetanide
  brands Bumex | class loop diuretic | group loop_diuretic
  moa Inhibits the Na-K-2Cl cotransporter | for heart_failure, edema
  dose 1 mg once or twice daily | hepatic C: risk of hepatic encephalopathy, start low
  preg caution: limited data | lact caution: no data | ci anuria; hepatic coma
  ae hypokalaemia; ototoxicity; muscle cramps
spironolactone
  brands Aldactone, CaroSpir | class mineralocorticoid receptor antagonist | group mra
  moa Competitively blocks the aldosterone receptor in the collecting duct
  for heart_failure, hypertension, edema, cirrhosis | dose 25 mg once daily | flags k+
  renal egfr >=50: 25 mg once daily; 30-50: 25 mg every other day; <30: avoid
  preg avoid: antiandrogenic effects on the male fetus | lact compatible: canrenone levels low
  ci hyperkalaemia; Addison disease; eplerenone | ae hyperkalaemia; gynaecomastia; renal impairment
eplerenone
  brands Inspra | class mineralocorticoid receptor antagonist | group mra
  moa Selective aldosterone receptor blocker; CYP3A4 substrate
  for heart_failure, hypertension | dose 25-50 mg once daily | cyp S:3A4 | flags k+
  renal crcl >=50: 25-50 mg once daily; 30-50: 25 mg every other day; <30: contraindicated
  preg caution: no human data | lact avoid: no data
  ci potassium > 5.5 mmol/L; CrCl <= 30; strong CYP3A4 inhibitors; potassium supplements or
    potassium-sparing diuretics (hypertension)
  ae hyperkalaemia; raised creatinine; dizziness
amiloride
  brands Midamor | salts hydrochloride | class potassium-sparing diuretic | group k_sparing
  moa Blocks the epithelial sodium channel (ENaC) in the collecting duct
  for hypertension, edema | dose 5 mg once daily | flags k+
  renal crcl >=50: 5-10 mg once daily; <50: avoid
  preg caution: limited data | lact avoid: no data
  ci hyperkalaemia; potassium supplements; other potassium-conserving drugs; anuria; acute or
    chronic renal insufficiency
  ae hyperkalaemia; nausea; headache
triamterene
  brands Dyrenium, Maxzide (with HCTZ) | class potassium-sparing diuretic | group k_sparing
  moa Blocks the epithelial sodium channel (ENaC) in the collecting duct
  for hypertension, edema | dose 50 mg once daily (with hydrochlorothiazide) | flags k+
  renal crcl >=30: 37.5-75 mg once daily (combination products); <30: avoid
  preg caution: folate antagonist, limited data | lact avoid: no data
  ci hyperkalaemia; potassium supplements; other potassium-sparing drugs; severe renal impairment
  ae hyperkalaemia; kidney stones; photosensitivity
amiodarone
  brands Pacerone, Cordarone | salts hydrochloride | class class III antiarrhythmic
  group antiarrhythmic | moa Blocks potassium channels (and sodium, calcium, beta receptors)
  for atrial_fibrillation | dose 200 mg once daily (maintenance)
  cyp m:3A4 m:2C8 i:3A4 i:2C9 w:2D6 i:Pgp | qt known
  preg avoid: fetal thyroid toxicity and bradycardia | lact avoid: high milk levels
  ci sinus node dysfunction or AV block without a pacemaker; cardiogenic shock; iodine allergy
  ae pulmonary fibrosis; thyroid dysfunction; hepatotoxicity; corneal deposits; bradycardia
  beers caution: avoid as first-line for atrial fibrillation unless heart failure or LV hypertrophy
dronedarone
  brands Multaq | salts hydrochloride | class class III antiarrhythmic | group antiarrhythmic
  moa Multichannel blocker related to amiodarone (no iodine)
  for atrial_fibrillation | dose 400 mg twice daily with meals
  cyp S:3A4 i:3A4 w:2D6 i:Pgp | qt known | hepatic C: contraindicated in severe impairment
  preg contraindicated: fetal harm in animals | lact avoid: not advised
  ci permanent AF; NYHA IV or recently decompensated heart failure; strong CYP3A4 inhibitors;
    QT-prolonging drugs; QTc >= 500 ms; severe hepatic impairment
  ae worsening heart failure; hepatotoxicity; bradycardia; raised creatinine
  beers caution: avoid in permanent AF or severe/decompensated heart failure
sotalol
  brands Betapace, Sotylize | salts hydrochloride | class class III antiarrhythmic (beta-blocker)
  group antiarrhythmic | moa Blocks potassium channels (IKr) and beta receptors
  for atrial_fibrillation | dose 80 mg twice daily | qt known
  renal crcl >=60: 80 mg every 12 hours; 40-60: 80 mg every 24 hours; <40: contraindicated (for AF)
  preg caution: limited data | lact avoid: high milk levels
  ci baseline QTc > 450 ms; CrCl < 40 (AF); asthma; bradycardia; heart block
  ae torsades de pointes; bradycardia; fatigue
dofetilide
  brands Tikosyn | class class III antiarrhythmic | group antiarrhythmic
  moa Selective IKr potassium-channel blocker; renal cation secretion | for atrial_fibrillation
  dose 500 micrograms twice daily | cyp m:3A4 | qt known
  renal crcl >=60: 500 micrograms twice daily; 40-60: 250 micrograms twice daily; 20-40:
    125 micrograms twice daily; <20: contraindicated
  preg caution: animal teratogenicity | lact avoid: not advised
  ci QTc > 440 ms; CrCl < 20; verapamil; cimetidine; trimethoprim; ketoconazole;
    hydrochlorothiazide; dolutegravir; prochlorperazine; megestrol
  ae torsades de pointes; headache; dizziness
flecainide
  brands Tambocor | salts acetate | class class IC antiarrhythmic | group antiarrhythmic
  moa Blocks fast sodium channels, slowing conduction | for atrial_fibrillation
  dose 50-100 mg twice daily | cyp s:2D6 m:1A2 | qt possible
  renal crcl >=35: 50-150 mg twice daily; <35: start 100 mg once daily or 50 mg twice daily
  preg caution: limited data | lact caution: excreted in milk
  ci structural heart disease or prior myocardial infarction (CAST); cardiogenic shock; heart block
  ae dizziness; visual disturbance; proarrhythmia
propafenone
  brands Rythmol | salts hydrochloride | class class IC antiarrhythmic | group antiarrhythmic
  moa Blocks sodium channels with weak beta-blockade | for atrial_fibrillation
  dose 150 mg three times daily | cyp s:2D6 m:3A4 m:1A2 w:2D6 i:Pgp | qt possible
  hepatic B: give 20-30% of the usual dose
  preg caution: limited data | lact caution: limited data
  ci structural heart disease; bronchospasm; bradycardia; Brugada syndrome
  ae dizziness; taste disturbance; proarrhythmia
digoxin
  brands Lanoxin | class cardiac glycoside | group cardiac_glycoside
  moa Inhibits Na/K-ATPase (positive inotrope) and slows AV-node conduction
  for heart_failure, atrial_fibrillation | dose 0.125 mg once daily | cyp S:Pgp
  renalnote renally cleared: reduce the maintenance dose in proportion to CrCl and follow levels
  preg caution: used when needed | lact compatible: low levels
  ci ventricular fibrillation | ae nausea; visual changes; arrhythmias (toxicity worse with low K)
  beers caution: avoid as first-line for AF or HF, and doses > 0.125 mg/day
warfarin
  brands Coumadin, Jantoven | salts sodium | class vitamin K antagonist | group oral_anticoagulant
  moa Inhibits vitamin K epoxide reductase, lowering factors II, VII, IX and X
  for atrial_fibrillation, venous_thromboembolism | dose dose-adjusted to INR 2-3 (about 5 mg daily)
  cyp s:2C9 m:3A4 m:1A2 | flags bleed=3 | hepatic B: increased response, dose by INR
  preg contraindicated: embryopathy (except some mechanical valves) | lact compatible: not in milk
  ci active major bleeding; pregnancy (non-valve indications) | ae bleeding; skin necrosis
  beers caution: avoid starting as first-line for AF or VTE unless DOACs are contraindicated
apixaban
  brands Eliquis | class direct factor Xa inhibitor | group oral_anticoagulant
  moa Directly inhibits free and clot-bound factor Xa
  for atrial_fibrillation, venous_thromboembolism | dose 5 mg twice daily | cyp m:3A4 m:Pgp
  flags bleed=3 | renalnote AF dose 2.5 mg twice daily if two of: age >= 80, weight <= 60 kg,
    creatinine >= 1.5 mg/dL
  hepatic B: use with caution; C: not recommended
  preg avoid: limited data, bleeding risk | lact avoid: not advised
  ci active pathological bleeding | ae bleeding; anaemia
rivaroxaban
  brands Xarelto | class direct factor Xa inhibitor | group oral_anticoagulant
  moa Directly inhibits factor Xa | for atrial_fibrillation, venous_thromboembolism
  dose 20 mg once daily with the evening meal | cyp s:3A4 m:Pgp | flags bleed=3
  renal crcl >=50: 20 mg once daily with the evening meal; 15-50: 15 mg once daily with the
    evening meal; <15: avoid
  hepatic B: avoid in moderate or severe hepatic impairment
  preg avoid: bleeding risk, limited data | lact avoid: not advised
  ci active pathological bleeding | ae bleeding
  beers caution: avoid for long-term AF or VTE treatment in favour of safer anticoagulants
dabigatran
  brands Pradaxa | salts etexilate mesylate | class direct thrombin inhibitor
  group oral_anticoagulant | moa Prodrug; directly inhibits thrombin (factor IIa)
  for atrial_fibrillation, venous_thromboembolism | dose 150 mg twice daily | cyp S:Pgp
  flags bleed=3 | renal crcl >=30: 150 mg twice daily; 15-30: 75 mg twice daily; <15: avoid
  preg avoid: limited data | lact avoid: not advised
  ci active bleeding; mechanical heart valves | ae dyspepsia; bleeding
  beers caution: more GI bleeding than warfarin in adults >= 75
edoxaban
  brands Savaysa | salts tosylate | class direct factor Xa inhibitor | group oral_anticoagulant
  moa Directly inhibits factor Xa | for atrial_fibrillation, venous_thromboembolism
  dose 60 mg once daily | cyp m:Pgp | flags bleed=3
  renal crcl >=95: avoid (reduced efficacy in AF); 50-95: 60 mg once daily; 15-50: 30 mg once
    daily; <15: not recommended
  hepatic B: not recommended in moderate or severe hepatic impairment
  preg avoid: limited data | lact avoid: not advised | ci active bleeding | ae bleeding; anaemia
enoxaparin
  brands Lovenox | salts sodium | class low-molecular-weight heparin
  group parenteral_anticoagulant | moa Potentiates antithrombin against factor Xa > IIa
  for venous_thromboembolism | dose 1 mg/kg subcutaneously every 12 hours (treatment)
  flags bleed=3 k+ | allergy heparin
  renal crcl >=30: 1 mg/kg every 12 hours; <30: 1 mg/kg once daily
  preg compatible: does not cross the placenta | lact compatible: not orally absorbed
  ci heparin-induced thrombocytopenia history; active major bleeding
  ae bleeding; thrombocytopenia; hyperkalaemia
heparin
  brands Hep-Lock | salts sodium | class unfractionated heparin | group parenteral_anticoagulant
  moa Potentiates antithrombin against thrombin and factor Xa
  for venous_thromboembolism | dose weight-based IV infusion adjusted by aPTT or anti-Xa
  flags bleed=3 k+ inpatient | allergy heparin
  preg compatible: does not cross the placenta | lact compatible: not orally absorbed
  ci heparin-induced thrombocytopenia; uncontrolled bleeding | ae bleeding; HIT; hyperkalaemia
fondaparinux
  brands Arixtra | salts sodium | class synthetic factor Xa inhibitor (pentasaccharide)
  group parenteral_anticoagulant | moa Antithrombin-mediated selective factor Xa inhibition
  for venous_thromboembolism | dose 7.5 mg subcutaneously once daily (50-100 kg) | flags bleed=3
  renal crcl >=50: 7.5 mg once daily (50-100 kg); 30-50: use with caution, consider 50%
    dose reduction; <30: contraindicated
  preg caution: use when heparins cannot be used | lact caution: no data
  ci CrCl < 30; body weight < 50 kg (prophylaxis); active major bleeding | ae bleeding; anaemia
aspirin
  aka acetylsalicylic acid, ASA | brands Bayer, Ecotrin | class antiplatelet (irreversible COX-1
    inhibitor) | group aspirin
  moa Acetylates platelet COX-1, blocking thromboxane A2 for the platelet lifespan
  for coronary_artery_disease, stable_angina | dose 81 mg once daily | flags bleed=2 | allergy nsaid
  preg caution: low dose recommended for preeclampsia prevention, avoid analgesic doses
  lact caution: low dose acceptable | ci aspirin/NSAID-exacerbated respiratory disease; children
    with viral illness (Reye syndrome); active bleeding
  ae GI bleeding; dyspepsia | beers caution: avoid for primary prevention of cardiovascular disease
clopidogrel
  brands Plavix | salts bisulfate | class P2Y12 inhibitor (thienopyridine) | group p2y12
  moa Prodrug activated mainly by CYP2C19; irreversibly blocks the platelet P2Y12 receptor
  for coronary_artery_disease | dose 75 mg once daily | cyp P:2C19 m:3A4 i:2C8 | flags bleed=2
  preg caution: limited data | lact avoid: no data
  ci active pathological bleeding | ae bleeding; TTP (rare); rash
prasugrel
  brands Effient | salts hydrochloride | class P2Y12 inhibitor (thienopyridine) | group p2y12
  moa Prodrug; irreversibly blocks the platelet P2Y12 receptor | for coronary_artery_disease
  dose 10 mg once daily | cyp m:3A4 m:2B6 | flags bleed=2
  preg caution: limited data | lact avoid: no data
  ci prior stroke or TIA; active bleeding | ae bleeding
  beers caution: age >= 75 (bleeding), not recommended except high-risk patients
ticagrelor
  brands Brilinta | class P2Y12 inhibitor (cyclopentyltriazolopyrimidine) | group p2y12
  moa Reversibly blocks the platelet P2Y12 receptor | for coronary_artery_disease
  dose 90 mg twice daily | cyp S:3A4 w:3A4 w:Pgp | flags bleed=2
  hepatic C: avoid in severe hepatic impairment
  preg caution: limited data | lact avoid: no data
  ci history of intracranial haemorrhage; active bleeding; severe hepatic impairment
  ae dyspnoea; bleeding; bradyarrhythmia
nitroglycerin
  aka glyceryl trinitrate, GTN | brands Nitrostat, Nitro-Dur | class organic nitrate
  group nitrate | moa Releases nitric oxide, relaxing venous and arterial smooth muscle
  for stable_angina, coronary_artery_disease | dose 0.4 mg sublingually as needed for chest pain
  preg caution: use if clearly needed | lact caution: no data
  ci PDE-5 inhibitors; riociguat; severe anaemia | ae headache; hypotension; reflex tachycardia
isosorbide mononitrate
  aka ISMN | brands Imdur | class organic nitrate | group nitrate
  moa Nitric oxide donor; long-acting | for stable_angina, coronary_artery_disease
  dose 30-60 mg once daily in the morning (extended release)
  preg caution: limited data | lact caution: no data
  ci PDE-5 inhibitors; riociguat | ae headache; hypotension; dizziness
isosorbide dinitrate
  aka ISDN | brands Isordil, BiDil (with hydralazine) | class organic nitrate | group nitrate
  moa Nitric oxide donor | for stable_angina, heart_failure | dose 20 mg three times daily
  preg caution: limited data | lact caution: no data
  ci PDE-5 inhibitors; riociguat | ae headache; hypotension
hydralazine
  brands Apresoline | salts hydrochloride | class direct arteriolar vasodilator
  group vasodilator | moa Relaxes arteriolar smooth muscle (mechanism unclear)
  for hypertension, heart_failure | dose 25 mg three times daily
  preg compatible: used for severe hypertension in pregnancy | lact compatible: low levels
  ci coronary artery disease without beta-blockade; mitral valve rheumatic disease
  ae reflex tachycardia; headache; drug-induced lupus
clonidine
  brands Catapres | salts hydrochloride | class central alpha-2 agonist | group central_alpha
  moa Stimulates brainstem alpha-2 receptors, reducing sympathetic outflow
  for hypertension | dose 0.1 mg twice daily | cyp m:2D6 | flags cns=1
  renalnote start low in renal impairment
  preg caution: limited data | lact avoid: high milk levels
  ae sedation; dry mouth; rebound hypertension on abrupt withdrawal
  beers caution: avoid as first-line antihypertensive (CNS effects, bradycardia, orthostasis)
methyldopa
  brands Aldomet | class central alpha-2 agonist | group central_alpha
  moa Converted to alpha-methylnorepinephrine, a central alpha-2 agonist
  for hypertension | dose 250 mg two or three times daily | flags cns=1
  preg compatible: long safety record in pregnancy | lact compatible: low levels
  ci active liver disease; MAO inhibitors | ae sedation; haemolytic anaemia; hepatitis
  beers caution: avoid CNS alpha-agonist as first-line antihypertensive
ranolazine
  brands Ranexa | class late sodium-current inhibitor | group antianginal
  moa Inhibits the late inward sodium current in cardiomyocytes | for stable_angina
  dose 500 mg twice daily | cyp s:3A4 w:3A4 w:2D6 i:Pgp | qt conditional
  renal crcl >=30: 500-1000 mg twice daily; <30: avoid
  hepatic A: contraindicated in liver cirrhosis
  preg caution: limited data | lact avoid: no data
  ci strong CYP3A inhibitors; CYP3A inducers; liver cirrhosis | ae dizziness; constipation; QT
    prolongation
"""
