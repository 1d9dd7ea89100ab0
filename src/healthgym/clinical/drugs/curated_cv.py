"""Curated interactions: statins, cardiac drugs, RAAS blockers, potassium, gout, urology.

Each entry: ``SIDE + SIDE`` (comma lists of generic names or ``group:<key>``), then
``SEVERITY | CATEGORY`` and ``mech``/``effect``/``manage``/``ref`` lines.  Written by the
project from the cited US prescribing information (PI) sections and guidelines; an
entry naming drugs explicitly overrides one naming a group, and any curated entry
overrides a derived one.
"""

DATA = """
simvastatin, lovastatin + clarithromycin, erythromycin, itraconazole, ketoconazole, voriconazole,
    ritonavir
  contraindicated | CYP3A4 inhibition
  mech CYP3A4 inhibition raises simvastatin/lovastatin (acid) exposure about 10-fold or more.
  effect Myopathy and rhabdomyolysis with acute kidney injury.
  manage Do not combine: hold the statin during the course or switch to pravastatin or rosuvastatin.
  ref Zocor and Mevacor/Altoprev PI, Contraindications; Wiggins BS et al. Circulation 2016
simvastatin + gemfibrozil, cyclosporine
  contraindicated | statin transport/glucuronidation
  mech Gemfibrozil blocks statin glucuronidation and OATP1B1 uptake; cyclosporine inhibits
    OATP1B1 and CYP3A4.
  effect Markedly raised simvastatin exposure: rhabdomyolysis.
  manage Do not combine; use fenofibrate instead of gemfibrozil, or another lipid therapy.
  ref Zocor PI, Contraindications
lovastatin + gemfibrozil, cyclosporine
  major | statin transport/glucuronidation
  mech Inhibition of lovastatin glucuronidation/OATP1B1 (and CYP3A4 by cyclosporine).
  effect Myopathy and rhabdomyolysis.
  manage Avoid the combination; choose another statin or fibrate.
  ref Mevacor PI, Drug Interactions
simvastatin, lovastatin + verapamil, diltiazem, dronedarone
  major | CYP3A4 inhibition
  mech Moderate CYP3A4 inhibition raises simvastatin/lovastatin exposure 2- to 4-fold.
  effect Dose-related myopathy.
  manage Limit simvastatin to 10 mg daily (lovastatin 20 mg), or switch to a statin not
    cleared by CYP3A4.
  ref Zocor and Mevacor PI, Dosage and Administration; AHA Scientific Statement 2016
simvastatin, lovastatin + amiodarone
  major | CYP3A4 inhibition
  mech Amiodarone inhibits CYP3A4 and raises simvastatin/lovastatin exposure.
  effect Myopathy and rhabdomyolysis (reported with simvastatin 80 mg).
  manage Limit simvastatin to 20 mg daily (lovastatin 40 mg) or use another statin.
  ref Zocor and Mevacor PI; FDA Drug Safety Communication 2011
simvastatin + amlodipine, ranolazine, ticagrelor
  moderate | CYP3A4 inhibition
  mech Weak CYP3A4 inhibition raises simvastatin exposure.
  effect Higher risk of myopathy at high statin doses.
  manage Do not exceed simvastatin 20 mg daily (40 mg with ticagrelor).
  ref Zocor, Ranexa and Brilinta PI
lovastatin + ticagrelor
  moderate | CYP3A4 inhibition
  mech Ticagrelor weakly inhibits CYP3A4.
  effect Raised lovastatin exposure and myopathy risk.
  manage Do not exceed lovastatin 40 mg daily.
  ref Brilinta PI, Drug Interactions
atorvastatin + clarithromycin, itraconazole, ritonavir
  major | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises atorvastatin exposure 3- to 10-fold.
  effect Myopathy and rhabdomyolysis.
  manage Limit atorvastatin to 20 mg daily, or switch to pravastatin or rosuvastatin.
  ref Lipitor PI, Dosage and Administration
atorvastatin, simvastatin, lovastatin + posaconazole
  contraindicated | CYP3A4 inhibition
  mech Posaconazole strongly inhibits CYP3A4, the main clearance route of these statins.
  effect Rhabdomyolysis.
  manage Do not combine; hold the statin during antifungal therapy.
  ref Noxafil PI, Contraindications
atorvastatin + cyclosporine, gemfibrozil
  major | statin transport/glucuronidation
  mech OATP1B1 and CYP3A4 inhibition (cyclosporine) or glucuronidation block (gemfibrozil).
  effect Raised atorvastatin exposure: myopathy.
  manage Avoid the combination; consider fenofibrate or another lipid-lowering strategy.
  ref Lipitor PI, Drug Interactions
rosuvastatin + cyclosporine
  major | OATP1B1/BCRP inhibition
  mech Cyclosporine inhibits OATP1B1 and BCRP, raising rosuvastatin exposure about 7-fold.
  effect Myopathy and rhabdomyolysis.
  manage Do not exceed rosuvastatin 5 mg daily.
  ref Crestor PI, Dosage and Administration
rosuvastatin, pravastatin, pitavastatin + gemfibrozil
  major | statin transport/glucuronidation
  mech Gemfibrozil inhibits OATP1B1 and statin glucuronidation.
  effect Raised statin exposure and myopathy.
  manage Avoid the combination; if a fibrate is needed use fenofibrate.
  ref Crestor, Pravachol and Livalo PI
pitavastatin + cyclosporine
  contraindicated | OATP1B1 inhibition
  mech Cyclosporine inhibits OATP1B1, raising pitavastatin exposure about 5-fold.
  effect Myopathy and rhabdomyolysis.
  manage Do not combine.
  ref Livalo PI, Contraindications
pravastatin + cyclosporine
  moderate | OATP1B1 inhibition
  mech Cyclosporine raises pravastatin exposure about 5- to 10-fold.
  effect Higher myopathy risk.
  manage Start pravastatin 10 mg daily, maximum 20 mg daily.
  ref Pravachol PI, Dosage and Administration
pravastatin + clarithromycin
  moderate | OATP1B1 inhibition
  mech Clarithromycin raises pravastatin exposure (transporter inhibition).
  effect Higher myopathy risk.
  manage Do not exceed pravastatin 40 mg daily.
  ref Pravachol PI
pitavastatin + erythromycin, rifampin
  moderate | OATP1B1 inhibition
  mech Erythromycin and single-dose rifampin inhibit OATP1B1 uptake of pitavastatin.
  effect Raised pitavastatin exposure.
  manage Limit pitavastatin to 1 mg daily with erythromycin and 2 mg daily with rifampin.
  ref Livalo PI, Dosage and Administration
group:statin + fenofibrate, colchicine
  moderate | additive myotoxicity
  mech Both drugs can cause myopathy.
  effect Myopathy, rarely rhabdomyolysis.
  manage Use the lowest effective doses; counsel about muscle symptoms, check CK if they occur.
  ref Statin PI, Warnings (myopathy); Colcrys PI
rosuvastatin + warfarin
  moderate | pharmacodynamic (INR)
  mech Rosuvastatin raises the INR by an unclear mechanism.
  effect INR rise and bleeding.
  manage Check the INR when starting, stopping or changing the rosuvastatin dose.
  ref Crestor PI, Drug Interactions
ezetimibe + cyclosporine
  moderate | transporter interaction
  mech Cyclosporine raises ezetimibe exposure and ezetimibe raises cyclosporine levels.
  effect Ezetimibe and cyclosporine toxicity.
  manage Monitor cyclosporine levels.
  ref Zetia PI, Drug Interactions
fenofibrate, gemfibrozil + warfarin
  moderate | pharmacodynamic (INR)
  mech Fibrates potentiate coumarin anticoagulants.
  effect INR rise and bleeding.
  manage Reduce the warfarin dose and check the INR frequently.
  ref Tricor and Lopid PI, Warnings
digoxin + amiodarone, dronedarone, verapamil, clarithromycin, itraconazole
  major | P-gp inhibition
  mech Inhibition of P-gp-mediated renal and biliary digoxin excretion.
  effect Digoxin toxicity: nausea, visual changes, bradycardia, arrhythmias.
  manage Halve the digoxin dose (or stop it) and follow levels.
  ref Lanoxin PI, Drug Interactions; Multaq PI
digoxin + furosemide, torsemide, bumetanide, hydrochlorothiazide, chlorthalidone
  moderate | hypokalaemia
  mech Diuretic-induced hypokalaemia and hypomagnesaemia sensitise the heart to digoxin.
  effect Digoxin toxicity and arrhythmias.
  manage Monitor potassium and magnesium; keep potassium >= 4 mmol/L.
  ref Lanoxin PI, Warnings
group:beta_blocker + verapamil, diltiazem
  major | additive AV-node depression
  mech Both slow sinoatrial and AV-node conduction and reduce contractility.
  effect Severe bradycardia, heart block, hypotension, heart failure.
  manage Avoid, especially with LV dysfunction; if combined, start low and monitor HR and ECG.
  ref Calan and Cardizem PI, Drug Interactions
group:beta_blocker + clonidine
  moderate | pharmacodynamic (rebound hypertension)
  mech Unopposed alpha stimulation after clonidine withdrawal while beta receptors are blocked.
  effect Rebound hypertensive crisis if clonidine is stopped first.
  manage Withdraw the beta-blocker several days before tapering clonidine.
  ref Catapres PI, Drug Interactions
digoxin + group:beta_blocker
  moderate | additive bradycardia
  mech Both slow AV-node conduction.
  effect Bradycardia and AV block.
  manage Monitor heart rate.
  ref Lanoxin PI, Drug Interactions
amiodarone + group:beta_blocker
  moderate | additive bradycardia
  mech Additive sinus-node and AV-node depression.
  effect Bradycardia, AV block, hypotension.
  manage Monitor heart rate and ECG, especially in conduction disease.
  ref Pacerone PI, Drug Interactions
dofetilide + verapamil, cimetidine, sulfamethoxazole-trimethoprim, ketoconazole, itraconazole,
    hydrochlorothiazide
  contraindicated | renal cation secretion / CYP3A4 inhibition / hypokalaemia
  mech Raised dofetilide levels (renal cation transport or CYP3A4 block) or diuretic hypokalaemia.
  effect Torsades de pointes.
  manage Do not combine.
  ref Tikosyn PI, Contraindications
dronedarone + ketoconazole, itraconazole, voriconazole, posaconazole, clarithromycin, ritonavir
  contraindicated | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises dronedarone exposure up to 17-fold.
  effect QT prolongation and torsades; hepatotoxicity.
  manage Do not combine.
  ref Multaq PI, Contraindications
dronedarone + amiodarone, sotalol, dofetilide, flecainide, propafenone, erythromycin,
    amitriptyline, nortriptyline
  contraindicated | QT prolongation
  mech Additive QT prolongation with class I/III antiarrhythmics, TCAs and oral macrolides.
  effect Torsades de pointes.
  manage Do not combine.
  ref Multaq PI, Contraindications
ranolazine + ketoconazole, itraconazole, clarithromycin, ritonavir, voriconazole, posaconazole,
    rifampin, carbamazepine, phenytoin, st john's wort
  contraindicated | CYP3A4 inhibition or induction
  mech Strong CYP3A4 inhibitors raise ranolazine (QT) exposure; inducers abolish its effect.
  effect QT prolongation, or loss of antianginal effect.
  manage Do not combine.
  ref Ranexa PI, Contraindications
ranolazine + diltiazem, verapamil, erythromycin, fluconazole
  moderate | CYP3A4 inhibition
  mech Moderate CYP3A4 inhibition raises ranolazine exposure about 2-fold.
  effect QT prolongation, dizziness.
  manage Limit ranolazine to 500 mg twice daily.
  ref Ranexa PI, Dosage and Administration
ranolazine + metformin
  moderate | OCT2/MATE inhibition
  mech Ranolazine inhibits renal OCT2 secretion of metformin.
  effect Raised metformin exposure.
  manage Limit metformin to 1700 mg daily with ranolazine 1000 mg twice daily.
  ref Ranexa PI, Drug Interactions
group:nitrate + group:pde5
  contraindicated | pharmacodynamic (nitric oxide/cGMP)
  mech PDE-5 inhibitors amplify nitrate-derived cGMP vasodilation.
  effect Profound, potentially fatal hypotension.
  manage Do not combine; no nitrate within 24 hours of sildenafil/vardenafil or 48 hours of
    tadalafil.
  ref Viagra, Cialis and Levitra PI, Contraindications; ACC/AHA guidance
group:pde5 + tamsulosin
  moderate | additive hypotension
  mech Additive vasodilation with alpha-1 blockade.
  effect Symptomatic orthostatic hypotension.
  manage Start the PDE-5 inhibitor at the lowest dose once the alpha-blocker is stable.
  ref Cialis and Viagra PI, Drug Interactions
group:ace_inhibitor + group:arb
  major | dual RAAS blockade
  mech Dual renin-angiotensin blockade.
  effect Hyperkalaemia, hypotension and acute kidney injury without outcome benefit.
  manage Avoid the combination (ONTARGET 2008; VA NEPHRON-D 2013).
  ref ONTARGET Investigators. N Engl J Med 2008;358:1547-59; Fried LF et al. NEJM 2013
amiloride, triamterene + potassium chloride, spironolactone, eplerenone
  contraindicated | hyperkalaemia
  mech Two potassium-conserving mechanisms or potassium loading.
  effect Severe, potentially fatal hyperkalaemia.
  manage Do not combine.
  ref Midamor and Dyrenium PI, Contraindications
amiloride + triamterene
  contraindicated | hyperkalaemia
  mech Two ENaC blockers.
  effect Severe hyperkalaemia.
  manage Do not combine.
  ref Midamor PI, Contraindications
eplerenone + potassium chloride, spironolactone
  contraindicated | hyperkalaemia
  mech Additive potassium retention.
  effect Severe hyperkalaemia.
  manage Do not combine.
  ref Inspra PI, Contraindications; Aldactone PI
eplerenone + ketoconazole, itraconazole, clarithromycin, ritonavir, voriconazole, posaconazole
  contraindicated | CYP3A4 inhibition
  mech Strong CYP3A4 inhibition raises eplerenone exposure about 5-fold.
  effect Hyperkalaemia.
  manage Do not combine.
  ref Inspra PI, Contraindications
spironolactone + potassium chloride
  major | hyperkalaemia
  mech Potassium loading with aldosterone blockade.
  effect Severe hyperkalaemia.
  manage Avoid potassium supplements unless hypokalaemia is documented; monitor potassium.
  ref Aldactone PI, Warnings
spironolactone + sulfamethoxazole-trimethoprim
  major | hyperkalaemia
  mech Trimethoprim blocks ENaC like amiloride, adding to aldosterone blockade.
  effect Hyperkalaemia and sudden death in older adults.
  manage Prefer another antibiotic; otherwise check potassium within days.
  ref Antoniou T et al. BMJ 2015;351:h4026
nifedipine + rifampin, carbamazepine, phenytoin
  contraindicated | CYP3A4 induction
  mech Strong CYP3A4 induction lowers nifedipine exposure by more than 90%.
  effect Loss of blood-pressure and antianginal control.
  manage Do not combine; choose another antihypertensive.
  ref Procardia XL PI, Contraindications
clarithromycin + verapamil
  major | CYP3A4 inhibition
  mech Clarithromycin raises verapamil exposure (CYP3A4, P-gp).
  effect Hypotension, bradyarrhythmia, acute kidney injury.
  manage Prefer azithromycin; otherwise monitor blood pressure and heart rate.
  ref Biaxin PI; Gandhi S et al. JAMA 2013;310:2544-53
colchicine + clarithromycin, ketoconazole, itraconazole, ritonavir, voriconazole, posaconazole,
    cyclosporine
  major | CYP3A4 and P-gp inhibition
  mech Strong CYP3A4 and/or P-gp inhibition raises colchicine exposure.
  effect Fatal colchicine toxicity (myelosuppression, multi-organ failure).
  manage Contraindicated with renal or hepatic impairment; otherwise reduce the colchicine dose
    (e.g. 0.3 mg once daily, flare 0.6 mg once) or avoid.
  ref Colcrys PI, Dosage and Contraindications
colchicine + verapamil, diltiazem, fluconazole, erythromycin
  moderate | CYP3A4 and P-gp inhibition
  mech Moderate CYP3A4 (and P-gp) inhibition raises colchicine exposure.
  effect Colchicine toxicity.
  manage Reduce the colchicine dose (e.g. prophylaxis 0.3 mg twice daily or 0.6 mg once daily).
  ref Colcrys PI, Dosage and Administration
allopurinol + amoxicillin, amoxicillin-clavulanate
  minor | hypersensitivity
  mech Unclear; hyperuricaemia itself may contribute.
  effect More frequent skin rash.
  manage No action usually needed.
  ref Amoxil PI, Drug Interactions
allopurinol + group:ace_inhibitor
  minor | hypersensitivity
  mech Unclear immune mechanism, mainly with renal impairment.
  effect Hypersensitivity reactions and neutropenia (rare).
  manage Monitor for rash and fever.
  ref Zyloprim PI, Drug Interactions
isoniazid + rifampin
  moderate | hepatotoxicity
  mech Rifampin induction increases toxic isoniazid metabolites.
  effect Hepatotoxicity.
  manage Standard combined TB therapy: monitor liver tests in at-risk patients.
  ref ATS/CDC/IDSA TB treatment guideline 2016
"""
