"""Curated interactions: anticoagulants and antiplatelets.

Same format as :mod:`healthgym.clinical.drugs.curated_cv`; written by the project from
the cited US prescribing information (PI) sections and literature.
"""

DATA = """
warfarin + ciprofloxacin, levofloxacin, moxifloxacin
  major | CYP1A2/3A4 inhibition and gut flora
  mech Fluoroquinolones reduce warfarin clearance (R-warfarin via CYP1A2/3A4) and vitamin K
    production by gut flora.
  effect INR rise and bleeding (higher hospitalisation for bleeding).
  manage Prefer a non-interacting antibiotic; otherwise check the INR within 3-5 days.
  ref Cipro and Levaquin PI; Baillargeon J et al. Am J Med 2012;125:183-9
warfarin + sulfamethoxazole-trimethoprim, metronidazole, fluconazole, voriconazole
  major | CYP2C9 inhibition
  mech Inhibition of CYP2C9, which clears the more potent S-warfarin.
  effect Marked INR rise and bleeding.
  manage Avoid; choose another antimicrobial, or reduce warfarin by about 25-50% with INR checks
    every few days.
  ref Coumadin PI; Fischer HD et al. Arch Intern Med 2010;170:617-21
warfarin + amiodarone
  major | CYP2C9/1A2/3A4 inhibition
  mech Amiodarone inhibits CYP2C9, CYP1A2 and CYP3A4; onset over weeks, lasting months.
  effect INR rise and bleeding.
  manage Reduce the warfarin dose by about 30-50% and monitor the INR weekly for several weeks.
  ref Cordarone PI, Drug Interactions; Coumadin PI
warfarin + rifampin, carbamazepine, phenytoin, st john's wort
  major | enzyme induction
  mech Induction of CYP2C9, CYP1A2 and CYP3A4 increases warfarin clearance.
  effect Loss of anticoagulation (thrombosis); INR rise when the inducer is stopped.
  manage Avoid; if needed, raise the warfarin dose with close INR monitoring for weeks after
    starting and stopping.
  ref Coumadin PI, Drug Interactions
warfarin + clarithromycin, erythromycin, azithromycin
  moderate | pharmacokinetic (INR)
  mech Macrolides reduce warfarin clearance and vitamin K-producing gut flora.
  effect INR rise.
  manage Check the INR within a week of starting the macrolide.
  ref Coumadin PI
warfarin + levothyroxine, methimazole
  moderate | pharmacodynamic (clotting factor turnover)
  mech Thyroid status changes the catabolism of vitamin K-dependent clotting factors.
  effect INR rises as hypothyroidism is treated, falls as hyperthyroidism is treated.
  manage Monitor the INR when thyroid doses change.
  ref Synthroid and Coumadin PI
warfarin + acetaminophen
  moderate | pharmacodynamic (INR)
  mech Regular acetaminophen (>2 g/day) metabolite NAPQI interferes with vitamin K cycle enzymes.
  effect INR rise with regular use.
  manage Prefer intermittent low doses; check the INR if used regularly.
  ref Hylek EM et al. JAMA 1998;279:657-62
warfarin + tamoxifen
  major | CYP2C9 inhibition
  mech Tamoxifen reduces warfarin clearance.
  effect Marked INR rise and bleeding.
  manage Contraindicated in the risk-reduction setting; otherwise reduce warfarin and monitor
    the INR closely.
  ref Soltamox/Nolvadex PI, Contraindications and Drug Interactions
apixaban, rivaroxaban + ketoconazole, itraconazole, ritonavir
  major | combined CYP3A4 and P-gp inhibition
  mech Combined strong CYP3A4 and P-gp inhibition roughly doubles factor Xa inhibitor exposure.
  effect Major bleeding.
  manage Avoid rivaroxaban; for apixaban reduce the dose by 50% (avoid if already 2.5 mg twice
    daily).
  ref Eliquis and Xarelto PI, Dosage and Drug Interactions
apixaban, rivaroxaban + clarithromycin, erythromycin
  moderate | CYP3A4 and P-gp inhibition
  mech Partial CYP3A4 and P-gp inhibition raises anticoagulant exposure about 1.5-fold.
  effect Bleeding risk, especially with renal impairment.
  manage No routine dose change; monitor for bleeding, avoid rivaroxaban with CrCl 15-80.
  ref Eliquis and Xarelto PI
apixaban, rivaroxaban, edoxaban, dabigatran + rifampin, carbamazepine, phenytoin, st john's wort
  major | enzyme/P-gp induction
  mech Strong induction of CYP3A4 and/or P-gp lowers anticoagulant exposure by about half.
  effect Loss of efficacy: stroke and venous thromboembolism.
  manage Avoid the combination; use warfarin with INR monitoring or an alternative to the inducer.
  ref Eliquis, Xarelto, Savaysa and Pradaxa PI
dabigatran + dronedarone, ketoconazole
  major | P-gp inhibition
  mech Strong P-gp inhibition raises dabigatran exposure about 2-fold.
  effect Major bleeding.
  manage Avoid with CrCl < 50; otherwise reduce to 75 mg twice daily (AF) with renal checks.
  ref Pradaxa PI, Dosage and Administration
edoxaban + dronedarone, ketoconazole, itraconazole, erythromycin, cyclosporine
  moderate | P-gp inhibition
  mech P-gp inhibition raises edoxaban exposure.
  effect Bleeding.
  manage VTE treatment: use 30 mg once daily; AF: no adjustment, monitor.
  ref Savaysa PI, Dosage and Administration
clopidogrel + omeprazole, esomeprazole
  major | CYP2C19 inhibition (prodrug)
  mech Omeprazole and esomeprazole inhibit CYP2C19, the main activation route of clopidogrel.
  effect About 45% less active metabolite and reduced platelet inhibition.
  manage Avoid; use pantoprazole (or an H2 blocker) for gastroprotection.
  ref Plavix PI, Drug Interactions; FDA Drug Safety Communication 2010
ticagrelor + aspirin
  moderate | pharmacodynamic (reduced efficacy) and bleeding
  mech Maintenance aspirin doses above 100 mg reduce ticagrelor's effectiveness.
  effect Reduced benefit of ticagrelor; additive bleeding.
  manage Use aspirin 75-100 mg daily with ticagrelor.
  ref Brilinta PI, Boxed Warning
aspirin + ibuprofen, naproxen
  moderate | pharmacodynamic (COX-1 competition)
  mech These NSAIDs compete with aspirin for the platelet COX-1 site.
  effect Loss of aspirin's cardioprotective effect; additive GI bleeding.
  manage Take immediate-release aspirin at least 30 minutes before or 8 hours after ibuprofen;
    prefer acetaminophen for pain.
  ref FDA Science Paper 2006 (ibuprofen and aspirin)
"""
