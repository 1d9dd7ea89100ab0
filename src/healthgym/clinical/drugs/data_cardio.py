"""Formulary: lipid-lowering drugs, RAAS blockers (with the ARNI sacubitril/valsartan),
beta-blockers, calcium-channel blockers.

Sources: each drug's US prescribing information (DailyMed); CYP roles per the FDA Table
of Substrates, Inhibitors and Inducers and the Flockhart Table; statin interaction dose
limits per the 2014 NLA Statin Safety Task Force and the AHA 2016 Scientific Statement
on statin drug interactions (Wiggins BS et al. Circulation 2016;134:e468-95); Beers 2023.
Format: see :mod:`healthgym.clinical.drugs.parse`.
"""

DATA = """
simvastatin
  brands Zocor | class HMG-CoA reductase inhibitor (statin) | group statin
  moa Inhibits HMG-CoA reductase, lowering hepatic cholesterol synthesis and LDL-C
  for hyperlipidemia, coronary_artery_disease | dose 20 mg once daily in the evening
  cyp S:3A4 | renalnote CrCl < 30: start 5 mg daily and monitor closely
  hepatic A: use with caution; B: contraindicated in active or decompensated liver disease
  preg avoid: discontinue in most pregnancies (FDA 2021 labelling change) | lact avoid: not advised
  ci active liver disease; strong CYP3A4 inhibitors; gemfibrozil, cyclosporine or danazol
  ae myalgia; rhabdomyolysis (dose-related, 80 mg restricted); raised transaminases
lovastatin
  brands Mevacor, Altoprev | class HMG-CoA reductase inhibitor (statin) | group statin
  moa Inhibits HMG-CoA reductase, lowering hepatic cholesterol synthesis and LDL-C
  for hyperlipidemia | dose 20 mg once daily with the evening meal | cyp S:3A4
  hepatic A: use with caution; B: contraindicated in active liver disease
  preg avoid: discontinue in most pregnancies | lact avoid: not advised
  ci active liver disease; strong CYP3A4 inhibitors | ae myalgia; rhabdomyolysis; hepatotoxicity
atorvastatin
  brands Lipitor | salts calcium | class HMG-CoA reductase inhibitor (statin) | group statin
  moa Inhibits HMG-CoA reductase, lowering hepatic cholesterol synthesis and LDL-C
  for hyperlipidemia, coronary_artery_disease | dose 40 mg once daily | cyp s:3A4
  hepatic A: use with caution; B: contraindicated in active or decompensated liver disease
  preg avoid: discontinue in most pregnancies | lact avoid: not advised
  ci active liver disease | ae myalgia; raised transaminases; new-onset diabetes (small risk)
rosuvastatin
  brands Crestor | salts calcium | class HMG-CoA reductase inhibitor (statin) | group statin
  moa Inhibits HMG-CoA reductase; hydrophilic, mostly excreted unchanged (OATP1B1/BCRP)
  for hyperlipidemia, coronary_artery_disease | dose 10 mg once daily | cyp m:2C9
  renal crcl >=30: 5-40 mg once daily; <30: start 5 mg once daily, maximum 10 mg daily
  hepatic B: use with caution; C: contraindicated in active or decompensated liver disease
  preg avoid: discontinue in most pregnancies | lact avoid: not advised
  ci active liver disease | ae myalgia; proteinuria at high dose; raised transaminases
pravastatin
  brands Pravachol | salts sodium | class HMG-CoA reductase inhibitor (statin) | group statin
  moa Inhibits HMG-CoA reductase; not metabolised by CYP450 (sulfation, OATP1B1 uptake)
  for hyperlipidemia, coronary_artery_disease | dose 40 mg once daily
  renalnote severe renal impairment: start 10 mg daily
  hepatic B: use with caution; C: contraindicated in active liver disease
  preg avoid: discontinue in most pregnancies | lact avoid: not advised
  ci active liver disease | ae myalgia; raised transaminases
pitavastatin
  brands Livalo, Zypitamag | salts calcium | class HMG-CoA reductase inhibitor (statin)
  group statin | moa Inhibits HMG-CoA reductase; glucuronidated, minimal CYP2C9 metabolism
  for hyperlipidemia | dose 2 mg once daily | cyp m:2C9
  renal egfr >=60: 1-4 mg once daily; <60: start 1 mg once daily, maximum 2 mg daily
  hepatic C: contraindicated in active liver disease
  preg avoid: discontinue in most pregnancies | lact avoid: not advised
  ci active liver disease; cyclosporine | ae myalgia; back pain; raised transaminases
ezetimibe
  brands Zetia | class cholesterol-absorption inhibitor | group cholesterol_absorption
  moa Blocks the intestinal sterol transporter NPC1L1, reducing cholesterol absorption
  for hyperlipidemia | dose 10 mg once daily
  hepatic B: not recommended in moderate or severe hepatic impairment
  preg caution: limited human data | lact caution: unknown excretion
  ae diarrhoea; arthralgia; raised transaminases with statins
fenofibrate
  brands Tricor, Trilipix | class fibrate (PPAR-alpha agonist) | group fibrate
  moa Activates PPAR-alpha, increasing lipoprotein lipase activity and lowering triglycerides
  for hyperlipidemia | dose 145 mg once daily | cyp w:2C9
  renal crcl >=60: 145 mg once daily; 30-60: 48 mg once daily; <30: avoid
  hepatic A: contraindicated in active liver disease
  preg caution: limited data | lact avoid: not advised
  ci severe renal impairment or dialysis; active liver or gallbladder disease
  ae myopathy with statins; raised creatinine; cholelithiasis
gemfibrozil
  brands Lopid | class fibrate (PPAR-alpha agonist) | group fibrate
  moa Activates PPAR-alpha, lowering triglycerides; inhibits CYP2C8 and OATP1B1
  for hyperlipidemia | dose 600 mg twice daily before meals | cyp I:2C8 w:2C9
  hepatic A: contraindicated in hepatic dysfunction
  preg caution: limited data | lact avoid: not advised
  ci severe renal or hepatic dysfunction; simvastatin; repaglinide; selexipag
  ae dyspepsia; myopathy with statins; cholelithiasis
lisinopril
  brands Zestril, Prinivil | class ACE inhibitor | group ace_inhibitor
  moa Inhibits angiotensin-converting enzyme, reducing angiotensin II and aldosterone
  for hypertension, heart_failure, coronary_artery_disease | dose 10 mg once daily | flags k+
  renal crcl >=30: 10-40 mg once daily; 10-30: start 5 mg once daily; <10: start 2.5 mg daily
  preg contraindicated: fetal renal toxicity and death (boxed warning) | lact caution: no data
  ci history of ACE-inhibitor angioedema; pregnancy; aliskiren in diabetes; sacubitril within 36 h
  ae dry cough; hyperkalaemia; angioedema; acute kidney injury
enalapril
  brands Vasotec | salts maleate | class ACE inhibitor | group ace_inhibitor
  moa Prodrug of enalaprilat; inhibits angiotensin-converting enzyme
  for hypertension, heart_failure | dose 10 mg twice daily | flags k+
  renal crcl >=30: 5-20 mg twice daily; <30: start 2.5 mg once daily
  preg contraindicated: fetal toxicity (boxed warning) | lact compatible: low milk levels
  ci angioedema history; pregnancy; aliskiren in diabetes | ae cough; hyperkalaemia; angioedema
ramipril
  brands Altace | class ACE inhibitor | group ace_inhibitor
  moa Prodrug of ramiprilat; inhibits angiotensin-converting enzyme
  for hypertension, heart_failure, coronary_artery_disease | dose 5 mg once daily | flags k+
  renal crcl >=40: 2.5-10 mg once daily; <40: start 1.25 mg once daily, maximum 5 mg daily
  preg contraindicated: fetal toxicity (boxed warning) | lact avoid: no data
  ci angioedema history; pregnancy | ae cough; hyperkalaemia; hypotension; angioedema
benazepril
  brands Lotensin | salts hydrochloride | class ACE inhibitor | group ace_inhibitor
  moa Prodrug of benazeprilat; inhibits angiotensin-converting enzyme
  for hypertension | dose 20 mg once daily | flags k+
  renal crcl >=30: 10-40 mg once daily; <30: start 5 mg once daily, maximum 40 mg daily
  preg contraindicated: fetal toxicity (boxed warning) | lact compatible: minimal excretion
  ci angioedema history; pregnancy | ae cough; hyperkalaemia; dizziness
losartan
  brands Cozaar | salts potassium | class angiotensin II receptor blocker | group arb
  moa Blocks the AT1 receptor; converted by CYP2C9 and CYP3A4 to the active E-3174
  for hypertension, heart_failure | dose 50 mg once daily | cyp m:2C9 m:3A4 | flags k+
  hepatic A: start 25 mg once daily
  preg contraindicated: fetal toxicity (boxed warning) | lact avoid: no data
  ci pregnancy; aliskiren in diabetes | ae dizziness; hyperkalaemia; acute kidney injury
valsartan
  brands Diovan | class angiotensin II receptor blocker | group arb
  moa Blocks the AT1 receptor; eliminated mostly unchanged in bile
  for hypertension, heart_failure | dose 80-160 mg once daily | flags k+
  preg contraindicated: fetal toxicity (boxed warning) | lact avoid: no data
  ci pregnancy; aliskiren in diabetes | ae dizziness; hyperkalaemia; hypotension
irbesartan
  brands Avapro | class angiotensin II receptor blocker | group arb
  moa Blocks the AT1 receptor | for hypertension | dose 150 mg once daily | cyp m:2C9 | flags k+
  preg contraindicated: fetal toxicity (boxed warning) | lact avoid: no data
  ci pregnancy; aliskiren in diabetes | ae dizziness; hyperkalaemia
olmesartan
  brands Benicar | salts medoxomil | class angiotensin II receptor blocker | group arb
  moa Prodrug; blocks the AT1 receptor | for hypertension | dose 20 mg once daily | flags k+
  preg contraindicated: fetal toxicity (boxed warning) | lact avoid: no data
  ci pregnancy; aliskiren in diabetes | ae dizziness; sprue-like enteropathy; hyperkalaemia
candesartan
  brands Atacand | salts cilexetil | class angiotensin II receptor blocker | group arb
  moa Prodrug; blocks the AT1 receptor | for hypertension, heart_failure | dose 16 mg once daily
  cyp m:2C9 | flags k+ | hepatic B: start 8 mg once daily
  preg contraindicated: fetal toxicity (boxed warning) | lact avoid: no data
  ci pregnancy; aliskiren in diabetes | ae hyperkalaemia; hypotension; renal impairment
sacubitril-valsartan
  brands Entresto | aka sacubitril/valsartan, sacubitril and valsartan, valsartan-sacubitril
  class angiotensin receptor-neprilysin inhibitor (ARNI) | group arni
  moa Sacubitril (prodrug of LBQ657) inhibits neprilysin, raising natriuretic peptides and
    bradykinin; valsartan blocks the AT1 receptor
  for heart_failure | dose 49/51 mg twice daily, titrated to 97/103 mg twice daily | flags k+
  renalnote eGFR < 30: start 24/26 mg twice daily
  hepatic B: start 24/26 mg twice daily; C: not recommended
  preg contraindicated: fetal toxicity (boxed warning) | lact avoid: no data
  ci history of angioedema with an ACE inhibitor or ARB; ACE inhibitor within 36 h; aliskiren in
    diabetes; pregnancy
  ae hypotension; hyperkalaemia; renal impairment; angioedema; cough
  src Entresto (sacubitril and valsartan) US PI, Novartis 2024; PARADIGM-HF (McMurray JJV et
    al. N Engl J Med 2014;371:993-1004); 2022 AHA/ACC/HFSA heart failure guideline
metoprolol
  brands Lopressor, Toprol-XL | salts succinate, tartrate | class beta-1 selective blocker
  group beta_blocker | moa Blocks cardiac beta-1 receptors, slowing heart rate and conduction
  for hypertension, heart_failure, atrial_fibrillation, coronary_artery_disease, stable_angina
  dose 50 mg once daily (succinate extended release) | cyp s:2D6
  hepatic B: start at a low dose and titrate gradually
  preg caution: fetal growth restriction and neonatal bradycardia | lact compatible: low levels
  ci severe bradycardia; second- or third-degree AV block; cardiogenic shock
  ae bradycardia; fatigue; bronchospasm at high doses
carvedilol
  brands Coreg | class non-selective beta-blocker with alpha-1 blockade | group beta_blocker
  moa Blocks beta-1, beta-2 and alpha-1 receptors
  for hypertension, heart_failure | dose 12.5 mg twice daily with food | cyp m:2D6 m:2C9 i:Pgp
  hepatic C: contraindicated in severe hepatic impairment
  preg caution: fetal growth restriction | lact caution: no data
  ci asthma; decompensated heart failure needing inotropes; severe bradycardia; severe hepatic
    impairment
  ae dizziness; hypotension; bradycardia; weight gain
atenolol
  brands Tenormin | class beta-1 selective blocker | group beta_blocker
  moa Blocks cardiac beta-1 receptors; renally excreted unchanged
  for hypertension, coronary_artery_disease, stable_angina | dose 50 mg once daily
  renal crcl >=35: 50-100 mg once daily; 15-35: maximum 50 mg once daily; <15: maximum 25 mg daily
  preg avoid: fetal growth restriction (labelled fetal harm) | lact caution: accumulates in milk
  ci sinus bradycardia; heart block; cardiogenic shock | ae bradycardia; fatigue; cold extremities
  beers caution: not first-line for hypertension in older adults
propranolol
  brands Inderal, InnoPran XL | salts hydrochloride | class non-selective beta-blocker
  group beta_blocker | moa Blocks beta-1 and beta-2 receptors; lipophilic
  for hypertension, atrial_fibrillation, migraine, cirrhosis | dose 40 mg twice daily
  cyp s:2D6 m:1A2 | hepatic B: reduce the dose; C: use with caution at low doses
  preg caution: growth restriction, neonatal hypoglycaemia | lact compatible: low levels
  ci asthma; sinus bradycardia; heart block | ae bronchospasm; bradycardia; fatigue; depression
bisoprolol
  brands Zebeta | salts fumarate | class beta-1 selective blocker | group beta_blocker
  moa Blocks cardiac beta-1 receptors | for hypertension, heart_failure
  dose 5 mg once daily | cyp m:3A4
  renal crcl >=40: 2.5-20 mg once daily; <40: start 2.5 mg once daily, titrate cautiously
  hepatic B: start 2.5 mg once daily
  preg caution: growth restriction | lact caution: no data
  ci cardiogenic shock; second- or third-degree AV block; marked bradycardia
  ae bradycardia; fatigue; dizziness
nebivolol
  brands Bystolic | salts hydrochloride | class beta-1 selective blocker with NO vasodilation
  group beta_blocker | moa Blocks beta-1 receptors and stimulates endothelial NO release
  for hypertension | dose 5 mg once daily | cyp s:2D6
  renal crcl >=30: 5-40 mg once daily; <30: start 2.5 mg once daily
  hepatic B: start 2.5 mg once daily; C: contraindicated in severe hepatic impairment
  preg caution: growth restriction | lact avoid: no data
  ci severe bradycardia; heart block; severe hepatic impairment | ae headache; fatigue; bradycardia
labetalol
  brands Trandate | salts hydrochloride | class non-selective beta-blocker with alpha-1 blockade
  group beta_blocker | moa Blocks alpha-1, beta-1 and beta-2 receptors
  for hypertension | dose 200 mg twice daily | hepatic B: reduce the dose
  preg compatible: first-line for hypertension in pregnancy (ACOG 2019)
  lact compatible: low levels | ci asthma; heart block; cardiogenic shock
  ae orthostatic hypotension; fatigue; scalp tingling
amlodipine
  brands Norvasc | salts besylate | class dihydropyridine calcium-channel blocker
  group dhp_ccb | moa Blocks L-type calcium channels in vascular smooth muscle
  for hypertension, stable_angina, coronary_artery_disease | dose 5 mg once daily
  cyp s:3A4 w:3A4 | hepatic B: start 2.5 mg once daily
  preg caution: limited data | lact compatible: low levels | ae ankle oedema; flushing; headache
nifedipine
  brands Procardia XL, Adalat CC | class dihydropyridine calcium-channel blocker
  group dhp_ccb | moa Blocks L-type calcium channels in vascular smooth muscle
  for hypertension, stable_angina | dose 30 mg once daily (extended release) | cyp s:3A4
  preg compatible: first-line for hypertension in pregnancy (ACOG 2019)
  lact compatible: low levels | ci cardiogenic shock; strong CYP3A4 inducers
  ae oedema; flushing; reflex tachycardia
  beers caution: avoid immediate-release formulation (hypotension, myocardial ischaemia)
felodipine
  brands Plendil | class dihydropyridine calcium-channel blocker | group dhp_ccb
  moa Blocks L-type calcium channels; extensive first-pass CYP3A4 metabolism
  for hypertension | dose 5 mg once daily | cyp S:3A4 | hepatic B: start 2.5 mg once daily
  preg caution: limited data | lact avoid: no data | ae peripheral oedema; headache; flushing
diltiazem
  brands Cardizem, Tiazac | salts hydrochloride | class non-dihydropyridine calcium-channel
    blocker | group non_dhp_ccb
  moa Blocks L-type calcium channels in heart and vessels, slowing AV-node conduction
  for hypertension, atrial_fibrillation, stable_angina | dose 240 mg once daily (extended release)
  cyp m:3A4 i:3A4 | hepatic B: use with caution, reduce the dose
  preg caution: animal teratogenicity | lact caution: excreted in milk
  ci sick sinus syndrome; second- or third-degree AV block; hypotension; HFrEF
  ae bradycardia; AV block; oedema; constipation
verapamil
  brands Calan, Verelan | salts hydrochloride | class non-dihydropyridine calcium-channel
    blocker | group non_dhp_ccb
  moa Blocks L-type calcium channels, slowing AV-node conduction; inhibits P-glycoprotein
  for hypertension, atrial_fibrillation, stable_angina | dose 240 mg once daily (extended release)
  cyp m:3A4 i:3A4 i:Pgp | hepatic B: give about 30% of the usual dose
  preg caution: limited data | lact compatible: low levels
  ci severe LV dysfunction; sick sinus syndrome; AV block; WPW with atrial fibrillation
  ae constipation; bradycardia; AV block; hypotension
"""
