"""Unit protocols the agent can look up: general guideline text, the same for every
patient (they state rules, never a patient's answer).  Each cites its source."""

from __future__ import annotations

PROTOCOLS: dict[str, str] = {
    "pregnancy_dating": (
        "Naegele's rule: EDD = first day of the LMP + 280 days. Crown-rump length: GA (days) "
        "= 8.052 x sqrt(CRL mm) + 23.73 (Robinson & Fleming 1975). Redate to the ultrasound "
        "when the ultrasound GA differs from the LMP GA at the scan by MORE than: <= 8 6/7 "
        "weeks 5 days; 9 0/7-13 6/7 weeks 7 days; 14 0/7-15 6/7 weeks 7 days; 16 0/7-21 6/7 "
        "weeks 10 days; 22 0/7-27 6/7 weeks 14 days; >= 28 0/7 weeks 21 days (band by the "
        "LMP GA). Without a reliable LMP, date by the ultrasound; a redated EDD = scan date + "
        "(280 days - ultrasound GA). Source: ACOG Committee Opinion 700 (2017)."
    ),
    "induction_of_labour": (
        "Bishop score (dilation, effacement, station, consistency, position). Score > 8: "
        "favourable - induce with oxytocin (amniotomy optional), no ripening agent. Score "
        "<= 6: unfavourable - ripen the cervix first (misoprostol, dinoprostone or a balloon "
        "catheter); amniotomy is not possible. Prior cesarean or major uterine surgery: do "
        "not use misoprostol (uterine rupture); use mechanical (balloon) ripening. Sources: "
        "ACOG Practice Bulletin 107 (2009); ACOG Practice Bulletin 205 (2019)."
    ),
    "fhr_interpretation": (
        "NICHD definitions: baseline = mean FHR over 10 min (normal 110-160; bradycardia < "
        "110; tachycardia > 160). Variability amplitude: undetectable absent; <= 5 bpm "
        "minimal; 6-25 bpm moderate; > 25 bpm marked. Acceleration: >= 15 bpm for >= 15 s "
        "(>= 10 bpm for >= 10 s before 32 weeks). Early deceleration: gradual (onset to "
        "nadir >= 30 s), nadir with the contraction peak. Late: gradual, nadir after the "
        "peak. Variable: abrupt (onset to nadir < 30 s), >= 15 bpm for >= 15 s and < 2 min. "
        "Prolonged: >= 15 bpm for >= 2 min and < 10 min. Recurrent: with >= 50% of "
        "contractions in 20 min. Sinusoidal: smooth sine wave, 3-5 cycles/min, >= 20 min. "
        "Category I: baseline 110-160, moderate variability, no late/variable/prolonged "
        "decelerations. Category III: sinusoidal, or absent variability with recurrent late "
        "or recurrent variable decelerations or bradycardia. Category II: all others. "
        "Source: Macones et al. Obstet Gynecol 2008;112:661-666."
    ),
    "intrapartum_fhr_management": (
        "Category I: routine monitoring. Category II: evaluate, start intrauterine "
        "resuscitative measures as indicated and continue surveillance and re-evaluation. "
        "Category III: start intrauterine resuscitation at once (maternal repositioning, stop "
        "uterine stimulants, treat hypotension and tachysystole) and prepare for expedited "
        "delivery if the tracing does not resolve. Source: ACOG Practice Bulletin 116 (2010)."
    ),
    "hypertensive_disorders": (
        "After 20 weeks. Hypertension: SBP >= 140 or DBP >= 90 on two occasions >= 4 h apart "
        "(severe-range values may be confirmed within minutes). Proteinuria: >= 300 mg/24 h "
        "or protein/creatinine ratio >= 0.3. Preeclampsia: hypertension + proteinuria, or "
        "hypertension + any severe feature. Severe features: SBP >= 160 or DBP >= 110 "
        "(confirmed); platelets < 100 x10^9/L; transaminases >= 2x the upper limit or severe "
        "persistent RUQ/epigastric pain; creatinine > 1.1 mg/dL or doubled; pulmonary edema; "
        "new headache unresponsive to medication; visual disturbances. Gestational "
        "hypertension: hypertension alone. Management: without severe features expectant "
        "management and delivery at 37 0/7 weeks (deliver if >= 37 weeks); with severe "
        "features magnesium sulfate, treat severe-range BP, deliver after stabilisation at "
        ">= 34 weeks; < 34 weeks corticosteroids, with delivery or expectant management in a "
        "tertiary centre (deliver if, e.g., pulmonary edema). Source: ACOG PB 222 (2020)."
    ),
    "severe_hypertension_treatment": (
        "Acute-onset severe hypertension (SBP >= 160 or DBP >= 110 persisting >= 15 min): "
        "treat within 30-60 min with IV labetalol (20 mg, then 40, 80), IV hydralazine (5-10 "
        "mg) or oral immediate-release nifedipine (10-20 mg); target 140-150/90-100. Source: "
        "ACOG Committee Opinion 767 (2019)."
    ),
    "magnesium_sulfate": (
        "Seizure prophylaxis in preeclampsia with severe features (and eclampsia): 4-6 g IV "
        "loading dose over 20-30 min, then 1-2 g/h, continued 24 h after delivery; monitor "
        "reflexes, respiration and urine output; antidote calcium gluconate 1 g IV. Not used "
        "universally without severe features. Source: ACOG Practice Bulletin 222 (2020)."
    ),
    "antenatal_corticosteroids": (
        "Betamethasone 12 mg IM x2 24 h apart (or dexamethasone 6 mg IM x4 12 h apart) for "
        "patients 24 0/7-33 6/7 weeks at risk of delivery within 7 days; may be considered "
        "34 0/7-36 6/7 weeks if not previously given. Source: ACOG Committee Opinion 713 "
        "(2017)."
    ),
    "gdm_screening": (
        "Two-step: 1-h 50 g glucose challenge at 24-28 weeks (this practice's threshold: "
        ">= 140 mg/dL positive), then a 3-h 100 g OGTT; GDM if >= 2 values met or exceeded - "
        "Carpenter-Coustan fasting 95, 1 h 180, 2 h 155, 3 h 140; NDDG 105, 190, 165, 145 "
        "mg/dL. One-step (IADPSG): 2-h 75 g OGTT; GDM if any value met or exceeded - fasting "
        "92, 1 h 180, 2 h 153 mg/dL. First-line treatment: medical nutrition therapy with "
        "glucose self-monitoring. Sources: ACOG PB 190 (2018); IADPSG 2010."
    ),
    "rh_immune_globulin": (
        "Rh D-negative patients without anti-D antibodies: RhIG 300 mcg at 28 weeks, within "
        "72 h of a sensitising event (antepartum bleeding, abdominal trauma, amniocentesis, "
        "external cephalic version, pregnancy loss) and within 72 h of delivering an Rh "
        "D-positive newborn, with a screen for excess fetomaternal haemorrhage after delivery "
        "to adjust the dose. Not indicated for Rh D-positive patients or after delivery of an "
        "Rh D-negative newborn. Once anti-D alloimmunisation is present RhIG is of no use: "
        "follow serial titres with maternal-fetal medicine. Source: ACOG PB 181 (2017)."
    ),
    "antepartum_testing": (
        "NST reactive: >= 2 accelerations in 20 min (>= 15 bpm x 15 s; >= 10 x 10 before 32 "
        "weeks). BPP (2 points each): reactive NST; >= 1 breathing episode >= 30 s; >= 3 body "
        "or limb movements; >= 1 extension with return to flexion; deepest vertical pocket > "
        "2 cm. 8-10 normal, 6 equivocal, <= 4 abnormal. Management: 8-10 with normal fluid "
        "continue routine testing; 6 with normal fluid deliver at >= 37 weeks, else repeat "
        "within 24 h; 6 with oligohydramnios or <= 4 deliver. Modified BPP: NST + deepest "
        "pocket; normal if reactive and pocket > 2 cm, otherwise do a full BPP. Sources: "
        "Manning 1980/1987; ACOG Practice Bulletin 229 (2021)."
    ),
    "neonatal_resuscitation": (
        "Apgar (0-2 each): heart rate (absent; < 100; >= 100), respiratory effort (absent; "
        "slow/irregular; good cry), tone (limp; some flexion; active), reflex irritability "
        "(none; grimace; cry/cough/sneeze), colour (blue/pale; acrocyanosis; pink). 7-10 "
        "reassuring, 4-6 moderately abnormal, 0-3 low; at 5 min < 7 keep scoring every 5 min "
        "to 20 min (AAP/ACOG 2015). Newborn: crying with good tone - routine care with the "
        "mother; apnoea/gasping or heart rate < 100 - positive-pressure ventilation; otherwise "
        "initial steps (warm, dry, stimulate, airway) with pulse oximetry (NRP, AHA 2020)."
    ),
    "medications_in_pregnancy": (
        "Preferred options: hypertension labetalol, nifedipine or methyldopa (not ACE "
        "inhibitors/ARBs); anticoagulation low-molecular-weight heparin; epilepsy lamotrigine "
        "or levetiracetam; rheumatoid arthritis hydroxychloroquine or sulfasalazine; lupus "
        "nephritis azathioprine or tacrolimus; hypothyroidism levothyroxine; hyperthyroidism "
        "propylthiouracil in the first trimester, methimazole after; depression SSRIs "
        "(sertraline, fluoxetine, escitalopram); asthma inhaled budesonide and albuterol; "
        "pain acetaminophen; bacteriuria cephalexin, amoxicillin or nitrofurantoin (second "
        "and third trimesters). Acne: topical agents only. Statins: stop. Check each drug "
        "with check_medication_in_pregnancy. Sources: ACOG PB 203, PB 196; AAN 2024; ACR "
        "2020; ATA 2017; ACOG CO 717."
    ),
}
