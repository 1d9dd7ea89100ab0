"""Formulary: diabetes, thyroid, steroids, bone, hormones, urology, immunology, supplements.

Sources: US prescribing information of each drug (renal bands: Januvia, Farxiga,
Invokana, Fosamax, Cialis labelling; metformin per the FDA 2016 Drug Safety
Communication on eGFR and KDIGO 2022 Diabetes in CKD guideline; methotrexate bands
simplified from Kintzel PE, Dorr RT. Cancer Treat Rev 1995;21:33-64); CYP roles per
the FDA table and the Flockhart Table; Beers 2023.
Format: see :mod:`healthgym.clinical.drugs.parse`.
"""

DATA = """
metformin
  brands Glucophage, Glumetza | salts hydrochloride | class biguanide | group biguanide
  moa Lowers hepatic glucose output and raises insulin sensitivity; renally secreted (OCT2/MATE)
  for type2_diabetes | dose 1000 mg twice daily with meals
  renal egfr >=45: 500-1000 mg twice daily (maximum 2550 mg/day); 30-45: do not start, if
    already taking limit to 1000 mg/day; <30: contraindicated
  hepatic A: avoid in hepatic impairment (lactic acidosis risk)
  preg compatible: used in gestational and type 2 diabetes | lact compatible: low levels
  ci eGFR < 30; metabolic acidosis; iodinated contrast in at-risk patients (hold)
  ae diarrhoea; nausea; vitamin B12 deficiency; lactic acidosis (rare)
glipizide
  brands Glucotrol | class sulfonylurea (second generation) | group sulfonylurea
  moa Stimulates insulin release by closing pancreatic K-ATP channels
  for type2_diabetes | dose 5 mg once daily before breakfast | cyp m:2C9
  hepatic B: start 2.5 mg daily (hypoglycaemia) | preg caution: neonatal hypoglycaemia, stop
    before delivery | lact caution: monitor infant glucose
  ae hypoglycaemia; weight gain | beers caution: sulfonylureas raise hypoglycaemia risk
glyburide
  aka glibenclamide | brands Diabeta, Glynase | class sulfonylurea (second generation)
  group sulfonylurea | moa Closes pancreatic K-ATP channels; active renally cleared metabolites
  for type2_diabetes | dose 5 mg once daily with breakfast | cyp m:2C9 m:3A4
  renal crcl >=50: 2.5-10 mg once daily; <50: avoid (accumulation, prolonged hypoglycaemia)
  preg caution: neonatal hypoglycaemia | lact caution: monitor infant glucose
  ci bosentan; diabetic ketoacidosis | ae prolonged hypoglycaemia; weight gain
  beers avoid: prolonged hypoglycaemia in older adults
glimepiride
  brands Amaryl | class sulfonylurea (second generation) | group sulfonylurea
  moa Closes pancreatic K-ATP channels | for type2_diabetes | dose 2 mg once daily with breakfast
  cyp s:2C9 | renal crcl >=22: 1-4 mg once daily; <22: start 1 mg once daily, titrate slowly
  preg caution: neonatal hypoglycaemia | lact avoid: not advised
  ae hypoglycaemia; weight gain | beers avoid: prolonged hypoglycaemia in older adults
pioglitazone
  brands Actos | salts hydrochloride | class thiazolidinedione | group thiazolidinedione
  moa PPAR-gamma agonist that increases insulin sensitivity | for type2_diabetes
  dose 15-30 mg once daily | cyp s:2C8 m:3A4 | hepatic A: do not start with active liver disease
  preg avoid: limited data | lact avoid: no data
  ci NYHA class III-IV heart failure | ae fluid retention; heart failure; fractures; weight gain
  beers caution: avoid in heart failure
sitagliptin
  brands Januvia | salts phosphate | class DPP-4 inhibitor | group dpp4_inhibitor
  moa Inhibits DPP-4, prolonging incretin (GLP-1, GIP) action | for type2_diabetes
  dose 100 mg once daily
  renal egfr >=45: 100 mg once daily; 30-45: 50 mg once daily; <30: 25 mg once daily
  preg caution: limited data | lact caution: no data
  ae nasopharyngitis; pancreatitis (rare); arthralgia
linagliptin
  brands Tradjenta | class DPP-4 inhibitor | group dpp4_inhibitor
  moa Inhibits DPP-4; mainly biliary excretion | for type2_diabetes | dose 5 mg once daily
  cyp m:3A4 m:Pgp | renalnote no renal dose adjustment
  preg caution: limited data | lact caution: no data | ae nasopharyngitis; pancreatitis (rare)
empagliflozin
  brands Jardiance | class SGLT2 inhibitor | group sglt2_inhibitor
  moa Inhibits renal SGLT2, causing glucosuria and natriuresis
  for type2_diabetes, heart_failure, chronic_kidney_disease | dose 10 mg once daily
  renal egfr >=30: 10-25 mg once daily; 20-30: 10 mg once daily (heart or kidney indications
    only); <20: do not initiate
  preg avoid: second and third trimesters (renal development) | lact avoid: not advised
  ci dialysis | ae genital mycotic infection; volume depletion; euglycaemic ketoacidosis
dapagliflozin
  brands Farxiga | salts propanediol | class SGLT2 inhibitor | group sglt2_inhibitor
  moa Inhibits renal SGLT2 | for type2_diabetes, heart_failure, chronic_kidney_disease
  dose 10 mg once daily | renal egfr >=25: 10 mg once daily; <25: do not initiate
  preg avoid: second and third trimesters | lact avoid: not advised
  ci dialysis | ae genital mycotic infection; volume depletion; ketoacidosis
canagliflozin
  brands Invokana | class SGLT2 inhibitor | group sglt2_inhibitor
  moa Inhibits renal SGLT2; glucuronidated (UGT1A9/2B4) | for type2_diabetes
  dose 100 mg once daily before the first meal
  renal egfr >=60: 100-300 mg once daily; 30-60: 100 mg once daily; <30: do not initiate
  hepatic C: not recommended in severe hepatic impairment
  preg avoid: second and third trimesters | lact avoid: not advised
  ci dialysis | ae genital mycotic infection; lower-limb amputation signal; ketoacidosis
semaglutide
  brands Ozempic, Rybelsus, Wegovy | class GLP-1 receptor agonist | group glp1_agonist
  moa Activates GLP-1 receptors: glucose-dependent insulin release, slowed gastric emptying
  for type2_diabetes | dose 0.5-1 mg subcutaneously once weekly
  preg avoid: stop at least 2 months before a planned pregnancy | lact avoid: no data
  ci personal or family history of medullary thyroid carcinoma or MEN2
  ae nausea; vomiting; pancreatitis; gallbladder disease
liraglutide
  brands Victoza, Saxenda | class GLP-1 receptor agonist | group glp1_agonist
  moa Activates GLP-1 receptors | for type2_diabetes | dose 1.2-1.8 mg subcutaneously once daily
  preg avoid: animal data show harm | lact avoid: no data
  ci personal or family history of medullary thyroid carcinoma or MEN2
  ae nausea; diarrhoea; pancreatitis
insulin glargine
  brands Lantus, Basaglar, Toujeo | class long-acting insulin analogue | group insulin
  moa Replaces basal insulin | for type2_diabetes | dose 10 units subcutaneously once daily,
    titrated to fasting glucose
  renalnote requirements fall as GFR declines; titrate to glucose
  preg compatible: insulin is preferred in pregnancy | lact compatible: not orally absorbed
  ci hypoglycaemia episodes | ae hypoglycaemia; weight gain; lipodystrophy
levothyroxine
  aka L-thyroxine, T4 | brands Synthroid, Levoxyl, Euthyrox | salts sodium
  class thyroid hormone | group thyroid_hormone | moa Synthetic T4, converted to T3 in tissues
  for hypothyroidism | dose 1.6 micrograms/kg once daily on an empty stomach
  preg compatible: requirements rise, continue and monitor TSH | lact compatible: essential
  ci uncorrected adrenal insufficiency | ae palpitations and bone loss if over-replaced
methimazole
  brands Tapazole | class thionamide antithyroid drug | group antithyroid
  moa Inhibits thyroid peroxidase, blocking thyroid hormone synthesis | for hyperthyroidism
  dose 10 mg once daily | preg avoid: first trimester (embryopathy), propylthiouracil preferred
  lact compatible: doses up to 20 mg/day | ae agranulocytosis; rash; hepatotoxicity
prednisone
  brands Deltasone, Rayos | class systemic glucocorticoid | group corticosteroid
  moa Prodrug of prednisolone; glucocorticoid receptor agonist
  for asthma, copd, rheumatoid_arthritis | dose 40 mg once daily for 5 days (exacerbation)
  cyp m:3A4 | preg caution: oral clefts (first trimester), use lowest dose
  lact compatible: low levels | ae hyperglycaemia; insomnia; mood change; infection; osteoporosis
dexamethasone
  brands Decadron, Hemady | class systemic glucocorticoid | group corticosteroid
  moa Potent long-acting glucocorticoid receptor agonist | for asthma, nausea
  dose 4-8 mg once daily | cyp m:3A4 x:3A4
  preg caution: use lowest effective dose | lact caution: limited data
  ae hyperglycaemia; insomnia; adrenal suppression; infection
alendronate
  brands Fosamax, Binosto | salts sodium | class bisphosphonate | group bisphosphonate
  moa Inhibits osteoclast-mediated bone resorption | for osteoporosis
  dose 70 mg once weekly, fasting, upright for 30 minutes
  renal crcl >=35: 70 mg once weekly; <35: not recommended
  preg avoid: retained in bone for years | lact avoid: no data
  ci oesophageal stricture or achalasia; inability to stay upright 30 minutes; hypocalcaemia
  ae oesophagitis; osteonecrosis of the jaw; atypical femoral fracture
ethinyl estradiol
  aka combined oral contraceptive, ethinyl estradiol-norethindrone, the pill | brands Loestrin,
    Junel | class combined oral contraceptive | group contraceptive
  moa Estrogen-progestin suppression of ovulation; inhibits CYP1A2
  for contraception | dose 1 tablet daily | cyp s:3A4 i:1A2
  hepatic B: contraindicated in hepatic disease or liver tumours
  preg contraindicated: no indication in pregnancy, stop when pregnancy is confirmed
  lact avoid: reduces milk supply, use progestin-only methods
  ci smoker aged > 35 (boxed); VTE or stroke history; migraine with aura; breast cancer
  ae VTE; hypertension; nausea; breakthrough bleeding | beers avoid: oral estrogens (carcinogenic,
    thrombosis) in older women
tamsulosin
  brands Flomax | salts hydrochloride | class alpha-1A blocker | group alpha_blocker
  moa Blocks prostatic alpha-1A receptors, relaxing the bladder outlet | for bph
  dose 0.4 mg once daily after the same meal | cyp s:3A4 m:2D6
  preg avoid: not indicated in women | lact avoid: not indicated in women
  ci strong CYP3A4 inhibitors (labelled: do not use) | ae orthostatic hypotension; abnormal
    ejaculation; intraoperative floppy iris syndrome
finasteride
  brands Proscar, Propecia | class 5-alpha-reductase inhibitor | group five_ari
  moa Inhibits type II 5-alpha-reductase, lowering dihydrotestosterone | for bph
  dose 5 mg once daily | cyp m:3A4
  preg contraindicated: feminisation of a male fetus (women should not handle crushed tablets)
  lact contraindicated: not indicated in women | ae sexual dysfunction; gynaecomastia
oxybutynin
  brands Ditropan XL, Oxytrol | salts chloride | class antimuscarinic (bladder)
  group bladder_antimuscarinic | moa Blocks bladder muscarinic receptors
  for overactive_bladder | dose 5-10 mg once daily (extended release) | cyp m:3A4 | flags cns=1
  preg caution: limited data | lact avoid: may suppress lactation
  ci urinary retention; uncontrolled narrow-angle glaucoma; gastric retention
  ae dry mouth; constipation; confusion | beers avoid: strongly anticholinergic
tolterodine
  brands Detrol | salts tartrate | class antimuscarinic (bladder) | group bladder_antimuscarinic
  moa Blocks bladder muscarinic receptors | for overactive_bladder | dose 2 mg twice daily
  cyp m:2D6 s:3A4 | qt possible | renal crcl >=30: 2 mg twice daily; <30: 1 mg twice daily
  hepatic A: 1 mg twice daily
  preg caution: limited data | lact avoid: no data | ci urinary retention; gastric retention
  ae dry mouth; constipation | beers caution: anticholinergic, avoid with dementia
sildenafil
  brands Viagra, Revatio | salts citrate | class phosphodiesterase-5 inhibitor | group pde5
  moa Inhibits PDE-5, enhancing nitric-oxide/cGMP vasodilation | for erectile_dysfunction
  dose 50 mg about 1 hour before sexual activity | cyp S:3A4 | hepatic A: start 25 mg
  renalnote CrCl < 30: start 25 mg | preg caution: not indicated for ED in women
  lact caution: not indicated for ED | ci organic nitrates; riociguat
  ae headache; flushing; visual disturbance; hypotension
tadalafil
  brands Cialis, Adcirca | class phosphodiesterase-5 inhibitor | group pde5
  moa Long-acting PDE-5 inhibitor | for erectile_dysfunction, bph | dose 10 mg before activity
  cyp s:3A4 | renal crcl >=50: 10 mg as needed (maximum 20 mg); 30-50: start 5 mg, maximum 10 mg
    per 48 hours; <30: maximum 5 mg per 72 hours
  hepatic C: not recommended in severe hepatic impairment
  preg caution: not indicated for ED | lact caution: not indicated | ci organic nitrates; riociguat
  ae headache; back pain; dyspepsia
vardenafil
  brands Levitra, Staxyn | salts hydrochloride | class phosphodiesterase-5 inhibitor | group pde5
  moa Inhibits PDE-5 | for erectile_dysfunction | dose 10 mg about 1 hour before activity
  cyp S:3A4 | qt possible | hepatic B: start 5 mg, maximum 10 mg; C: not recommended
  preg caution: not indicated | lact caution: not indicated
  ci organic nitrates; riociguat | ae headache; flushing; QT prolongation
methotrexate
  brands Trexall, Otrexup, Xatmep | salts sodium | class antimetabolite (folate antagonist)
  group dmard | moa Inhibits dihydrofolate reductase; anti-inflammatory at low weekly doses
  for rheumatoid_arthritis | dose 15 mg once weekly with folic acid
  renal crcl >=60: 7.5-25 mg once weekly; 30-60: reduce the weekly dose by 50%; <30: avoid
  hepatic A: contraindicated in alcoholic or chronic liver disease
  preg contraindicated: embryo-fetal death and malformations (non-cancer use)
  lact contraindicated: serious infant toxicity
  ci pregnancy (non-cancer use); alcoholism or chronic liver disease; immunodeficiency; blood
    dyscrasias | ae myelosuppression; hepatotoxicity; mucositis; pneumonitis
hydroxychloroquine
  brands Plaquenil | salts sulfate | class antimalarial DMARD | group dmard
  moa Raises lysosomal pH and dampens antigen presentation and toll-like receptor signalling
  for rheumatoid_arthritis | dose 200-400 mg once daily (<= 5 mg/kg/day) | cyp m:2D6 m:3A4 w:2D6
  qt known | preg compatible: continued in pregnancy for lupus/RA | lact compatible: low levels
  ae retinopathy; QT prolongation; hypoglycaemia; GI upset
tacrolimus
  brands Prograf, Envarsus XR | class calcineurin inhibitor | group calcineurin_inhibitor
  moa Binds FKBP-12 and inhibits calcineurin, blocking T-cell IL-2 transcription
  for kidney_transplant | dose trough-guided, about 0.1 mg/kg/day in two doses | cyp S:3A4 m:Pgp
  qt possible | flags k+ | hepatic B: lower doses, monitor troughs
  preg caution: used when needed in transplant recipients | lact compatible: low levels
  ae nephrotoxicity; tremor; hyperkalaemia; hyperglycaemia; hypertension
cyclosporine
  aka ciclosporin | brands Neoral, Sandimmune, Gengraf | class calcineurin inhibitor
  group calcineurin_inhibitor | moa Binds cyclophilin and inhibits calcineurin
  for kidney_transplant, rheumatoid_arthritis
  dose trough-guided, about 2.5-5 mg/kg/day in two doses
  cyp S:3A4 i:3A4 i:Pgp | flags k+
  preg caution: used when needed in transplant recipients | lact caution: limited data
  ae nephrotoxicity; hypertension; hyperkalaemia; gingival hyperplasia; hirsutism
azathioprine
  brands Imuran, Azasan | class purine antimetabolite | group antimetabolite
  moa Converted to 6-mercaptopurine; inhibits purine synthesis in lymphocytes
  for rheumatoid_arthritis, kidney_transplant | dose 1-2.5 mg/kg once daily
  renalnote reduce the dose in renal impairment | preg caution: used when benefits outweigh risks
  lact caution: low levels | ci pregnancy for rheumatoid arthritis (labelled)
  ae myelosuppression (TPMT/NUDT15 deficiency); hepatotoxicity; lymphoma
mycophenolate
  aka mycophenolate mofetil, MMF | brands CellCept, Myfortic | salts mofetil, sodium
  class antimetabolite (IMPDH inhibitor) | group antimetabolite
  moa Inhibits inosine monophosphate dehydrogenase, blocking lymphocyte purine synthesis
  for kidney_transplant | dose 1 g twice daily
  preg contraindicated: first-trimester loss and malformations (REMS) | lact avoid: no data
  ae diarrhoea; leukopenia; infection
tamoxifen
  brands Soltamox, Nolvadex | salts citrate | class selective estrogen-receptor modulator
  group serm | moa Prodrug activated by CYP2D6 to endoxifen; blocks breast estrogen receptors
  for breast_cancer | dose 20 mg once daily | cyp P:2D6 m:3A4 | qt possible
  preg contraindicated: fetal harm, use non-hormonal contraception | lact avoid: not advised
  ci concurrent warfarin (risk-reduction setting); DVT or PE history (risk-reduction setting)
  ae hot flushes; VTE; endometrial cancer; cataracts
potassium chloride
  aka KCl | brands Klor-Con, K-Tab | class potassium supplement | group potassium_supplement
  moa Replaces potassium | for hypokalemia | dose 20 mEq once or twice daily with food | flags k+
  renalnote avoid or monitor closely when CrCl < 30 (hyperkalaemia)
  preg compatible: physiological replacement | lact compatible: physiological
  ci hyperkalaemia; solid forms with delayed GI transit | ae GI irritation; hyperkalaemia
calcium carbonate
  brands Tums, Os-Cal | class calcium supplement and antacid | group calcium_supplement
  moa Supplies calcium; neutralises gastric acid | for osteoporosis, hypocalcemia, gerd
  dose 500-600 mg elemental calcium twice daily with meals
  preg compatible: physiological | lact compatible: physiological | ci hypercalcaemia
  ae constipation; hypercalcaemia; milk-alkali syndrome
ferrous sulfate
  aka iron sulfate | brands Feosol, Slow Fe | class oral iron | group iron
  moa Supplies iron for haemoglobin synthesis | for iron_deficiency
  dose 325 mg (65 mg elemental iron) once daily or on alternate days
  preg compatible: routinely used | lact compatible: physiological
  ci haemochromatosis | ae constipation; dark stools; nausea
st john's wort
  aka hypericum, hypericum perforatum, st johns wort | class herbal antidepressant
  group herbal | moa Hyperforin inhibits serotonin reuptake and activates PXR (enzyme induction)
  for depression | dose 300 mg three times daily (standardised extract)
  cyp X:3A4 x:2C9 x:2C19 X:Pgp | flags sero
  preg avoid: insufficient data | lact avoid: insufficient data
  ae photosensitivity; serotonin toxicity with other serotonergic drugs; loss of efficacy of
    co-medications
"""
