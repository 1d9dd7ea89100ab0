"""Curated interactions: psychiatry/neurology, anti-infectives, immunology, absorption.

Same format as :mod:`healthgym.clinical.drugs.curated_cv`; written by the project from
the cited US prescribing information (PI) sections and literature.
"""

DATA = """
bupropion, methylphenidate, amphetamine + phenelzine, tranylcypromine, selegiline, linezolid
  contraindicated | MAO inhibition (hypertensive reaction)
  mech MAO inhibition blocks breakdown of the catecholamines these drugs release or preserve.
  effect Hypertensive crisis; serotonin toxicity with amphetamine.
  manage Do not combine; allow 14 days after stopping an MAO inhibitor.
  ref Wellbutrin, Ritalin and Adderall PI, Contraindications
carbamazepine, methyldopa + phenelzine, tranylcypromine, selegiline
  contraindicated | MAO inhibition
  mech Labelled contraindication with MAO inhibitors (hypertensive and hyperpyrexic reactions).
  effect Hypertensive crisis, seizures, hyperpyrexia.
  manage Do not combine; allow 14 days after stopping the MAO inhibitor.
  ref Tegretol and Aldomet PI, Contraindications
pimozide + clarithromycin, erythromycin, itraconazole, ketoconazole, ritonavir, voriconazole,
    posaconazole, fluconazole
  contraindicated | CYP3A4 inhibition and QT prolongation
  mech CYP3A4 inhibition raises pimozide levels on top of additive QT effects.
  effect Torsades de pointes and sudden death.
  manage Do not combine.
  ref Orap PI, Contraindications
pimozide + sertraline, paroxetine, citalopram, escitalopram, fluoxetine, fluvoxamine
  contraindicated | CYP inhibition and QT prolongation
  mech SSRIs raise pimozide levels (sertraline about 40%) and citalopram adds QT effect.
  effect QT prolongation and arrhythmia.
  manage Do not combine.
  ref Orap, Zoloft, Paxil and Celexa PI, Contraindications
pimozide + amiodarone, sotalol, dofetilide, dronedarone, haloperidol, methadone, azithromycin,
    ciprofloxacin, levofloxacin, moxifloxacin, ondansetron, donepezil, hydroxychloroquine
  contraindicated | QT prolongation
  mech Additive prolongation of ventricular repolarisation.
  effect Torsades de pointes.
  manage Do not combine.
  ref Orap PI, Contraindications (drugs that prolong the QT interval)
ziprasidone + dofetilide, sotalol, moxifloxacin, pimozide, amiodarone, dronedarone, tacrolimus
  contraindicated | QT prolongation
  mech Additive prolongation of ventricular repolarisation.
  effect Torsades de pointes.
  manage Do not combine.
  ref Geodon PI, Contraindications
tamoxifen + paroxetine, fluoxetine, bupropion
  major | CYP2D6 inhibition (prodrug)
  mech Strong CYP2D6 inhibition blocks conversion of tamoxifen to endoxifen.
  effect Lower endoxifen levels; higher breast-cancer mortality reported with paroxetine.
  manage Avoid; choose venlafaxine, escitalopram or citalopram for depression or hot flushes.
  ref Kelly CM et al. BMJ 2010;340:c693; NCCN guidance
codeine, tramadol + clarithromycin, ketoconazole, itraconazole, ritonavir, voriconazole
  major | CYP3A4 inhibition
  mech CYP3A4 inhibition shunts codeine/tramadol to CYP2D6 activation and slows clearance.
  effect Opioid toxicity with respiratory depression (boxed warning); seizures with tramadol.
  manage Avoid; if needed, monitor closely for sedation and respiratory depression.
  ref Ultram and codeine PI, Boxed Warning (CYP3A4 interaction)
methadone + rifampin, carbamazepine, phenytoin, st john's wort
  major | enzyme induction
  mech Induction of CYP3A4 and CYP2B6 increases methadone clearance.
  effect Opioid withdrawal and relapse in opioid use disorder; toxicity when the inducer stops.
  manage Avoid or raise the methadone dose with close follow-up; reverse when the inducer stops.
  ref Dolophine PI, Drug Interactions
methadone + itraconazole, ketoconazole
  contraindicated | CYP3A4 inhibition and QT prolongation
  mech Strong CYP3A4 inhibition raises methadone levels.
  effect QT prolongation, torsades and respiratory depression.
  manage Do not combine.
  ref Sporanox and ketoconazole PI, Contraindications
itraconazole + felodipine, ticagrelor
  contraindicated | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition markedly raises the substrate's exposure.
  effect Severe hypotension and oedema (felodipine) or bleeding (ticagrelor).
  manage Do not combine.
  ref Sporanox PI, Contraindications
fluconazole + erythromycin
  contraindicated | CYP3A4 inhibition and QT prolongation
  mech Fluconazole raises erythromycin levels; both prolong the QT interval.
  effect Torsades de pointes and sudden cardiac death.
  manage Do not combine.
  ref Diflucan PI, Contraindications
alprazolam + ketoconazole, itraconazole
  contraindicated | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises alprazolam exposure about 4-fold.
  effect Prolonged sedation and respiratory depression.
  manage Do not combine; lorazepam (glucuronidated) is an alternative.
  ref Xanax PI, Contraindications
alprazolam + clarithromycin, ritonavir, voriconazole, posaconazole
  major | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises alprazolam exposure.
  effect Excess sedation.
  manage Avoid or reduce the alprazolam dose substantially.
  ref Xanax PI, Drug Interactions
clozapine + fluvoxamine, ciprofloxacin
  major | CYP1A2 inhibition
  mech Strong CYP1A2 inhibition raises clozapine levels up to 5- to 10-fold.
  effect Seizures, hypotension, sedation, QT prolongation.
  manage Avoid, or give one-third of the clozapine dose and follow levels.
  ref Clozaril PI, Drug Interactions
clozapine + carbamazepine
  major | bone marrow toxicity and induction
  mech Additive myelosuppression; induction lowers clozapine levels.
  effect Agranulocytosis; loss of antipsychotic effect.
  manage Avoid the combination.
  ref Clozaril PI, Drug Interactions
theophylline + ciprofloxacin, fluvoxamine
  major | CYP1A2 inhibition
  mech Strong CYP1A2 inhibition raises theophylline levels (fluvoxamine about 3-fold).
  effect Theophylline toxicity: seizures, arrhythmias, death.
  manage Avoid; otherwise reduce the theophylline dose by about two-thirds and follow levels.
  ref Cipro and Luvox PI, Boxed/Warnings
theophylline + cimetidine, rifampin, carbamazepine, phenytoin
  moderate | CYP1A2 inhibition or induction
  mech Cimetidine slows and inducers speed theophylline clearance.
  effect Toxicity (cimetidine) or loss of bronchodilation (inducers).
  manage Follow theophylline levels and adjust the dose.
  ref Theo-24 PI, Drug Interactions
tizanidine + ciprofloxacin, fluvoxamine
  contraindicated | CYP1A2 inhibition
  mech Strong CYP1A2 inhibition raises tizanidine exposure 10- to 33-fold.
  effect Severe hypotension, bradycardia and sedation.
  manage Do not combine.
  ref Zanaflex PI, Contraindications
carbamazepine + clarithromycin, erythromycin
  major | CYP3A4 inhibition
  mech Macrolide CYP3A4 inhibition raises carbamazepine levels.
  effect Carbamazepine toxicity: ataxia, diplopia, nausea, hyponatraemia.
  manage Prefer azithromycin; otherwise follow carbamazepine levels.
  ref Tegretol PI, Drug Interactions
voriconazole + rifampin, carbamazepine, st john's wort
  contraindicated | enzyme induction
  mech Strong induction lowers voriconazole exposure by more than 90%.
  effect Antifungal failure.
  manage Do not combine.
  ref Vfend PI, Contraindications
voriconazole + phenytoin
  major | enzyme induction and CYP2C9 inhibition
  mech Phenytoin lowers voriconazole levels; voriconazole raises phenytoin levels.
  effect Antifungal failure and phenytoin toxicity.
  manage Double the voriconazole maintenance dose and follow phenytoin levels.
  ref Vfend PI, Drug Interactions
voriconazole + ritonavir
  major | enzyme induction
  mech Ritonavir (400 mg twice daily) induces voriconazole metabolism; low boosting doses less so.
  effect Reduced voriconazole levels.
  manage Avoid unless benefit outweighs risk; use therapeutic drug monitoring.
  ref Vfend PI, Contraindications and Drug Interactions
rifampin + ritonavir
  contraindicated | enzyme induction
  mech Rifampin induction abolishes boosted protease-inhibitor levels.
  effect Loss of virological control and resistance.
  manage Do not combine; rifabutin is the rifamycin used with boosted regimens.
  ref Rifadin PI, Contraindications
phenytoin + fluconazole
  major | CYP2C9 inhibition
  mech Fluconazole inhibits CYP2C9, which clears phenytoin (non-linear kinetics).
  effect Phenytoin toxicity: nystagmus, ataxia, confusion.
  manage Follow phenytoin levels and reduce the dose.
  ref Diflucan PI, Drug Interactions
phenytoin + sulfamethoxazole-trimethoprim, amiodarone, isoniazid
  moderate | CYP2C9/2C19 inhibition
  mech Inhibition of phenytoin hydroxylation.
  effect Raised phenytoin levels.
  manage Follow phenytoin levels.
  ref Dilantin PI, Drug Interactions
valproate + lamotrigine
  major | glucuronidation inhibition
  mech Valproate inhibits lamotrigine glucuronidation, doubling its half-life.
  effect Serious rash including SJS/TEN.
  manage Halve lamotrigine starting and titration doses (labelled valproate schedule).
  ref Lamictal PI, Boxed Warning and Dosage
valproate + meropenem
  major | reduced valproate levels
  mech Carbapenems inhibit hydrolysis of valproate glucuronide, lowering valproate levels.
  effect Breakthrough seizures within 24 hours.
  manage Avoid; use another antibiotic or a supplemental antiepileptic.
  ref Depakote and Merrem PI, Drug Interactions
valproate + topiramate
  moderate | additive toxicity
  mech Combined use impairs urea-cycle function.
  effect Hyperammonaemia and encephalopathy; hypothermia.
  manage Check ammonia if lethargy or vomiting occur.
  ref Depakote PI, Warnings
valproate + carbamazepine, phenytoin
  moderate | enzyme induction and displacement
  mech Inducers lower valproate levels; valproate displaces phenytoin and raises carbamazepine
    epoxide.
  effect Loss of seizure control or toxicity.
  manage Follow levels of both drugs.
  ref Depakote PI, Drug Interactions
lamotrigine + carbamazepine, phenytoin, rifampin, ethinyl estradiol
  moderate | glucuronidation induction
  mech Induction of lamotrigine glucuronidation lowers its levels by about half.
  effect Loss of seizure or mood control.
  manage Use the labelled higher lamotrigine doses; adjust when the inducer starts or stops.
  ref Lamictal PI, Dosage and Administration
ethinyl estradiol + rifampin, carbamazepine, phenytoin, st john's wort
  major | enzyme induction
  mech Induction of CYP3A4 and glucuronidation lowers contraceptive steroid levels.
  effect Contraceptive failure and unintended pregnancy.
  manage Use a non-hormonal or intrauterine method during and 28 days after the inducer.
  ref FSRH/CDC US MEC 2016; Rifadin PI
ethinyl estradiol + topiramate
  moderate | enzyme induction
  mech Topiramate above 200 mg/day induces estrogen metabolism.
  effect Reduced contraceptive efficacy, breakthrough bleeding.
  manage Use an additional or non-hormonal method at doses above 200 mg/day.
  ref Topamax PI, Drug Interactions
methotrexate + sulfamethoxazole-trimethoprim
  major | additive antifolate and reduced renal clearance
  mech Trimethoprim adds antifolate effect; both compete for renal tubular secretion.
  effect Pancytopenia and mucositis, sometimes fatal.
  manage Avoid; choose another antibiotic.
  ref Trexall PI, Drug Interactions
methotrexate + group:nsaid
  major | reduced renal clearance
  mech NSAIDs reduce renal methotrexate clearance.
  effect Methotrexate toxicity: myelosuppression, renal failure, mucositis.
  manage Avoid with high-dose methotrexate; with low weekly doses monitor counts and renal function.
  ref Trexall PI, Boxed Warning
methotrexate + omeprazole, esomeprazole, pantoprazole, lansoprazole
  moderate | reduced renal clearance
  mech PPIs inhibit renal BCRP-mediated methotrexate elimination.
  effect Delayed methotrexate clearance (mainly high doses).
  manage Consider holding the PPI around high-dose methotrexate.
  ref Trexall PI, Drug Interactions
methotrexate + amoxicillin, amoxicillin-clavulanate, penicillin v, piperacillin-tazobactam
  moderate | reduced renal clearance
  mech Penicillins compete for renal tubular secretion of methotrexate.
  effect Methotrexate toxicity.
  manage Monitor blood counts and renal function.
  ref Trexall PI, Drug Interactions
methotrexate + aspirin
  moderate | reduced renal clearance
  mech Salicylates reduce methotrexate clearance and protein binding.
  effect Methotrexate toxicity at higher aspirin doses.
  manage Low-dose aspirin is usually acceptable; monitor counts.
  ref Trexall PI, Drug Interactions
azathioprine + allopurinol
  major | xanthine oxidase inhibition
  mech Allopurinol blocks xanthine oxidase, which inactivates 6-mercaptopurine.
  effect Severe myelosuppression.
  manage Reduce azathioprine to one-third to one-quarter of the dose, or avoid.
  ref Imuran PI, Drug Interactions
azathioprine + febuxostat
  contraindicated | xanthine oxidase inhibition
  mech Febuxostat blocks xanthine oxidase, which inactivates 6-mercaptopurine.
  effect Severe myelosuppression.
  manage Do not combine.
  ref Uloric PI, Contraindications
group:sulfonylurea + ciprofloxacin, levofloxacin, moxifloxacin, fluconazole,
    sulfamethoxazole-trimethoprim
  moderate | dysglycaemia
  mech Fluoroquinolones disturb insulin release; azoles and sulfamethoxazole inhibit CYP2C9.
  effect Severe hypoglycaemia.
  manage Monitor glucose closely; consider reducing the sulfonylurea dose.
  ref FDA Drug Safety Communication 2018 (fluoroquinolones); Diflucan PI
semaglutide, liraglutide + insulin glargine, glipizide, glyburide, glimepiride
  moderate | additive hypoglycaemia
  mech GLP-1 agonists add glucose lowering to insulin or sulfonylureas.
  effect Hypoglycaemia.
  manage Reduce the insulin or sulfonylurea dose when starting.
  ref Ozempic and Victoza PI, Warnings
linagliptin + rifampin
  major | CYP3A4/P-gp induction
  mech Rifampin lowers linagliptin exposure by about 40%.
  effect Loss of glycaemic control.
  manage Use an alternative to linagliptin.
  ref Tradjenta PI, Drug Interactions
canagliflozin + rifampin, phenytoin
  moderate | UGT induction
  mech Induction of canagliflozin glucuronidation lowers exposure by about half.
  effect Reduced glycaemic efficacy.
  manage Raise canagliflozin to 200-300 mg daily if eGFR allows.
  ref Invokana PI, Dosage and Administration
levothyroxine + calcium carbonate, ferrous sulfate
  moderate | absorption (binding)
  mech Calcium and iron bind levothyroxine in the gut.
  effect Reduced levothyroxine absorption and rising TSH.
  manage Separate doses by at least 4 hours.
  ref Synthroid PI, Drug Interactions
doxycycline, minocycline, ciprofloxacin, levofloxacin, moxifloxacin + calcium carbonate,
    ferrous sulfate
  moderate | absorption (chelation)
  mech Divalent and trivalent cations chelate tetracyclines and fluoroquinolones.
  effect Antibiotic failure.
  manage Give the antibiotic 2 hours before or 6 hours after the supplement.
  ref Cipro and Vibramycin PI, Drug Interactions
alendronate + calcium carbonate, ferrous sulfate
  moderate | absorption (chelation)
  mech Cations bind alendronate in the gut.
  effect Loss of antiresorptive effect.
  manage Take alendronate fasting with water, 30 minutes before anything else.
  ref Fosamax PI, Dosage and Administration
cefdinir + ferrous sulfate
  minor | absorption (chelation)
  mech Iron binds cefdinir in the gut.
  effect Lower cefdinir absorption; red stools.
  manage Separate by at least 2 hours.
  ref Omnicef PI, Drug Interactions
group:fluoroquinolone + prednisone, dexamethasone
  moderate | tendon toxicity
  mech Corticosteroids add to fluoroquinolone tendon toxicity.
  effect Tendinitis and tendon rupture, mostly in adults over 60.
  manage Avoid the combination when possible; stop at the first tendon pain.
  ref Cipro and Levaquin PI, Boxed Warning
group:nsaid + prednisone, dexamethasone
  moderate | GI toxicity
  mech Additive injury to the gastric mucosa.
  effect Peptic ulcer and GI bleeding.
  manage Add a PPI or avoid the NSAID.
  ref NSAID PI, Warnings; ACG 2009 NSAID ulcer prevention guideline
ketorolac + aspirin, ibuprofen, naproxen, diclofenac, meloxicam, celecoxib
  contraindicated | GI toxicity and bleeding
  mech Additive COX inhibition.
  effect Serious GI bleeding and renal injury.
  manage Do not combine.
  ref Toradol PI, Contraindications
group:nsaid + group:ace_inhibitor, group:arb
  moderate | renal prostaglandin inhibition
  mech NSAIDs block renal prostaglandins that maintain filtration under RAAS blockade.
  effect Acute kidney injury, hyperkalaemia and reduced blood-pressure control.
  manage Avoid regular NSAIDs; if needed, check creatinine and potassium within 1-2 weeks.
  ref Lisinopril and NSAID PI; KDIGO 2024 CKD guideline
group:nsaid + furosemide, torsemide, bumetanide, hydrochlorothiazide, chlorthalidone,
    spironolactone
  moderate | renal prostaglandin inhibition
  mech NSAIDs blunt diuretic natriuresis and reduce renal perfusion.
  effect Reduced diuretic effect, fluid retention, acute kidney injury.
  manage Avoid regular NSAIDs in heart failure; monitor weight, creatinine and potassium.
  ref Lasix PI, Drug Interactions; 2022 AHA/ACC/HFSA heart failure guideline
lithium + group:ace_inhibitor, group:arb, hydrochlorothiazide, chlorthalidone, group:nsaid
  major | reduced renal lithium clearance
  mech Lower GFR or enhanced proximal sodium (and lithium) reabsorption.
  effect Lithium toxicity: tremor, confusion, ataxia, arrhythmia.
  manage Avoid; if needed, reduce the lithium dose and check levels within 5-7 days.
  ref Lithobid PI, Drug Interactions
lithium + furosemide, torsemide, bumetanide, metronidazole
  moderate | reduced renal lithium clearance
  mech Volume depletion (loop diuretics) or reduced renal clearance (metronidazole).
  effect Raised lithium levels.
  manage Monitor lithium levels.
  ref Lithobid PI, Drug Interactions
donepezil + oxybutynin, tolterodine, diphenhydramine, hydroxyzine, amitriptyline, nortriptyline,
    paroxetine
  moderate | opposing pharmacodynamics
  mech Anticholinergic drugs antagonise cholinesterase-inhibitor effects.
  effect Loss of cognitive benefit; anticholinergic delirium.
  manage Avoid the anticholinergic (Beers 2023 drug-drug interaction criteria).
  ref AGS Beers Criteria 2023
metoclopramide + haloperidol, risperidone, olanzapine, quetiapine, aripiprazole, ziprasidone,
    clozapine, pimozide
  moderate | additive dopamine blockade
  mech Both block dopamine D2 receptors.
  effect Extrapyramidal symptoms, neuroleptic malignant syndrome, tardive dyskinesia.
  manage Avoid; choose a non-dopaminergic antiemetic such as ondansetron.
  ref Reglan PI, Drug Interactions
potassium chloride + oxybutynin, tolterodine
  major | delayed GI transit (solid potassium)
  mech Anticholinergic slowing of GI transit keeps solid potassium tablets in contact with mucosa.
  effect GI ulceration, stricture and bleeding.
  manage Solid potassium is contraindicated: use a liquid potassium formulation.
  ref Klor-Con/K-Tab PI, Contraindications
rizatriptan + propranolol
  moderate | MAO-A inhibition by propranolol
  mech Propranolol raises rizatriptan exposure by about 70%.
  effect Triptan adverse effects.
  manage Use rizatriptan 5 mg (maximum 15 mg/24 h).
  ref Maxalt PI, Dosage and Administration
eletriptan + ketoconazole, itraconazole, clarithromycin, ritonavir, voriconazole, posaconazole
  contraindicated | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises eletriptan exposure about 6-fold.
  effect Coronary vasospasm and hypertension.
  manage Do not use eletriptan within 72 hours of a strong CYP3A4 inhibitor.
  ref Relpax PI, Contraindications
albuterol + propranolol, carvedilol, labetalol
  moderate | beta-receptor antagonism
  mech Non-selective beta-blockers block beta-2 bronchodilation.
  effect Loss of bronchodilator effect; bronchospasm in asthma.
  manage Prefer a cardioselective beta-blocker in asthma or COPD.
  ref Ventolin PI, Drug Interactions
tamsulosin + ketoconazole, itraconazole, clarithromycin, ritonavir, voriconazole, posaconazole
  major | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises tamsulosin exposure about 2.8-fold.
  effect Orthostatic hypotension and syncope.
  manage Do not use tamsulosin with strong CYP3A4 inhibitors.
  ref Flomax PI, Drug Interactions
"""
