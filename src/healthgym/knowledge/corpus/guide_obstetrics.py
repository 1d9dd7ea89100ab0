"""Obstetrics: fetal heart rate interpretation, hypertensive disorders, diabetes,
Rh prophylaxis, dating and intrapartum care."""

from __future__ import annotations

from .guidelines import Guide

_D = "obstetrics"

GUIDES: tuple[Guide, ...] = (
    Guide(
        _D,
        "nichd-categories",
        "NICHD three-tier fetal heart rate classification: Category I, II and III",
        """Category I (normal): baseline 110-160 bpm, moderate baseline variability, no
        late or variable decelerations; early decelerations and accelerations may be
        present or absent. Predictive of a normal fetal acid-base status; routine care.

        Category III (abnormal): absent baseline variability with any of recurrent late
        decelerations, recurrent variable decelerations or bradycardia; or a
        sinusoidal pattern. Requires prompt evaluation, intrauterine resuscitation and
        expedited delivery if the tracing does not resolve.

        Category II (indeterminate): every tracing that is neither Category I nor
        Category III, for example bradycardia without absent variability, tachycardia,
        minimal or marked variability, absent variability without recurrent
        decelerations, no accelerations after stimulation, recurrent variable
        decelerations with minimal or moderate variability, a prolonged deceleration
        of 2-10 minutes, or recurrent late decelerations with moderate variability.
        Category II needs evaluation, continued surveillance and re-evaluation in the
        clinical context; moderate variability or accelerations make fetal acidaemia
        unlikely.""",
        "Macones GA, Hankins GD, Spong CY, et al. The 2008 NICHD workshop report on "
        "electronic fetal monitoring. Obstet Gynecol 2008;112:661-666; ACOG Practice "
        "Bulletin 106 (2009)",
    ),
    Guide(
        _D,
        "fhr-definitions",
        "Fetal heart rate definitions: baseline, variability, accelerations, decelerations",
        """Baseline: the mean FHR rounded to 5 bpm over a 10-minute window, excluding
        accelerations, decelerations and marked variability; normal 110-160 bpm,
        bradycardia below 110, tachycardia above 160. Baseline variability: absent
        (amplitude undetectable), minimal (5 bpm or less), moderate (6-25 bpm), marked
        (more than 25 bpm).

        Acceleration: an abrupt rise of at least 15 bpm lasting at least 15 seconds from
        32 weeks (10 bpm for 10 seconds before 32 weeks); prolonged if 2-10 minutes.
        Early deceleration: gradual (onset to nadir 30 seconds or more), symmetrical,
        nadir coinciding with the peak of the contraction. Late deceleration: gradual,
        with the nadir after the peak of the contraction. Variable deceleration:
        abrupt (onset to nadir under 30 seconds) fall of at least 15 bpm lasting 15
        seconds to 2 minutes. Prolonged deceleration: at least 15 bpm for 2 to 10
        minutes. Decelerations are recurrent when they occur with 50% or more of
        contractions in 20 minutes. Tachysystole: more than 5 contractions in 10
        minutes, averaged over 30 minutes.""",
        "Macones GA et al. The 2008 NICHD workshop report on electronic fetal monitoring. "
        "Obstet Gynecol 2008;112:661-666; ACOG Practice Bulletin 106 (2009)",
    ),
    Guide(
        _D,
        "intrauterine-resuscitation",
        "Intrauterine resuscitation for Category II or III fetal heart rate tracings",
        """For a Category II or III tracing: reposition the mother (lateral), give an
        intravenous fluid bolus, correct maternal hypotension (for example after
        regional anaesthesia, with a vasopressor), stop or reduce oxytocin and
        prostaglandins, and treat tachysystole (a tocolytic such as terbutaline 0.25 mg
        subcutaneously if it persists). Perform a vaginal examination to exclude cord
        prolapse or rapid descent. Amnioinfusion can reduce recurrent variable
        decelerations. Supplemental maternal oxygen is of uncertain benefit. Fetal
        scalp stimulation that provokes an acceleration suggests a pH above 7.20. If a
        Category III tracing does not resolve, prepare for expedited delivery.""",
        "ACOG Practice Bulletin 116. Management of intrapartum fetal heart rate tracings. "
        "Obstet Gynecol 2010;116:1232-1240",
    ),
    Guide(
        _D,
        "preeclampsia-criteria",
        "Preeclampsia: diagnostic criteria and severe features",
        """Preeclampsia: new hypertension after 20 weeks of gestation (systolic 140 mmHg
        or more or diastolic 90 mmHg or more on two occasions at least 4 hours apart in
        a previously normotensive woman) with proteinuria (300 mg or more per 24 hours,
        protein/creatinine ratio 0.3 mg/mg or more, or dipstick 2+ when quantitative
        tests are unavailable) or, without proteinuria, with any new severe feature.

        Severe features: systolic 160 mmHg or more or diastolic 110 mmHg or more on two
        occasions (confirmed within minutes to allow timely treatment); platelets below
        100,000/uL; liver transaminases twice the upper limit of normal or severe
        persistent right upper quadrant or epigastric pain; serum creatinine above 1.1
        mg/dL or doubling in the absence of other renal disease; pulmonary oedema;
        new-onset headache unresponsive to medication and not explained otherwise; or
        visual disturbances. Massive proteinuria and fetal growth restriction are no
        longer severe features.

        Preeclampsia with severe features is delivered at 34 weeks or after
        stabilisation; without severe features, delivery is recommended at 37 weeks.""",
        "ACOG Practice Bulletin 222. Gestational hypertension and preeclampsia. Obstet "
        "Gynecol 2020;135:e237-e260",
    ),
    Guide(
        _D,
        "hypertensive-disorders",
        "Hypertensive disorders of pregnancy: gestational, chronic and superimposed hypertension",
        """Gestational hypertension: new blood pressure of 140/90 mmHg or more after 20
        weeks without proteinuria or severe features; severe-range values alone make it
        severe gestational hypertension, managed like preeclampsia with severe
        features. Chronic hypertension: hypertension before pregnancy or before 20
        weeks (or persisting beyond 12 weeks postpartum). Preeclampsia superimposed on
        chronic hypertension: new proteinuria, a sudden rise in blood pressure or new
        severe features in a woman with chronic hypertension. Eclampsia: new
        tonic-clonic seizures without another cause.""",
        "ACOG Practice Bulletin 222 (2020); ACOG Practice Bulletin 203. Chronic "
        "hypertension in pregnancy. Obstet Gynecol 2019;133:e26-e50",
    ),
    Guide(
        _D,
        "hellp",
        "HELLP syndrome: diagnostic criteria and management",
        """HELLP syndrome is haemolysis, elevated liver enzymes and low platelets, a
        severe form of preeclampsia. Criteria: lactate dehydrogenase (LDH) of 600 IU/L or
        more; aspartate and alanine aminotransferase more than twice the upper limit of
        normal; and platelets below 100,000/uL. Haemolysis may also show as
        schistocytes, raised bilirubin and low haptoglobin. Right upper quadrant or
        epigastric pain, nausea and malaise are common; up to 15% of women have no
        hypertension or proteinuria.

        Management: stabilise, give magnesium sulfate, control severe hypertension and
        deliver; corticosteroids for fetal lung maturity before 34 weeks if delivery
        can be briefly delayed. Complications include disseminated intravascular
        coagulation, placental abruption, hepatic haematoma or rupture and acute
        kidney injury.""",
        "ACOG Practice Bulletin 222. Gestational hypertension and preeclampsia. Obstet "
        "Gynecol 2020;135:e237-e260; Sibai BM. The HELLP syndrome. Am J Obstet Gynecol "
        "1990;162:311-316",
    ),
    Guide(
        _D,
        "severe-hypertension-treatment",
        "Acute-onset severe hypertension in pregnancy: labetalol, hydralazine, nifedipine",
        """Treat systolic blood pressure of 160 mmHg or more or diastolic 110 mmHg or
        more that persists for 15 minutes or more within 30-60 minutes to lower the risk
        of maternal stroke. First-line options: intravenous labetalol 20 mg over 2
        minutes, then 40 mg and 80 mg at 10-minute intervals if needed (avoid in asthma,
        heart block, bradycardia); intravenous hydralazine 5-10 mg over 2 minutes,
        repeated after 20 minutes; or oral immediate-release nifedipine 10-20 mg,
        repeated after 20 minutes. The target is about 140-150/90-100 mmHg, not
        normotension. Give magnesium sulfate for seizure prophylaxis and monitor the
        fetus.""",
        "ACOG Committee Opinion 767. Emergent therapy for acute-onset, severe "
        "hypertension during pregnancy and the postpartum period. Obstet Gynecol "
        "2019;133:e174-e180",
    ),
    Guide(
        _D,
        "magnesium-sulfate",
        "Magnesium sulfate for eclampsia prophylaxis: dosing, toxicity and antidote",
        """Magnesium sulfate prevents and treats eclamptic seizures in preeclampsia with
        severe features, eclampsia and HELLP syndrome: a loading dose of 4-6 g
        intravenously over 20-30 minutes, then 1-2 g per hour, continued for 24 hours
        after delivery (or after the last seizure). Reduce the maintenance dose in
        renal impairment (creatinine above 1.1 mg/dL or oliguria) and follow levels.

        Monitor patellar reflexes, respiratory rate, urine output and oxygen saturation.
        Serum magnesium: therapeutic about 4.8-8.4 mg/dL (4-7 mEq/L); loss of patellar
        reflexes at 8.5-12 mg/dL (7-10 mEq/L); respiratory depression or paralysis at
        12-16 mg/dL (10-13 mEq/L); cardiac arrest above 30 mg/dL (25 mEq/L). Antidote:
        calcium gluconate 1 g (10 mL of 10% solution) intravenously over 3 minutes, and
        stop the infusion. Magnesium is also given before 32 weeks for fetal
        neuroprotection when preterm birth is imminent.""",
        "ACOG Practice Bulletin 222 (2020); Duley L et al. Magpie Trial. Lancet "
        "2002;359:1877-1890; ACOG Committee Opinion 455 (magnesium for neuroprotection)",
    ),
    Guide(
        _D,
        "gdm-screening",
        "Gestational diabetes screening: 50 g GCT, 100 g OGTT and 75 g OGTT thresholds",
        """Screen all pregnant women at 24-28 weeks (earlier with risk factors such as
        obesity, previous GDM or known impaired glucose metabolism).

        Two-step approach: a non-fasting 50 g glucose challenge test; a 1-hour glucose
        of 130, 135 or 140 mg/dL or more (the threshold is chosen locally) leads to a
        100 g, 3-hour oral glucose tolerance test. Carpenter-Coustan thresholds:
        fasting 95, 1 hour 180, 2 hours 155, 3 hours 140 mg/dL; National Diabetes Data
        Group thresholds: 105, 190, 165, 145 mg/dL. Two or more values at or above the
        threshold diagnose gestational diabetes.

        One-step approach (IADPSG): a fasting 75 g, 2-hour OGTT; any one value at or
        above fasting 92 mg/dL, 1 hour 180 mg/dL or 2 hours 153 mg/dL diagnoses
        gestational diabetes.""",
        "ACOG Practice Bulletin 190. Gestational diabetes mellitus. Obstet Gynecol "
        "2018;131:e49-e64; American Diabetes Association. Standards of Care in "
        "Diabetes-2024, section 2 and 15; IADPSG. Diabetes Care 2010;33:676-682",
    ),
    Guide(
        _D,
        "gdm-management",
        "Gestational diabetes management: glucose targets, insulin and metformin",
        """Start with nutrition therapy, activity and self-monitoring of glucose
        (fasting and after meals). Targets: fasting below 95 mg/dL, 1 hour after meals
        below 140 mg/dL, or 2 hours after meals below 120 mg/dL. If targets are not met,
        insulin is the preferred drug (it does not cross the placenta); metformin or
        glyburide are alternatives that cross the placenta and lack long-term
        offspring data. Antenatal fetal surveillance is added for poorly controlled or
        medication-treated GDM, with delivery usually at 39 0/7-39 6/7 weeks when
        well controlled on medication. Test for persistent diabetes with a 75 g OGTT at
        4-12 weeks postpartum.""",
        "ACOG Practice Bulletin 190 (2018); American Diabetes Association. Standards of "
        "Care in Diabetes-2024, section 15 Management of diabetes in pregnancy",
    ),
    Guide(
        _D,
        "rh-immunoglobulin",
        "Rh D immune globulin (RhIG): indications, timing and dose",
        """An Rh D-negative woman who is not alloimmunised (negative antibody screen)
        receives 300 ug of anti-D immune globulin at about 28 weeks and again within 72
        hours of delivery if the newborn is Rh D-positive (or of unknown type).

        Give RhIG within 72 hours of potentially sensitising events: ectopic pregnancy,
        miscarriage or induced abortion (after 12 weeks; for pregnancy loss or abortion
        before 12 0/7 weeks prophylaxis may be forgone), molar evacuation, amniocentesis
        or chorionic villus sampling, antepartum bleeding, abdominal trauma, external
        cephalic version and fetal death. A 300 ug dose covers 30 mL of fetal whole
        blood (15 mL of red cells); quantify larger fetomaternal haemorrhage with a
        Kleihauer-Betke test or flow cytometry and give additional vials. A woman
        already alloimmunised (positive anti-D antibody) does not benefit and is
        followed with titres instead.""",
        "ACOG Practice Bulletin 181. Prevention of Rh D alloimmunization. Obstet Gynecol "
        "2017;130:e57-e70; ACOG Clinical Practice Update: Rh D immune globulin "
        "administration after abortion or pregnancy loss at less than 12 weeks (2024)",
    ),
    Guide(
        _D,
        "dating",
        "Pregnancy dating: Naegele's rule, ultrasound redating and term definitions",
        """Naegele's rule: estimated due date = first day of the last menstrual period
        (LMP) + 280 days (add 1 year, subtract 3 months, add 7 days), assuming a 28-day
        cycle; a longer or shorter regular cycle moves the date later or earlier by the
        difference.

        First-trimester ultrasound crown-rump length is the most accurate dating.
        Redate to ultrasound when the LMP and ultrasound differ by more than 5 days
        before 9 0/7 weeks, more than 7 days at 9 0/7-13 6/7 weeks, more than 7 days at
        14 0/7-15 6/7, more than 10 days at 16 0/7-21 6/7, more than 14 days at 22
        0/7-27 6/7, and more than 21 days from 28 0/7 weeks. Pregnancies after assisted
        reproduction are dated from the embryo transfer.

        Term definitions: early term 37 0/7-38 6/7 weeks, full term 39 0/7-40 6/7, late
        term 41 0/7-41 6/7, postterm 42 0/7 weeks or more; preterm is before 37 0/7
        weeks.""",
        "ACOG Committee Opinion 700. Methods for estimating the due date. Obstet Gynecol "
        "2017;129:e150-e154; ACOG Committee Opinion 579. Definition of term pregnancy "
        "(2013)",
    ),
    Guide(
        _D,
        "antenatal-corticosteroids",
        "Antenatal corticosteroids for fetal lung maturity: timing and dosing",
        """A single course of corticosteroids is recommended between 24 0/7 and 33 6/7
        weeks when delivery is at risk within 7 days, and may be considered from 23 0/7
        weeks: betamethasone 12 mg intramuscularly, two doses 24 hours apart, or
        dexamethasone 6 mg intramuscularly, four doses 12 hours apart. A single rescue
        course may be considered if the first was more than 14 days earlier and
        delivery is expected before 34 weeks. In the late preterm period (34 0/7-36 6/7
        weeks) betamethasone may be given to women at risk of preterm birth within 7
        days who have not received a previous course (not in pregestational diabetes
        because of neonatal hypoglycaemia).""",
        "ACOG Committee Opinion 713. Antenatal corticosteroid therapy for fetal "
        "maturation. Obstet Gynecol 2017;130:e102-e109; Gyamfi-Bannerman C et al. ALPS "
        "trial. N Engl J Med 2016;374:1311-1320",
    ),
    Guide(
        _D,
        "postpartum-haemorrhage",
        "Postpartum haemorrhage: definition, causes (four Ts) and uterotonics",
        """Postpartum haemorrhage is a cumulative blood loss of 1000 mL or more, or blood
        loss with signs or symptoms of hypovolaemia, within 24 hours of birth. Causes,
        the four Ts: tone (uterine atony, the commonest), trauma (lacerations,
        haematoma, inversion, rupture), tissue (retained placenta) and thrombin
        (coagulopathy).

        Management: call for help, uterine massage, intravenous access, oxytocin, and
        further uterotonics: methylergonovine 0.2 mg IM (avoid in hypertension and
        preeclampsia), carboprost 0.25 mg IM (avoid in asthma), misoprostol 600-1000 ug;
        tranexamic acid 1 g IV within 3 hours of birth, repeated once after 30 minutes
        if bleeding continues. Escalate to balloon tamponade, embolisation or surgery
        and activate massive transfusion as needed.""",
        "ACOG Practice Bulletin 183. Postpartum hemorrhage. Obstet Gynecol "
        "2017;130:e168-e186; WOMAN Trial Collaborators. Lancet 2017;389:2105-2116",
    ),
    Guide(
        _D,
        "gbs",
        "Group B streptococcus: screening at 36-37 weeks and intrapartum prophylaxis",
        """Universal vaginal-rectal GBS culture screening is done at 36 0/7-37 6/7 weeks.
        Intrapartum antibiotic prophylaxis is indicated for a positive culture in this
        pregnancy, GBS bacteriuria at any time in the pregnancy, or a previous infant
        with invasive GBS disease; and, when GBS status is unknown at labour, for
        delivery before 37 0/7 weeks, rupture of membranes for 18 hours or more,
        intrapartum temperature of 38.0 C or more, or a positive intrapartum nucleic
        acid test. Not indicated for a planned caesarean before labour with intact
        membranes. Regimen: penicillin G 5 million units IV, then 2.5-3.0 million units
        every 4 hours until delivery (ampicillin 2 g then 1 g every 4 hours is an
        alternative); cefazolin for penicillin allergy without high risk of
        anaphylaxis; clindamycin if the isolate is susceptible, otherwise
        vancomycin.""",
        "ACOG Committee Opinion 797. Prevention of group B streptococcal early-onset "
        "disease in newborns. Obstet Gynecol 2020;135:e51-e72",
    ),
    Guide(
        _D,
        "antepartum-surveillance",
        "Antepartum fetal surveillance: non-stress test and biophysical profile",
        """Non-stress test (NST): reactive when there are two or more accelerations
        (peaking at least 15 bpm above baseline and lasting at least 15 seconds; 10 bpm
        for 10 seconds before 32 weeks) within 20 minutes, with or without fetal
        movement; the test may be extended to 40 minutes for fetal sleep.

        Biophysical profile (BPP): five components scored 2 (normal) or 0 over 30
        minutes: a reactive NST, fetal breathing movements (one episode of 30 seconds
        or more), fetal movement (three or more discrete body or limb movements), fetal
        tone (one episode of extension and flexion) and amniotic fluid volume (a single
        deepest vertical pocket above 2 cm). A score of 8-10 is normal, 6 equivocal,
        and 4 or less abnormal. Oligohydramnios (single deepest pocket of 2 cm or less,
        or amniotic fluid index of 5 cm or less) warrants further evaluation and often
        delivery at term.""",
        "ACOG Practice Bulletin 229. Antepartum fetal surveillance. Obstet Gynecol "
        "2021;137:e116-e127",
    ),
    Guide(
        _D,
        "bishop-score",
        "Bishop score for cervical ripening before induction of labour",
        """The Bishop score rates five cervical features: dilation (closed 0, 1-2 cm 1,
        3-4 cm 2, 5 cm or more 3), effacement (0-30% 0, 40-50% 1, 60-70% 2, 80% or more
        3), fetal station (-3 0, -2 1, -1 or 0 2, +1 or +2 3), consistency (firm 0,
        medium 1, soft 2) and position (posterior 0, mid 1, anterior 2). The total
        ranges from 0 to 13. A score above 8 predicts a vaginal delivery similar to spontaneous
        labour; a
        score of 6 or less is unfavourable and cervical ripening (prostaglandins
        such as misoprostol or dinoprostone, or a balloon catheter) is used before
        oxytocin. The modified Bishop score replaces effacement with cervical length.""",
        "Bishop EH. Pelvic scoring for elective induction. Obstet Gynecol 1964;24:266-268; "
        "ACOG Practice Bulletin 107. Induction of labor (2009)",
    ),
    Guide(
        _D,
        "pregnancy-drugs",
        "Medicines in pregnancy: ACE inhibitors, warfarin, valproate and other drugs to avoid",
        """ACE inhibitors and angiotensin receptor blockers are avoided in pregnancy: in
        the second and third trimesters they cause fetal renal failure,
        oligohydramnios and skull hypoplasia, so they are stopped when pregnancy is
        planned or confirmed. Warfarin causes embryopathy in weeks 6-12. Valproate
        causes neural tube defects and neurodevelopmental harm. Isotretinoin,
        methotrexate and mycophenolate are contraindicated, tetracyclines are avoided
        after 15 weeks (tooth discoloration), and statins are usually stopped. NSAIDs
        are avoided from 20 weeks (fetal renal dysfunction and oligohydramnios) and
        from 30 weeks cause premature closure of the ductus arteriosus.

        Preferred alternatives: labetalol, nifedipine or methyldopa for hypertension;
        low-molecular-weight heparin for anticoagulation; insulin for diabetes;
        levothyroxine with the dose increased by about 25-30% early in pregnancy for
        hypothyroidism; and paracetamol for pain and fever.""",
        "ACOG Practice Bulletin 203 (chronic hypertension, 2019); ACOG Practice Bulletin "
        "196 (thromboembolism in pregnancy, 2018); FDA Drug Safety Communication on NSAIDs "
        "at 20 weeks or later (2020); product labels",
    ),
)
