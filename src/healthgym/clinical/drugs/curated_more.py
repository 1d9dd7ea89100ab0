"""Curated interactions added by the issue-17 completeness review (pairs no mechanism rule
of :mod:`.derive` explains, or where the label sets a different severity).

Same format as :mod:`healthgym.clinical.drugs.curated_cv`; written by the project from the
cited US prescribing information (PI) sections, guidelines and papers.  Each entry was
checked against the derived table: an entry here either adds a pair the rules miss or
replaces a derived severity with the label's.
"""

DATA = """
tacrolimus + omeprazole, lansoprazole
  moderate | CYP2C19/CYP3A4 inhibition
  mech Omeprazole and lansoprazole compete for CYP3A4 and inhibit CYP2C19; tacrolimus
    exposure rises, most in CYP3A5 non-expressers and CYP2C19 poor metabolisers.
  effect Raised tacrolimus trough levels: nephrotoxicity, tremor, hyperglycaemia.
  manage Monitor tacrolimus whole-blood troughs after starting or stopping the PPI and adjust
    the dose; pantoprazole or famotidine interact less.
  ref Prograf (tacrolimus) PI section 7 (proton pump inhibitors: lansoprazole, omeprazole);
    Itagaki F et al. J Pharm Pharmacol 2004;56:1055-9
sacubitril-valsartan + lithium
  major | reduced renal lithium clearance
  mech Angiotensin II receptor blockade lowers renal lithium clearance.
  effect Raised lithium levels and lithium toxicity.
  manage Avoid if possible; otherwise monitor serum lithium closely and reduce the dose.
  ref Entresto PI section 7.5 (lithium)
sacubitril-valsartan + group:nsaid
  moderate | renal prostaglandin inhibition
  mech NSAIDs blunt prostaglandin-dependent renal perfusion that RAAS blockade relies on.
  effect Worsening renal function (acute kidney injury), hyperkalaemia, reduced
    antihypertensive effect.
  manage Avoid regular NSAIDs in heart failure; if used, monitor creatinine and potassium.
  ref Entresto PI section 7.4 (NSAIDs); 2022 AHA/ACC/HFSA heart failure guideline
amiloride, triamterene + group:ace_inhibitor, group:arb, sacubitril-valsartan
  major | hyperkalaemia
  mech Potassium-sparing diuretic with RAAS blockade: two independent routes of potassium
    retention.
  effect Severe hyperkalaemia and arrhythmia, especially with CKD, diabetes or older age.
  manage Avoid routine combination; if essential, check potassium and creatinine within
    days and regularly, and stop potassium supplements.
  ref Midamor (amiloride) and Dyrenium (triamterene) PI, Warnings (hyperkalaemia) and Drug
    Interactions (ACE inhibitors, ARBs)
group:opioid + group:gabapentinoid
  major | CNS and respiratory depression
  mech Gabapentinoids add central and respiratory depression to opioids (and raise
    gabapentin absorption with morphine).
  effect Respiratory depression and opioid-related death (odds ratio about 1.5 with
    gabapentin).
  manage Avoid where possible; otherwise start the gabapentinoid at the lowest dose, titrate
    slowly and monitor for sedation and breathing.
  ref FDA Drug Safety Communication 19 Dec 2019 (gabapentinoids with CNS depressants); Gomes
    T et al. PLoS Med 2017;14:e1002396
tizanidine + clonidine, methyldopa
  major | additive alpha-2 agonism
  mech Tizanidine is a central alpha-2 agonist; with another alpha-2 agonist the
    hypotensive and sedative effects add.
  effect Hypotension, bradycardia and sedation.
  manage Avoid the combination (not recommended by the tizanidine label).
  ref Zanaflex (tizanidine) PI section 7 (alpha-2 adrenergic agonists)
sotalol + group:beta_blocker
  moderate | additive beta-blockade
  mech Sotalol is itself a non-selective beta-blocker.
  effect Bradycardia, AV block, hypotension; duplicate beta-blockade.
  manage Usually stop the other beta-blocker when sotalol is started; monitor heart rate
    and blood pressure.
  ref Betapace (sotalol) PI section 7 (beta-blocking drugs)
digoxin + diltiazem
  moderate | P-gp inhibition and additive AV-node depression
  mech Diltiazem raises digoxin concentrations (less than 50 %) and slows AV conduction.
  effect Bradycardia, AV block, digoxin toxicity.
  manage Measure digoxin levels after starting diltiazem; reduce the digoxin dose if needed.
  ref Lanoxin (digoxin) PI section 7.1 (drugs that increase digoxin concentrations)
vancomycin + piperacillin-tazobactam
  moderate | nephrotoxicity
  mech The combination is associated with more acute kidney injury than vancomycin with
    cefepime or meropenem.
  effect Acute kidney injury (about 3-fold the odds).
  manage Prefer an alternative anti-pseudomonal beta-lactam where suitable; otherwise use
    AUC-guided vancomycin dosing and monitor creatinine daily.
  ref Luther MK et al. Crit Care Med 2018;46:12-20 (meta-analysis); ASHP/IDSA vancomycin
    consensus (Rybak MJ et al. Am J Health Syst Pharm 2020;77:835-64)
atorvastatin + ketoconazole, voriconazole
  major | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises atorvastatin exposure several-fold.
  effect Myopathy and rhabdomyolysis.
  manage Use the lowest atorvastatin dose or hold it during antifungal therapy; consider
    pravastatin or rosuvastatin.
  ref Lipitor PI sections 5.1 and 7 (strong CYP3A4 inhibitors); Wiggins BS et al.
    Circulation 2016;134:e468-95
theophylline + erythromycin, clarithromycin
  moderate | CYP3A4 inhibition
  mech Macrolide inhibition of theophylline metabolism (erythromycin raises theophylline
    levels about 35 %); theophylline lowers erythromycin levels.
  effect Theophylline toxicity (nausea, tachyarrhythmia, seizures).
  manage Monitor theophylline levels; reduce the dose or use azithromycin.
  ref Theo-24 (theophylline) PI, Drug Interactions table (erythromycin, clarithromycin)
warfarin + doxycycline, minocycline
  moderate | pharmacodynamic (INR)
  mech Tetracyclines depress plasma prothrombin activity and alter vitamin K-producing flora.
  effect Raised INR and bleeding.
  manage Check the INR within 3-5 days of starting; the warfarin dose may need lowering.
  ref Vibramycin (doxycycline) and Minocin PI, Precautions (anticoagulant therapy)
warfarin + amoxicillin, amoxicillin-clavulanate
  moderate | pharmacodynamic (INR)
  mech Reduced vitamin K-producing gut flora during antibiotic therapy.
  effect Prolonged prothrombin time (raised INR), bleeding.
  manage Monitor the INR during and after the course; adjust warfarin as needed.
  ref Augmentin and Amoxil PI, Drug Interactions (oral anticoagulants)
warfarin + tramadol
  moderate | pharmacodynamic (INR)
  mech Tramadol potentiates warfarin (mechanism unclear; reports of raised INR).
  effect Raised INR, bleeding.
  manage Monitor the INR when tramadol is started or stopped.
  ref Ultram (tramadol) PI section 7 (warfarin)
warfarin + itraconazole, ketoconazole, posaconazole
  moderate | CYP3A4 inhibition (R-warfarin)
  mech Azole inhibition of CYP3A4 slows clearance of R-warfarin.
  effect Raised INR and bleeding.
  manage Check the INR within 3-5 days of starting or stopping the azole; adjust warfarin.
  ref Coumadin PI section 7 (antifungals); Sporanox and Noxafil PI section 7 (warfarin)
warfarin + ritonavir
  moderate | enzyme induction/inhibition (INR)
  mech Ritonavir induces CYP2C9 and CYP1A2 (S- and R-warfarin) and inhibits CYP3A4.
  effect Unpredictable INR, usually lower (thrombosis) or higher (bleeding).
  manage Monitor the INR closely when ritonavir is started or stopped.
  ref Norvir (ritonavir) PI section 7 (warfarin)
warfarin + omeprazole, esomeprazole
  moderate | CYP2C19 inhibition (R-warfarin)
  mech CYP2C19 inhibition slows R-warfarin clearance.
  effect Raised INR and prothrombin time; bleeding reported.
  manage Monitor the INR when the PPI is started or stopped.
  ref Prilosec and Nexium PI section 7 (warfarin)
warfarin + propafenone
  moderate | pharmacokinetic (INR)
  mech Propafenone raises warfarin concentrations (about 39 %).
  effect Prolonged prothrombin time, bleeding.
  manage Monitor the INR and adjust warfarin.
  ref Rythmol (propafenone) PI section 7 (warfarin)
phenytoin + fluoxetine, fluvoxamine, omeprazole, esomeprazole
  moderate | CYP2C19/2C9 inhibition
  mech Inhibition of phenytoin hydroxylation (saturable, non-linear kinetics).
  effect Raised phenytoin levels: nystagmus, ataxia, confusion.
  manage Monitor phenytoin levels (free level if albumin is low) and adjust the dose.
  ref Dilantin (phenytoin) PI section 7 (drugs that may increase phenytoin concentrations)
carbamazepine + fluoxetine, fluvoxamine, isoniazid
  moderate | CYP3A4 inhibition
  mech Inhibition of carbamazepine metabolism (isoniazid also adds hepatotoxicity).
  effect Raised carbamazepine levels: dizziness, ataxia, diplopia, hyponatraemia.
  manage Monitor carbamazepine levels and adjust the dose.
  ref Tegretol (carbamazepine) PI section 7 (agents that increase carbamazepine levels)
lithium + carbamazepine, verapamil, diltiazem
  moderate | neurotoxicity
  mech Pharmacodynamic interaction at normal lithium levels.
  effect Neurotoxicity (ataxia, tremor, confusion) without raised lithium levels.
  manage Monitor for neurological symptoms and lithium levels; use the lowest doses.
  ref Lithium carbonate PI section 7 (carbamazepine, calcium channel blockers)
levothyroxine + carbamazepine, phenytoin, rifampin
  moderate | enzyme induction
  mech Induction of hepatic levothyroxine metabolism (and reduced absorption with phenytoin).
  effect Lower free thyroxine, hypothyroidism.
  manage Check TSH 4-6 weeks after starting or stopping the inducer; raise the dose as needed.
  ref Synthroid (levothyroxine) PI section 7 (drugs that increase hepatic metabolism)
"""
