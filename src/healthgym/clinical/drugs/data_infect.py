"""Formulary: antibacterials, antifungals, antivirals and antimycobacterials.

Sources: US prescribing information of each drug (renal bands: Amoxil, Augmentin,
Zosyn, Keflex, Ceftin, Omnicef, Maxipime, Merrem, Azactam, Biaxin, Cipro, Levaquin,
Bactrim, Diflucan, Zovirax, Valtrex and Tamiflu labelling; nitrofurantoin avoided below
CrCl 30 per Beers 2023); CYP roles per the FDA Table of Substrates, Inhibitors and
Inducers and the Flockhart Table; QT per CredibleMeds; beta-lactam allergy classes and
their refinement by reaction severity and side chain follow
:func:`healthgym.clinical.treatments.allergy_conflict` (AAAAI/ACAAI 2022).
Format: :mod:`healthgym.clinical.drugs.parse`.

Dose notes checked against the labels:

* piperacillin-tazobactam (Zosyn label, Dosage and Administration, table of renal
  dosing): all indications except nosocomial pneumonia 3.375 g every 6 h, CrCl 20-40
  2.25 g every 6 h, < 20 2.25 g every 8 h; nosocomial pneumonia 4.5 g every 6 h,
  CrCl 20-40 3.375 g every 6 h, < 20 2.25 g every 6 h (:data:`INDICATION_DOSING`; the
  IDSA/ATS 2016 HAP/VAP guideline, Kalil AC et al. Clin Infect Dis 2016;63:e61-e111,
  table 4, gives 4.5 g every 6 h).  The label's "> 40" band is written ``>=40``.
* cefepime (Maxipime label, renal table, 2 g every 8 h regimen): CrCl > 60 2 g every
  8 h, 30-60 2 g every 12 h, 11-29 2 g every 24 h, < 11 1 g every 24 h; IDSA/ATS 2016
  HAP 2 g every 8 h.
* meropenem (Merrem label): 1 g every 8 h; CrCl 26-50 1 g every 12 h; 10-25 500 mg every
  12 h; < 10 500 mg every 24 h.
* ceftriaxone (Rocephin label): 1-2 g once daily, no renal adjustment (ATS/IDSA 2019
  CAP, EAU 2024 urosepsis 1-2 g daily).
* aztreonam (Azactam label): severe systemic infection 2 g every 6-8 h; CrCl 10-30 the
  usual initial dose then half of it at the usual interval; < 10 the initial dose then a
  quarter of it (IDSA/ATS 2016 HAP: 2 g every 8 h).
* levofloxacin (Levaquin label, 750 mg regimen): CrCl 20-49 750 mg every 48 h; 10-19
  750 mg then 500 mg every 48 h.
* ciprofloxacin (Cipro label): oral CrCl 30-50 250-500 mg every 12 h, 5-29 250-500 mg
  every 18 h; IV CrCl 5-29 200-400 mg every 18-24 h.
* vancomycin IV (Rybak MJ et al. ASHP/IDSA/PIDS/SIDP consensus, Am J Health Syst Pharm
  2020;77:835-64): loading 20-35 mg/kg actual body weight (maximum 3 g), maintenance
  15-20 mg/kg every 8-12 h, AUC-guided, longer intervals in renal impairment.
"""

from .parse import parse_renal

