"""Formulary: analgesics, muscle relaxants, gout, gastrointestinal and respiratory drugs.

Sources: US prescribing information of each drug (renal bands: Ultram, Toradol, Colcrys,
Uloric, Reglan, Zyrtec, Chantix and baclofen oral solution (Ozobax, 2021) labelling;
allopurinol starting doses per the 2020 ACR gout guideline, FitzGerald JD et al.
Arthritis Care Res 2020;72:744-60; NSAIDs avoided below CrCl 30 per Beers 2023);
opioid/benzodiazepine boxed warning (FDA 2016); CYP roles per the FDA table and the
Flockhart Table; QT per CredibleMeds.  Format: see :mod:`healthgym.clinical.drugs.parse`.
"""

DATA = """
ibuprofen
  brands Advil, Motrin | class non-selective NSAID | group nsaid
  moa Reversibly inhibits COX-1 and COX-2 | for osteoarthritis, chronic_pain, acute_pain
  dose 400 mg every 6-8 hours as needed | cyp m:2C9 | flags bleed=2 k+ | allergy nsaid
  renal crcl >=30: 200-800 mg every 6-8 hours (maximum 3200 mg/day); <30: avoid
  preg avoid: from 20 weeks (oligohydramnios) and third trimester (ductus closure)
  lact compatible: preferred NSAID | ci CABG peri-operative; aspirin/NSAID allergy; active GI bleed
  ae GI bleeding; renal injury; hypertension; fluid retention
  beers caution: avoid chronic use unless alternatives fail and a PPI is given
naproxen
  brands Aleve, Naprosyn, Anaprox | salts sodium | class non-selective NSAID | group nsaid
  moa Reversibly inhibits COX-1 and COX-2 | for osteoarthritis, chronic_pain, gout, acute_pain
  dose 500 mg twice daily | cyp m:2C9 m:1A2 | flags bleed=2 k+ | allergy nsaid
  renal crcl >=30: 250-500 mg twice daily; <30: avoid
  preg avoid: from 20 weeks and third trimester | lact caution: long half-life
  ci CABG peri-operative; aspirin/NSAID allergy | ae GI bleeding; renal injury; hypertension
  beers caution: avoid chronic use unless alternatives fail and a PPI is given
diclofenac
  brands Voltaren, Cambia, Zorvolex | salts sodium, potassium | class non-selective NSAID
  group nsaid | moa Inhibits COX-2 more than COX-1 | for osteoarthritis, acute_pain
  dose 50 mg two or three times daily | cyp s:2C9 m:3A4 | flags bleed=2 k+ | allergy nsaid
  renal crcl >=30: 50 mg two or three times daily; <30: avoid
  hepatic A: hepatotoxicity, monitor transaminases
  preg avoid: from 20 weeks and third trimester | lact caution: limited data
  ci CABG peri-operative; aspirin/NSAID allergy | ae hepatotoxicity; GI bleeding; CV events
  beers caution: avoid chronic use unless alternatives fail and a PPI is given
meloxicam
  brands Mobic | class NSAID (COX-2 preferential) | group nsaid
  moa Preferentially inhibits COX-2 | for osteoarthritis, rheumatoid_arthritis
  dose 7.5-15 mg once daily | cyp m:2C9 m:3A4 | flags bleed=2 k+ | allergy nsaid
  renal crcl >=30: 7.5-15 mg once daily; <30: avoid
  preg avoid: from 20 weeks and third trimester | lact caution: no data
  ci CABG peri-operative; aspirin/NSAID allergy | ae GI bleeding; oedema; renal injury
  beers caution: avoid chronic use unless alternatives fail and a PPI is given
celecoxib
  brands Celebrex | class selective COX-2 inhibitor (NSAID) | group nsaid
  moa Selectively inhibits COX-2 | for osteoarthritis, rheumatoid_arthritis, acute_pain
  dose 200 mg once daily | cyp S:2C9 w:2D6 | flags bleed=2 k+ | allergy nsaid, sulfonamide
  renal crcl >=30: 100-200 mg twice daily; <30: not recommended
  hepatic B: reduce the dose by 50%; C: not recommended
  preg avoid: from 20 weeks and third trimester | lact compatible: low levels
  ci sulfonamide allergy (labelled); aspirin/NSAID allergy; CABG peri-operative
  ae CV thrombotic events; GI bleeding; oedema
ketorolac
  brands Toradol, Sprix | salts tromethamine | class non-selective NSAID | group nsaid
  moa Potent COX-1/COX-2 inhibitor; 5-day maximum course | for acute_pain
  dose 10 mg every 4-6 hours orally (maximum 40 mg/day, 5 days in total) | flags bleed=2 k+
  allergy nsaid | renal crcl >=30: 10 mg every 4-6 hours (maximum 40 mg/day); <30: contraindicated
  preg avoid: labour and delivery contraindicated | lact caution: short use only
  ci advanced renal impairment; aspirin or other NSAIDs; active or recent GI bleeding;
    cerebrovascular bleeding; probenecid; pentoxifylline
  ae GI bleeding; acute kidney injury | beers avoid: GI bleeding and kidney injury in older adults
acetaminophen
  aka paracetamol, APAP | brands Tylenol, Panadol | class non-opioid analgesic and antipyretic
  group analgesic | moa Central COX inhibition and serotonergic descending pathway modulation
  for osteoarthritis, chronic_pain, acute_pain | dose 650-1000 mg every 6 hours (maximum 3 g/day)
  cyp m:1A2 m:3A4 | hepatic B: maximum 2 g/day; C: maximum 2 g/day, avoid in acute failure
  preg compatible: preferred analgesic in pregnancy | lact compatible: preferred
  ci severe hepatic impairment or active liver disease | ae hepatotoxicity in overdose
tramadol
  brands Ultram, ConZip | salts hydrochloride | class opioid analgesic (weak mu agonist, SNRI)
  group opioid | moa Mu agonism by O-desmethyltramadol (CYP2D6) plus serotonin/NE reuptake block
  for chronic_pain, acute_pain | dose 50-100 mg every 4-6 hours as needed
  cyp P:2D6 m:3A4 m:2B6 | flags sero cns=2
  renal crcl >=30: 50-100 mg every 4-6 hours (maximum 400 mg/day); <30: 50-100 mg every 12
    hours (maximum 200 mg/day)
  hepatic C: 50 mg every 12 hours | preg caution: neonatal opioid withdrawal
  lact avoid: infant respiratory depression (ultra-rapid metabolisers)
  ci children < 12 years; MAO inhibitors (within 14 days); significant respiratory depression
  ae seizures; serotonin syndrome; hypoglycaemia; hyponatraemia | beers caution: SIADH
oxycodone
  brands OxyContin, Roxicodone, Percocet (with acetaminophen) | salts hydrochloride
  class opioid agonist | group opioid | moa Mu-opioid receptor agonist
  for chronic_pain, acute_pain | dose 5 mg every 4-6 hours as needed | cyp S:3A4 m:2D6
  flags cns=2 | renalnote CrCl < 60: start at one-third to one-half of the usual dose
  hepatic B: start at one-third to one-half of the usual dose
  preg caution: neonatal opioid withdrawal | lact avoid: infant sedation
  ci significant respiratory depression; GI obstruction | ae constipation; sedation; respiratory
    depression; dependence
hydrocodone
  brands Norco, Hysingla ER | salts bitartrate | class opioid agonist | group opioid
  moa Mu-opioid receptor agonist | for chronic_pain, acute_pain, cough
  dose 5 mg (with acetaminophen) every 4-6 hours as needed | cyp S:3A4 m:2D6 | flags cns=2
  preg caution: neonatal opioid withdrawal | lact avoid: infant sedation
  ci significant respiratory depression; GI obstruction | ae constipation; sedation; respiratory
    depression
morphine
  brands MS Contin, Kadian | salts sulfate | class opioid agonist | group opioid
  moa Mu-opioid receptor agonist; glucuronidated to active M6G (renally cleared)
  for chronic_pain, acute_pain | dose 15 mg every 4 hours as needed (immediate release)
  flags cns=2 | renalnote active metabolites accumulate: reduce dose and frequency, avoid
    when CrCl < 30 if alternatives exist
  hepatic B: reduce the dose, extend the interval
  preg caution: neonatal opioid withdrawal | lact caution: monitor infant
  ci significant respiratory depression; GI obstruction | ae constipation; sedation; respiratory
    depression
hydromorphone
  brands Dilaudid, Exalgo | salts hydrochloride | class opioid agonist | group opioid
  moa Mu-opioid receptor agonist; glucuronidated | for chronic_pain, acute_pain
  dose 2-4 mg every 4-6 hours as needed | flags cns=2
  renalnote moderate renal impairment: start at 50% of the usual dose; severe: 25%
  hepatic B: start at 25-50% of the usual dose
  preg caution: neonatal opioid withdrawal | lact caution: monitor infant
  ci significant respiratory depression | ae constipation; sedation; respiratory depression
fentanyl
  brands Duragesic, Actiq | salts citrate | class opioid agonist | group opioid
  moa Potent mu-opioid receptor agonist; cleared by CYP3A4 | for chronic_pain
  dose 25 micrograms/hour transdermal patch every 72 hours (opioid-tolerant patients only)
  cyp S:3A4 | flags sero cns=2 | hepatic B: reduce the dose by 50%
  preg caution: neonatal opioid withdrawal | lact caution: monitor infant
  ci opioid-naive patients (patch); significant respiratory depression
  ae respiratory depression; sedation; constipation
methadone
  brands Dolophine, Methadose | salts hydrochloride | class opioid agonist (NMDA antagonist)
  group opioid | moa Mu-opioid agonist with NMDA antagonism; long, variable half-life
  for opioid_use_disorder, chronic_pain | dose 20-80 mg once daily (OUD, titrated)
  cyp s:3A4 m:2B6 m:2C19 | qt known | flags sero cns=2
  preg caution: standard of care for OUD in pregnancy | lact compatible: encouraged in OUD
  ci significant respiratory depression; paralytic ileus | ae QT prolongation; respiratory
    depression; sedation
codeine
  brands Tylenol with Codeine | salts phosphate, sulfate | class opioid agonist (prodrug)
  group opioid | moa Converted by CYP2D6 to morphine | for acute_pain, cough
  dose 30 mg every 4-6 hours as needed | cyp P:2D6 m:3A4 | flags cns=2
  preg caution: neonatal opioid withdrawal | lact contraindicated: infant deaths (ultra-rapid
    metabolism) | ci children < 12 years; post-tonsillectomy in children < 18 years
  ae constipation; sedation; respiratory depression in ultra-rapid metabolisers
buprenorphine
  brands Subutex, Butrans, Belbuca | salts hydrochloride | class opioid partial agonist
  group opioid | moa Partial mu agonist, kappa antagonist | for opioid_use_disorder, chronic_pain
  dose 8-16 mg sublingually once daily (OUD) | cyp s:3A4 | qt possible | flags cns=2
  hepatic C: avoid combination products in severe impairment
  preg compatible: used for OUD in pregnancy | lact compatible: low oral bioavailability
  ci significant respiratory depression | ae constipation; headache; precipitated withdrawal
cyclobenzaprine
  brands Flexeril, Amrix | salts hydrochloride | class skeletal muscle relaxant (tricyclic-like)
  group muscle_relaxant | moa Centrally acting; structurally related to tricyclic antidepressants
  for muscle_spasm | dose 5-10 mg three times daily | cyp m:1A2 m:3A4 m:2D6 | flags sero cns=1
  hepatic B: not recommended in moderate or severe hepatic impairment
  preg caution: limited data | lact caution: no data
  ci MAO inhibitors; recent MI; arrhythmias; heart block; hyperthyroidism
  ae sedation; dry mouth; dizziness | beers avoid: anticholinergic, sedation, fracture risk
baclofen
  brands Lioresal, Ozobax, Lyvispah | class GABA-B agonist muscle relaxant | group muscle_relaxant
  moa GABA-B receptor agonist; renally excreted | for muscle_spasm
  dose 5-20 mg three times daily | flags cns=1
  renal crcl >=80: 5-20 mg three times daily; 50-80: reduce the dose by one-third; 30-50:
    reduce the dose by one-half; <30: reduce the dose by two-thirds
  preg caution: neonatal withdrawal | lact caution: low levels
  ae sedation; weakness; encephalopathy in renal impairment; withdrawal seizures
  beers caution: avoid in adults with eGFR < 60 (encephalopathy)
tizanidine
  brands Zanaflex | salts hydrochloride | class central alpha-2 agonist muscle relaxant
  group muscle_relaxant | moa Central alpha-2 agonist; cleared by CYP1A2 | for muscle_spasm
  dose 2-4 mg every 6-8 hours | cyp S:1A2 | qt possible | flags cns=1
  renal crcl >=25: 2-8 mg every 6-8 hours (maximum 36 mg/day); <25: reduce individual doses
  hepatic A: avoid in hepatic impairment | preg caution: limited data | lact avoid: no data
  ci fluvoxamine; ciprofloxacin | ae hypotension; sedation; hepatotoxicity
colchicine
  brands Colcrys, Mitigare | class anti-inflammatory alkaloid | group colchicine
  moa Inhibits tubulin polymerisation and neutrophil activation | for gout
  dose 0.6 mg once or twice daily (prophylaxis) | cyp s:3A4 s:Pgp
  renal crcl >=30: 0.6 mg once or twice daily (prophylaxis); <30: start 0.3 mg once daily, repeat
    flare courses no more than once every 2 weeks
  hepatic C: reduce the dose, avoid with CYP3A4 or P-gp inhibitors
  preg caution: limited data | lact compatible: low levels
  ci P-gp or strong CYP3A4 inhibitors with renal or hepatic impairment
  ae diarrhoea; myelosuppression; neuromyopathy
allopurinol
  brands Zyloprim | class xanthine oxidase inhibitor | group xanthine_oxidase_inhibitor
  moa Inhibits xanthine oxidase, lowering uric acid production | for gout
  dose 100 mg once daily, titrated to urate < 6 mg/dL
  renal crcl >=30: start 100 mg once daily, titrate to target urate; <30: start 50 mg once daily,
    titrate cautiously
  preg caution: limited data | lact compatible: low levels
  ae rash; allopurinol hypersensitivity syndrome (HLA-B*5801); gout flare at initiation
febuxostat
  brands Uloric | class xanthine oxidase inhibitor | group xanthine_oxidase_inhibitor
  moa Non-purine xanthine oxidase inhibitor | for gout | dose 40 mg once daily
  renal crcl >=30: 40-80 mg once daily; <30: maximum 40 mg once daily
  preg caution: limited data | lact avoid: no data
  ci azathioprine; mercaptopurine | ae cardiovascular death (boxed warning); liver enzyme rise
omeprazole
  brands Prilosec | salts magnesium | class proton-pump inhibitor | group ppi
  moa Irreversibly inhibits the gastric H+/K+-ATPase | for gerd | dose 20 mg once daily
  cyp s:2C19 m:3A4 i:2C19 | qt conditional | hepatic B: maximum 10 mg daily
  preg compatible: large studies reassuring | lact compatible: low levels
  ae C. difficile infection; hypomagnesaemia; B12 deficiency; fractures
  beers caution: avoid scheduled use > 8 weeks unless high risk
esomeprazole
  brands Nexium | salts magnesium | class proton-pump inhibitor | group ppi
  moa S-enantiomer of omeprazole; inhibits H+/K+-ATPase | for gerd | dose 20-40 mg once daily
  cyp s:2C19 m:3A4 i:2C19 | qt conditional | hepatic C: maximum 20 mg daily
  preg compatible: reassuring data | lact compatible: low levels
  ae C. difficile infection; hypomagnesaemia; fractures
  beers caution: avoid scheduled use > 8 weeks unless high risk
pantoprazole
  brands Protonix | salts sodium | class proton-pump inhibitor | group ppi
  moa Inhibits H+/K+-ATPase; least CYP2C19 inhibition of the PPIs | for gerd
  dose 40 mg once daily | cyp m:2C19 m:3A4 | qt conditional
  preg compatible: reassuring data | lact compatible: low levels
  ae C. difficile infection; hypomagnesaemia | beers caution: avoid scheduled use > 8 weeks
lansoprazole
  brands Prevacid | class proton-pump inhibitor | group ppi
  moa Inhibits H+/K+-ATPase | for gerd | dose 15-30 mg once daily | cyp s:2C19 m:3A4
  qt conditional | hepatic C: maximum 15 mg daily
  preg compatible: reassuring data | lact compatible: low levels
  ae C. difficile infection; hypomagnesaemia | beers caution: avoid scheduled use > 8 weeks
famotidine
  brands Pepcid | class histamine H2-receptor antagonist | group h2_blocker
  moa Blocks parietal-cell H2 receptors; renally cleared | for gerd | dose 20 mg twice daily
  qt conditional | renalnote CrCl < 60: reduce the dose or extend the interval (CNS effects,
    QT prolongation)
  preg compatible: reassuring data | lact compatible: low levels
  ae headache; confusion in older or renally impaired patients
cimetidine
  brands Tagamet | class histamine H2-receptor antagonist | group h2_blocker
  moa Blocks H2 receptors; inhibits CYP enzymes and renal cation transport (OCT2/MATE)
  for gerd | dose 400 mg twice daily | cyp w:3A4 w:2D6 w:1A2
  renalnote CrCl < 30: 300 mg every 12 hours | preg compatible: reassuring data
  lact caution: concentrated in milk | ae confusion; gynaecomastia
  beers caution: avoid in delirium
ondansetron
  brands Zofran | salts hydrochloride | class 5-HT3 receptor antagonist | group antiemetic
  moa Blocks 5-HT3 receptors in the gut and chemoreceptor trigger zone | for nausea
  dose 4-8 mg every 8 hours as needed | cyp m:3A4 m:2D6 m:1A2 | qt known | flags sero
  hepatic C: maximum 8 mg/day | preg caution: small oral-cleft signal in first trimester
  lact caution: no data | ci apomorphine; congenital long QT syndrome
  ae constipation; headache; QT prolongation
metoclopramide
  brands Reglan | salts hydrochloride | class dopamine D2 antagonist prokinetic | group antiemetic
  moa Blocks D2 receptors; 5-HT4 agonism speeds gastric emptying | for nausea, gerd
  dose 10 mg up to four times daily (maximum 12 weeks) | cyp s:2D6
  renal crcl >=60: 10 mg up to four times daily; <60: start at one-half the usual dose
  preg compatible: widely used for nausea | lact caution: used to increase supply, monitor
  ci GI obstruction; pheochromocytoma; seizure disorder; tardive dyskinesia history
  ae tardive dyskinesia (boxed warning); EPS; restlessness
  beers avoid: unless for gastroparesis (EPS, tardive dyskinesia)
loperamide
  brands Imodium | salts hydrochloride | class peripheral mu-opioid agonist (antidiarrhoeal)
  group antidiarrheal | moa Slows gut motility via intestinal mu receptors; P-gp limits CNS entry
  for diarrhea | dose 4 mg then 2 mg after each loose stool (maximum 16 mg/day)
  cyp m:3A4 m:2C8 m:Pgp | qt conditional
  preg caution: limited data | lact compatible: low levels
  ci bloody diarrhoea; C. difficile colitis | ae constipation; cardiac arrhythmia at high doses
albuterol
  aka salbutamol | brands ProAir, Ventolin | salts sulfate | class short-acting beta-2 agonist
  group saba | moa Beta-2 agonist bronchodilator | for asthma, copd
  dose 2 puffs (90 micrograms each) every 4-6 hours as needed
  preg compatible: preferred rescue inhaler | lact compatible: low levels
  ae tremor; tachycardia; hypokalaemia
montelukast
  brands Singulair | salts sodium | class leukotriene receptor antagonist | group leukotriene
  moa Blocks the CysLT1 receptor | for asthma, allergic_rhinitis | dose 10 mg in the evening
  cyp m:2C8 m:3A4 m:2C9 | preg compatible: reassuring data | lact compatible: low levels
  ae neuropsychiatric events (boxed warning); headache
theophylline
  brands Theo-24, Uniphyl | class methylxanthine bronchodilator | group methylxanthine
  moa Phosphodiesterase inhibition and adenosine antagonism; narrow therapeutic index
  for asthma, copd | dose 300-400 mg/day (level 5-15 mg/L) | cyp s:1A2 m:3A4
  hepatic B: reduce the dose, follow levels
  preg caution: clearance falls in the third trimester | lact caution: infant irritability
  ae nausea; tachyarrhythmia; seizures in toxicity
cetirizine
  brands Zyrtec | salts hydrochloride | class second-generation antihistamine | group antihistamine
  moa Peripheral H1-receptor antagonist; renally excreted | for allergic_rhinitis
  dose 10 mg once daily | renal crcl >=30: 10 mg once daily; <30: 5 mg once daily
  hepatic A: 5 mg once daily | preg compatible: reassuring data | lact compatible: low levels
  ae somnolence; dry mouth
loratadine
  brands Claritin | class second-generation antihistamine | group antihistamine
  moa Peripheral H1-receptor antagonist | for allergic_rhinitis | dose 10 mg once daily
  cyp m:3A4 m:2D6 | renalnote CrCl < 30: 10 mg every other day | hepatic B: 10 mg every other day
  preg compatible: reassuring data | lact compatible: low levels | ae headache; somnolence (rare)
diphenhydramine
  brands Benadryl, ZzzQuil | salts hydrochloride | class first-generation antihistamine
  group sedating_antihistamine | moa Central and peripheral H1 antagonist; strongly anticholinergic
  for allergic_rhinitis, insomnia | dose 25-50 mg at bedtime | cyp m:2D6 w:2D6 | qt conditional
  flags cns=1 | preg compatible: widely used | lact avoid: infant sedation, may reduce supply
  ci neonates | ae sedation; confusion; urinary retention
  beers avoid: strongly anticholinergic (confusion, constipation, retention)
hydroxyzine
  brands Vistaril, Atarax | salts hydrochloride, pamoate | class first-generation antihistamine
  group sedating_antihistamine | moa Central H1 antagonist; anticholinergic | for anxiety,
    allergic_rhinitis | dose 25 mg three or four times daily | cyp m:3A4 | qt conditional
  flags cns=1 | preg avoid: early pregnancy (labelled contraindication) | lact avoid: no data
  ci early pregnancy; prolonged QT interval | ae sedation; QT prolongation; dry mouth
  beers avoid: strongly anticholinergic
fluticasone
  brands Flovent, Flonase | salts propionate, furoate | class inhaled or intranasal corticosteroid
  group inhaled_corticosteroid | moa Topical glucocorticoid receptor agonist; CYP3A4-cleared
  for asthma, copd, allergic_rhinitis | dose 88-220 micrograms inhaled twice daily | cyp S:3A4
  preg compatible: inhaled corticosteroids preferred in pregnancy | lact compatible: low levels
  ae oral candidiasis; dysphonia; Cushing syndrome with strong CYP3A4 inhibitors
dextromethorphan
  aka DXM | brands Robitussin DM, Delsym | salts hydrobromide | class antitussive (NMDA
    antagonist) | group antitussive
  moa Central cough suppression; sigma-1 agonist, NMDA antagonist, serotonin reuptake inhibitor
  for cough | dose 10-20 mg every 4 hours as needed | cyp S:2D6 m:3A4 | flags sero
  preg compatible: reassuring data | lact compatible: low levels | ci MAO inhibitors
  ae dizziness; serotonin toxicity with serotonergic drugs
varenicline
  brands Chantix | salts tartrate | class nicotinic receptor partial agonist | group smoking_aid
  moa Partial agonist at alpha-4-beta-2 nicotinic receptors; renally excreted
  for smoking_cessation | dose 1 mg twice daily after titration
  renal crcl >=30: 1 mg twice daily after titration; <30: 0.5 mg once daily, titrate to 0.5 mg
    twice daily maximum
  preg caution: limited data, weigh against smoking | lact caution: no data
  ae nausea; abnormal dreams; neuropsychiatric symptoms (rare)
"""