DATA = """
amoxicillin
  brands Amoxil, Moxatag | class aminopenicillin | group penicillin
  moa Binds penicillin-binding proteins, inhibiting cell-wall synthesis
  for pneumonia, urinary_tract_infection, skin_infection | dose 500 mg every 8 hours
  allergy penicillin
  renal crcl >=30: 500 mg every 8 hours or 875 mg every 12 hours; 10-30: 250-500 mg every 12
    hours; <10: 250-500 mg every 24 hours
  preg compatible: widely used | lact compatible: low levels
  ci penicillin allergy | ae diarrhoea; rash; anaphylaxis in allergic patients
amoxicillin-clavulanate
  aka co-amoxiclav, amoxicillin/clavulanic acid | brands Augmentin | salts potassium
  class aminopenicillin with beta-lactamase inhibitor | group penicillin
  moa Amoxicillin plus clavulanate, which inactivates many beta-lactamases
  for pneumonia, skin_infection, urinary_tract_infection | dose 875/125 mg every 12 hours
  allergy penicillin
  renal crcl >=30: 875/125 mg every 12 hours; 10-30: 500/125 mg every 12 hours; <10: 500/125 mg
    every 24 hours
  hepatic A: contraindicated after cholestatic jaundice with this drug
  preg compatible: widely used | lact compatible: low levels
  ci penicillin allergy; prior amoxicillin-clavulanate hepatic dysfunction | ae diarrhoea;
    cholestatic hepatitis; rash
penicillin v
  aka phenoxymethylpenicillin, pen vk | brands Veetids | salts potassium | class natural
    penicillin | group penicillin
  moa Binds penicillin-binding proteins | for skin_infection | dose 500 mg every 6-8 hours
  allergy penicillin | preg compatible: widely used | lact compatible: low levels
  ci penicillin allergy | ae diarrhoea; rash; anaphylaxis in allergic patients
piperacillin-tazobactam
  aka pip-tazo | brands Zosyn | class ureidopenicillin with beta-lactamase inhibitor
  group penicillin | moa Piperacillin plus tazobactam (beta-lactamase inhibitor)
  flags inpatient | for intra_abdominal_infection, pneumonia
  dose 3.375 g IV every 6 hours (nosocomial pneumonia: 4.5 g IV every 6 hours)
  allergy penicillin
  renal crcl >=40: 3.375 g IV every 6 hours; 20-40: 2.25 g IV every 6 hours; <20: 2.25 g IV
    every 8 hours
  preg compatible: widely used | lact compatible: low levels | ci penicillin allergy
  ae diarrhoea; thrombocytopenia; nephrotoxicity with vancomycin
cephalexin
  aka cefalexin | brands Keflex | class first-generation cephalosporin | group cephalosporin
  moa Binds penicillin-binding proteins | for skin_infection, urinary_tract_infection
  dose 500 mg every 6 hours | allergy cephalosporin, penicillin
  renal crcl >=60: 500 mg every 6 hours; 30-60: no change, maximum 1 g per day; 15-30: 250 mg
    every 8-12 hours; <15: 250 mg every 24 hours
  preg compatible: widely used | lact compatible: low levels
  ci cephalosporin allergy | ae diarrhoea; rash
cefuroxime
  brands Ceftin, Zinacef | salts axetil | class second-generation cephalosporin
  group cephalosporin | moa Binds penicillin-binding proteins | for pneumonia,
    urinary_tract_infection | dose 500 mg every 12 hours | allergy cephalosporin, penicillin
  renal crcl >=30: 250-500 mg every 12 hours; 10-30: 250-500 mg every 24 hours; <10: 250-500 mg
    every 48 hours
  preg compatible: widely used | lact compatible: low levels | ci cephalosporin allergy
  ae diarrhoea; rash
ceftriaxone
  brands Rocephin | salts sodium | class third-generation cephalosporin | group cephalosporin
  moa Binds penicillin-binding proteins; biliary and renal elimination
  for pneumonia, urinary_tract_infection | dose 1-2 g IV once daily | flags inpatient
  allergy cephalosporin, penicillin | renalnote no adjustment alone; limit to 2 g/day with
    combined hepatic and renal impairment
  preg compatible: widely used | lact compatible: low levels
  ci neonates with hyperbilirubinaemia or IV calcium; cephalosporin allergy
  ae biliary sludge; diarrhoea; rash
cefdinir
  brands Omnicef | class third-generation cephalosporin | group cephalosporin
  moa Binds penicillin-binding proteins | for pneumonia, skin_infection
  dose 300 mg every 12 hours | allergy cephalosporin, penicillin
  renal crcl >=30: 300 mg every 12 hours; <30: 300 mg once daily
  preg compatible: widely used | lact compatible: not detected in milk | ci cephalosporin allergy
  ae diarrhoea; red stools with iron
cefepime
  brands Maxipime | class fourth-generation cephalosporin | group cephalosporin
  moa Binds penicillin-binding proteins; stable to many chromosomal beta-lactamases
  for pneumonia, urinary_tract_infection | dose 2 g IV every 8 hours | flags inpatient
  allergy cephalosporin, penicillin
  renal crcl >=60: 2 g IV every 8 hours; 30-60: 2 g IV every 12 hours; 11-30: 2 g IV every 24
    hours; <11: 1 g IV every 24 hours
  preg compatible: no harm in animal studies | lact compatible: low levels
  ci cephalosporin allergy | ae encephalopathy and seizures when not renally adjusted;
    diarrhoea; rash
meropenem
  brands Merrem | class carbapenem | group carbapenem
  moa Binds penicillin-binding proteins; stable to most beta-lactamases
  for intra_abdominal_infection, pneumonia | dose 1 g IV every 8 hours | flags inpatient
  allergy carbapenem, penicillin
  renal crcl >=50: 1 g IV every 8 hours; 26-50: 1 g IV every 12 hours; 10-26: 500 mg IV every
    12 hours; <10: 500 mg IV every 24 hours
  preg compatible: limited data, used when needed | lact compatible: low levels
  ci carbapenem allergy | ae diarrhoea; seizures at high levels; lowers valproate levels
aztreonam
  brands Azactam | class monobactam | group monobactam
  moa Binds penicillin-binding protein 3 of aerobic Gram-negative bacilli (no Gram-positive
    or anaerobic activity)
  flags inpatient | for urinary_tract_infection, pneumonia
  dose 2 g IV every 8 hours (or every 6 hours)
  renal crcl >=30: 2 g IV every 8 hours (or every 6 hours); 10-30: 2 g IV once, then 1 g IV every
    8 hours; <10: 2 g IV once, then 500 mg IV every 8 hours
  preg compatible: no fetal harm in animal studies | lact compatible: under 1% of maternal
    serum level in milk
  ci aztreonam allergy; ceftazidime allergy (shared side chain) | ae rash; diarrhoea;
    injection-site reactions; raised transaminases
azithromycin
  brands Zithromax, Z-Pak | class macrolide antibiotic | group macrolide
  moa Binds the 50S ribosomal subunit | for pneumonia, skin_infection
  dose 500 mg on day 1 then 250 mg daily for 4 days | cyp m:3A4 | qt known | allergy macrolide
  preg compatible: widely used | lact compatible: low levels
  ci cholestatic jaundice with prior azithromycin | ae diarrhoea; QT prolongation; hearing loss
clarithromycin
  brands Biaxin | class macrolide antibiotic | group macrolide
  moa Binds the 50S ribosomal subunit; potent CYP3A4 inhibitor | for pneumonia, skin_infection
  dose 500 mg every 12 hours | cyp m:3A4 I:3A4 i:Pgp | qt known | allergy macrolide
  renal crcl >=30: 500 mg every 12 hours; <30: 250 mg every 12 hours
  preg avoid: adverse fetal outcomes in animals | lact caution: low levels
  ci QT prolongation history; simvastatin, lovastatin, colchicine (renal/hepatic impairment),
    pimozide, ergots, ticagrelor, ranolazine | ae taste disturbance; QT prolongation; hepatotoxicity
erythromycin
  brands Ery-Tab, E.E.S. | salts ethylsuccinate, stearate | class macrolide antibiotic
  group macrolide | moa Binds the 50S ribosomal subunit; CYP3A4 inhibitor
  for pneumonia, skin_infection | dose 500 mg every 6 hours | cyp m:3A4 i:3A4 i:Pgp | qt known
  allergy macrolide | preg compatible: base/ethylsuccinate used (not estolate)
  lact compatible: low levels | ci pimozide; ergots; lovastatin; simvastatin
  ae GI upset; QT prolongation; hepatotoxicity
doxycycline
  brands Vibramycin, Doryx | salts hyclate, monohydrate | class tetracycline antibiotic
  group tetracycline | moa Binds the 30S ribosomal subunit | for pneumonia, skin_infection
  dose 100 mg every 12 hours | allergy tetracycline
  preg avoid: tooth discolouration and bone effects after 15 weeks | lact caution: short courses
  ci tetracycline allergy | ae photosensitivity; oesophagitis; GI upset
minocycline
  brands Minocin, Solodyn | salts hydrochloride | class tetracycline antibiotic
  group tetracycline | moa Binds the 30S ribosomal subunit | for skin_infection
  dose 100 mg every 12 hours | allergy tetracycline | renalnote CrCl < 80: maximum 200 mg/day
  preg avoid: tooth discolouration | lact caution: short courses
  ci tetracycline allergy | ae dizziness; skin pigmentation; drug-induced lupus
ciprofloxacin
  brands Cipro | salts hydrochloride | class fluoroquinolone | group fluoroquinolone
  moa Inhibits DNA gyrase and topoisomerase IV; potent CYP1A2 inhibitor
  for urinary_tract_infection, pneumonia | dose 500 mg every 12 hours | cyp I:1A2 i:3A4
  qt known | allergy fluoroquinolone
  renal crcl >=50: 250-750 mg every 12 hours; 30-50: 250-500 mg every 12 hours; <30: 250-500 mg
    orally every 18 hours or 200-400 mg IV every 18-24 hours
  preg avoid: use alternatives (arthropathy in animals) | lact avoid: use alternatives
  ci tizanidine; myasthenia gravis (boxed warning) | ae tendinopathy (boxed warning); QT
    prolongation; dysglycaemia; C. difficile; peripheral neuropathy
levofloxacin
  brands Levaquin | class fluoroquinolone | group fluoroquinolone
  moa Inhibits DNA gyrase and topoisomerase IV; renally excreted unchanged
  for pneumonia, urinary_tract_infection | dose 750 mg once daily | qt known
  allergy fluoroquinolone
  renal crcl >=50: 750 mg every 24 hours; 20-50: 750 mg every 48 hours; <20: 750 mg once, then
    500 mg every 48 hours
  preg avoid: use alternatives | lact avoid: use alternatives
  ci myasthenia gravis (boxed warning) | ae tendinopathy; QT prolongation; dysglycaemia
moxifloxacin
  brands Avelox | salts hydrochloride | class fluoroquinolone | group fluoroquinolone
  moa Inhibits DNA gyrase and topoisomerase IV; hepatic (glucuronide/sulfate) clearance
  for pneumonia, skin_infection | dose 400 mg once daily | qt known | allergy fluoroquinolone
  hepatic C: not recommended in severe hepatic impairment
  preg avoid: use alternatives | lact avoid: use alternatives
  ci myasthenia gravis | ae QT prolongation; tendinopathy; dysglycaemia
sulfamethoxazole-trimethoprim
  aka TMP-SMX, co-trimoxazole, trimethoprim-sulfamethoxazole | brands Bactrim, Septra
  class sulfonamide antibiotic with folate-synthesis inhibitor | group sulfonamide_antibiotic
  moa Sequential blockade of dihydropteroate synthase and dihydrofolate reductase
  for urinary_tract_infection, skin_infection | dose 800/160 mg (one DS tablet) every 12 hours
  cyp i:2C9 w:2C8 | qt conditional | flags k+ | allergy sulfonamide
  renal crcl >=30: 800/160 mg every 12 hours; 15-30: one-half of the usual dose; <15: not
    recommended
  preg avoid: folate antagonism (first trimester) and kernicterus (near term)
  lact caution: avoid in ill or preterm infants
  ci sulfonamide allergy; megaloblastic anaemia from folate deficiency; dofetilide
  ae rash including SJS/TEN; hyperkalaemia; myelosuppression; raised creatinine
nitrofurantoin
  brands Macrobid, Macrodantin | salts macrocrystals, monohydrate | class nitrofuran
    urinary antiseptic | group urinary_antiseptic
  moa Reduced by bacterial flavoproteins to reactive intermediates that damage DNA
  for urinary_tract_infection | dose 100 mg (monohydrate/macrocrystals) every 12 hours for 5 days
  renal crcl >=30: 100 mg every 12 hours for 5 days; <30: avoid (ineffective, toxic)
  preg caution: avoid at term (38-42 weeks, haemolytic anaemia) | lact caution: avoid in G6PD
    deficient or infants < 1 month
  ci CrCl < 30 (Beers); term pregnancy; prior nitrofurantoin hepatotoxicity
  ae nausea; pulmonary reactions; hepatotoxicity; neuropathy
  beers caution: avoid when CrCl < 30 or for long-term suppression
metronidazole
  brands Flagyl | class nitroimidazole | group nitroimidazole
  moa Reduced intracellularly to radicals that damage anaerobe DNA
  for c_difficile, intra_abdominal_infection | dose 500 mg every 8 hours | cyp i:2C9
  hepatic C: reduce the dose by 50%
  preg caution: avoid first trimester for trichomoniasis (labelled) | lact caution: interrupt
    breastfeeding 24 hours after a single 2 g dose
  ci disulfiram within 2 weeks; alcohol during and 3 days after; Cockayne syndrome
  ae metallic taste; disulfiram-like reaction; peripheral neuropathy
clindamycin
  brands Cleocin | salts hydrochloride, phosphate | class lincosamide | group lincosamide
  moa Binds the 50S ribosomal subunit | for skin_infection | dose 300 mg every 6-8 hours
  cyp m:3A4 | preg compatible: widely used | lact caution: monitor infant stools
  ae C. difficile colitis (boxed warning); diarrhoea; rash
vancomycin
  brands Vancocin, Firvanq | salts hydrochloride | class glycopeptide | group glycopeptide
  moa Binds D-Ala-D-Ala, blocking cell-wall synthesis; oral form is not absorbed
  for c_difficile, skin_infection | dose 125 mg orally every 6 hours for 10 days (C. difficile)
  renalnote IV dosing: loading 20-35 mg/kg actual body weight (maximum 3 g) in serious
    infection, then 15-20 mg/kg every 8-12 hours adjusted to an AUC/MIC of 400-600 (longer
    intervals in renal impairment); oral dosing needs no adjustment
  preg compatible: oral form not absorbed | lact compatible: oral form not absorbed
  ae nephrotoxicity (IV); infusion reaction (IV); taste disturbance (oral)
linezolid
  brands Zyvox | class oxazolidinone (reversible MAO inhibitor) | group oxazolidinone
  moa Binds the 50S ribosomal subunit (23S rRNA); weak reversible non-selective MAO inhibition
  for pneumonia, skin_infection | dose 600 mg every 12 hours | flags sero maoi=reversible
  preg caution: limited data | lact caution: no data
  ci MAO inhibitors within 2 weeks; uncontrolled hypertension, pheochromocytoma, carcinoid (unless
    monitored) | ae myelosuppression (> 2 weeks); peripheral and optic neuropathy; lactic acidosis
fluconazole
  brands Diflucan | class triazole antifungal | group azole_antifungal
  moa Inhibits fungal lanosterol 14-alpha-demethylase; renally excreted
  for fungal_infection | dose 150 mg once (vaginal) or 200-400 mg once daily
  cyp i:3A4 i:2C9 I:2C19 | qt known
  renal crcl >=50: usual dose (200-400 mg once daily); <50: give 50% of the usual dose after the
    loading dose
  preg avoid: high or prolonged doses in the first trimester (malformations) | lact compatible:
    single dose acceptable
  ci QT-prolonging CYP3A4 substrates (pimozide, quinidine, erythromycin) | ae hepatotoxicity;
    QT prolongation; rash
itraconazole
  brands Sporanox, Tolsura | class triazole antifungal | group azole_antifungal
  moa Inhibits fungal lanosterol 14-alpha-demethylase; strong CYP3A4 and P-gp inhibitor
  for fungal_infection | dose 200 mg once or twice daily with food | cyp s:3A4 I:3A4 i:Pgp
  qt conditional | hepatic A: monitor closely, avoid with liver disease when possible
  preg contraindicated: for onychomycosis in pregnancy | lact avoid: not advised
  ci heart failure (onychomycosis); methadone, dofetilide, dronedarone, pimozide, felodipine,
    ranolazine, eplerenone, lovastatin, simvastatin, ticagrelor and other CYP3A4 substrates
  ae heart failure; hepatotoxicity; GI upset
ketoconazole
  brands Nizoral (oral) | class imidazole antifungal | group azole_antifungal
  moa Inhibits fungal ergosterol synthesis; strong CYP3A4 and P-gp inhibitor
  for fungal_infection | dose 200 mg once daily (second-line only) | cyp I:3A4 i:Pgp
  qt conditional | hepatic A: contraindicated in acute or chronic liver disease
  preg avoid: not advised | lact avoid: not advised
  ci acute or chronic liver disease; dofetilide, quinidine, pimozide, methadone, dronedarone,
    ranolazine, eplerenone, lovastatin, simvastatin, alprazolam
  ae hepatotoxicity (boxed warning); adrenal insufficiency; QT prolongation
voriconazole
  brands Vfend | class triazole antifungal | group azole_antifungal
  moa Inhibits fungal 14-alpha-demethylase; CYP2C19 substrate and strong CYP3A4 inhibitor
  for fungal_infection | dose 200 mg every 12 hours orally | cyp s:2C19 m:2C9 I:3A4 i:2C9 i:2C19
  qt conditional | hepatic B: halve the maintenance dose
  preg avoid: fetal harm in animals | lact avoid: not advised
  ci rifampin, carbamazepine, long-acting barbiturates, St John's wort; pimozide; sirolimus;
    high-dose ritonavir | ae visual disturbance; hepatotoxicity; photosensitivity; QT prolongation
posaconazole
  brands Noxafil | class triazole antifungal | group azole_antifungal
  moa Inhibits fungal 14-alpha-demethylase; strong CYP3A4 inhibitor | for fungal_infection
  dose 300 mg once daily (delayed release) | cyp I:3A4 | qt conditional
  preg avoid: fetal harm in animals | lact avoid: not advised
  ci sirolimus; pimozide; CYP3A4-metabolised statins (simvastatin, lovastatin, atorvastatin);
    ergots | ae nausea; hepatotoxicity; QT prolongation
rifampin
  aka rifampicin | brands Rifadin | class rifamycin antimycobacterial | group rifamycin
  moa Inhibits bacterial DNA-dependent RNA polymerase; potent PXR-mediated enzyme inducer
  for tuberculosis | dose 600 mg once daily | cyp X:3A4 X:Pgp x:2C9 x:2C19 x:1A2 x:2C8 x:2B6
  hepatic A: use only if necessary, monitor liver tests
  preg compatible: first-line TB therapy in pregnancy | lact compatible: low levels
  ci ritonavir-boosted protease inhibitors; voriconazole; rilpivirine | ae orange body fluids;
    hepatotoxicity; reduced efficacy of many co-medications
isoniazid
  aka INH | brands Nydrazid | class antimycobacterial (hydrazide) | group antimycobacterial
  moa Inhibits mycolic-acid synthesis (InhA) after KatG activation | for tuberculosis
  dose 300 mg once daily with pyridoxine | cyp i:2C19 w:3A4
  hepatic A: use with caution, contraindicated after isoniazid hepatitis
  preg compatible: used with pyridoxine | lact compatible: with pyridoxine
  ci acute liver disease; prior isoniazid hepatitis | ae hepatitis; peripheral neuropathy
acyclovir
  aka aciclovir | brands Zovirax | class nucleoside analogue antiviral | group antiherpetic
  moa Phosphorylated by viral thymidine kinase; inhibits viral DNA polymerase
  for herpes_zoster | dose 800 mg five times daily for 7 days (zoster)
  renal crcl >=25: 800 mg every 4 hours, 5 times daily; 10-25: 800 mg every 8 hours; <10: 800 mg
    every 12 hours
  preg compatible: reassuring registry data | lact compatible: low levels
  ae nausea; nephrotoxicity (IV, dehydration); neurotoxicity in renal failure
valacyclovir
  brands Valtrex | salts hydrochloride | class nucleoside analogue antiviral (prodrug)
  group antiherpetic | moa Prodrug of acyclovir | for herpes_zoster | dose 1 g every 8 hours
  renal crcl >=50: 1 g every 8 hours; 30-50: 1 g every 12 hours; 10-30: 1 g every 24 hours; <10:
    500 mg every 24 hours
  preg compatible: reassuring data | lact compatible: low levels
  ae headache; nausea; neurotoxicity in renal impairment
oseltamivir
  brands Tamiflu | salts phosphate | class neuraminidase inhibitor | group neuraminidase_inhibitor
  moa Prodrug; inhibits influenza neuraminidase | for influenza | dose 75 mg twice daily for 5 days
  renal crcl >=60: 75 mg twice daily for 5 days; 30-60: 30 mg twice daily for 5 days; 10-30:
    30 mg once daily for 5 days; <10: not recommended (no dialysis)
  preg compatible: recommended in pregnancy | lact compatible: low levels
  ae nausea; vomiting; neuropsychiatric events (rare)
ritonavir
  brands Norvir | class HIV protease inhibitor (pharmacokinetic booster) | group hiv_booster
  moa Inhibits HIV protease; used at low dose to boost other protease inhibitors via CYP3A4
  for hiv | dose 100 mg once or twice daily (booster) | cyp m:3A4 I:3A4 w:2D6 i:Pgp
  hepatic C: not recommended in severe hepatic impairment
  preg compatible: used in regimens in pregnancy | lact avoid: breastfeeding not advised with HIV
    in US guidance
  ci drugs highly dependent on CYP3A for clearance with serious toxicity (e.g. simvastatin,
    lovastatin, pimozide, alfuzosin, sildenafil for PAH, triazolam, midazolam oral)
  ae GI upset; dyslipidaemia; hepatotoxicity
"""

# Indication-specific dosing where the label gives a separate table: (drug, indication)
# -> (usual dose, renal bands in the ``renal`` syntax of :mod:`.parse`).  Indications:
# ``nosocomial_pneumonia`` (hospital-acquired and ventilator-associated pneumonia).
_INDICATION_TEXT: dict[tuple[str, str], tuple[str, str]] = {
    ("piperacillin-tazobactam", "nosocomial_pneumonia"): (
        "4.5 g IV every 6 hours",
        "crcl >=40: 4.5 g IV every 6 hours; 20-40: 3.375 g IV every 6 hours; <20: 2.25 g IV "
        "every 6 hours",
    ),
}
INDICATION_DOSING = {
    key: (usual, parse_renal(key[0], bands)) for key, (usual, bands) in _INDICATION_TEXT.items()
}
