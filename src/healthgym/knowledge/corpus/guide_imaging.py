"""Radiology reporting systems and visual diagnosis (dermoscopy, ECG reading)."""

from __future__ import annotations

from .guidelines import Guide

_R = "radiology_report"
_V = "visual_diagnosis"

GUIDES: tuple[Guide, ...] = (
    Guide(
        _R,
        "fleischner-solid",
        "Fleischner Society 2017: incidental solid pulmonary nodule follow-up",
        """For incidental solid nodules in adults aged 35 or older (not for lung cancer
        screening, immunocompromised patients or known cancer). Single solid nodule:
        below 6 mm (below 100 mm3): no routine follow-up in low-risk patients; optional
        CT at 12 months in high-risk patients. 6-8 mm (100-250 mm3): CT at 6-12 months,
        then consider CT at 18-24 months (low risk); CT at 6-12 months, then CT at 18-24
        months (high risk). Above 8 mm (above 250 mm3): consider CT at 3 months, PET/CT
        or tissue sampling.

        Multiple solid nodules: below 6 mm: no routine follow-up (low risk), optional CT
        at 12 months (high risk); 6 mm or larger: CT at 3-6 months, then consider CT at
        18-24 months, managed by the most suspicious nodule.

        Risk factors for high risk include heavy smoking, older age, family history,
        emphysema or fibrosis, upper-lobe location and spiculation. Nodule size is the
        average of long and short axes rounded to the nearest millimetre; a solid
        nodule stable for 2 years is considered benign.""",
        "MacMahon H, Naidich DP, Goo JM, et al. Guidelines for management of incidental "
        "pulmonary nodules detected on CT images: from the Fleischner Society 2017. "
        "Radiology 2017;284:228-243",
    ),
    Guide(
        _R,
        "fleischner-subsolid",
        "Fleischner Society 2017: ground-glass and part-solid (subsolid) nodules",
        """Single pure ground-glass nodule: below 6 mm, no routine follow-up; 6 mm or
        larger, CT at 6-12 months to confirm persistence, then CT every 2 years until 5
        years. Single part-solid nodule: below 6 mm, no routine follow-up; 6 mm or
        larger, CT at 3-6 months to confirm persistence, then if unchanged and the solid
        component remains below 6 mm, annual CT for 5 years; a solid component of 6 mm
        or more is highly suspicious (consider PET/CT, biopsy or resection).

        Multiple subsolid nodules: below 6 mm, CT at 3-6 months, then if stable consider
        CT at 2 and 4 years; 6 mm or larger, CT at 3-6 months, then management based on
        the most suspicious nodule. Subsolid nodules grow slowly, so follow-up lasts
        5 years.""",
        "MacMahon H et al. Fleischner Society 2017 guidelines. Radiology 2017;284:228-243",
    ),
    Guide(
        _R,
        "lung-rads",
        "Lung-RADS v2022: lung cancer screening CT categories and management",
        """Lung-RADS applies to low-dose CT lung cancer screening. Category 0: incomplete.
        Category 1 (negative) and 2 (benign appearance, for example solid nodules below
        6 mm at baseline or new below 4 mm, or nodules with benign calcification or fat):
        continue annual screening. Category 3 (probably benign, for example a solid
        nodule 6 to below 8 mm at baseline or new 4 to below 6 mm): LDCT in 6 months.
        Category 4A (suspicious, for example solid 8 to below 15 mm at baseline, or
        growing below 8 mm, or new 6 to below 8 mm): LDCT in 3 months, PET/CT may be
        considered when there is a solid component of 8 mm or more. Category 4B (very
        suspicious, solid 15 mm or more, or new or growing 8 mm or more): diagnostic
        chest CT, PET/CT and/or tissue sampling. Category 4X: category 3 or 4 with
        additional features raising suspicion. The S modifier flags significant
        non-lung findings.""",
        "American College of Radiology. Lung-RADS v2022 assessment categories. ACR 2022",
    ),
    Guide(
        _R,
        "nodule-growth",
        "Pulmonary nodule growth: volume doubling time and stability",
        """Volume doubling time (VDT) = t x ln 2 / ln(V2 / V1), where t is the interval
        between scans and V1, V2 the nodule volumes. For a sphere the volume scales
        with the cube of the diameter, so VDT = t x ln 2 / (3 x ln(D2 / D1)). Growth is
        measured by volumetry where possible; a diameter change of 2 mm or less is
        within measurement error.

        Solid lung cancers typically have VDTs of about 20-400 days. A VDT of 400 days
        or less favours malignancy and warrants tissue sampling or resection; a VDT
        above 600 days, or a solid nodule stable for 2 years, is usually benign.
        Subsolid adenocarcinomas can grow much more slowly (VDT often above 400 days),
        hence their longer follow-up.""",
        "Callister MEJ et al. British Thoracic Society guidelines for the investigation "
        "and management of pulmonary nodules. Thorax 2015;70 Suppl 2:ii1-ii54; MacMahon "
        "H et al. Radiology 2017;284:228-243",
    ),
    Guide(
        _R,
        "bosniak-2019",
        "Bosniak classification of cystic renal masses, version 2019 (classes I to IV)",
        """Class I: well-defined thin (2 mm or less) smooth wall, homogeneous simple fluid
        (-9 to 20 HU), no septa, no calcifications, and the wall may enhance. Benign.

        Class II: benign masses of six types: cystic masses with thin (2 mm or less) and
        few (1-3) septa, wall and septa may enhance and may contain calcification of any
        type; homogeneous hyperattenuating masses (70 HU or more) at non-contrast CT;
        homogeneous non-enhancing masses above 20 HU at renal mass protocol CT (may
        contain calcification); homogeneous masses of -9 to 20 HU at non-contrast CT;
        homogeneous masses of 21-30 HU at portal venous phase CT; and homogeneous
        low-attenuation masses too small to characterise. No follow-up.

        Class IIF: a smooth minimally thickened (3 mm) enhancing wall, smooth minimal
        thickening of one or more enhancing septa, or many (4 or more) smooth thin
        enhancing septa. Follow-up imaging at 6 months and 12 months, then annually
        for 5 years.

        Class III: one or more enhancing thick (4 mm or more) or irregular walls or
        septa (irregular: an obtuse-margined convex protrusion of 3 mm or less). About
        half are malignant; surgery or active surveillance.

        Class IV: one or more enhancing nodules (a convex protrusion of 4 mm or more
        with obtuse margins, or of any size with acute margins). Most are malignant;
        surgical treatment in suitable patients.""",
        "Silverman SG, Pedrosa I, Ellis JH, et al. Bosniak classification of cystic renal "
        "masses, version 2019: an update proposal and needs assessment. Radiology "
        "2019;292:475-488",
    ),
    Guide(
        _R,
        "birads-categories",
        "BI-RADS assessment categories 0-6: meaning, malignancy risk and management",
        """ACR BI-RADS final assessment categories (mammography, ultrasound, MRI):
        0 incomplete, needs additional imaging or prior films; 1 negative, routine
        screening; 2 benign finding (for example simple cyst, intramammary lymph node,
        fat-containing lesion, involuting fibroadenoma), routine screening; 3 probably
        benign, malignancy likelihood above 0% but 2% or less, short-interval follow-up
        at 6 months then surveillance to 2 years; 4 suspicious, tissue diagnosis
        (4A low suspicion, above 2% to 10%; 4B moderate, above 10% to 50%; 4C high,
        above 50% to below 95%); 5 highly suggestive of malignancy, 95% or more,
        biopsy; 6 known biopsy-proven malignancy, surgical excision when clinically
        appropriate.

        Category 3 is for specific findings on a complete diagnostic work-up, such as a
        non-calcified circumscribed oval solid mass on a baseline study, a focal
        asymmetry, or a solitary group of punctate calcifications, not for palpable or
        growing lesions.""",
        "D'Orsi CJ, Sickles EA, Mendelson EB, Morris EA, et al. ACR BI-RADS Atlas, Breast "
        "Imaging Reporting and Data System, 5th ed. American College of Radiology 2013",
    ),
    Guide(
        _R,
        "birads-lexicon",
        "BI-RADS lexicon: breast density and mass shape, margin and calcification terms",
        """Breast composition: (a) almost entirely fatty, (b) scattered areas of
        fibroglandular density, (c) heterogeneously dense, which may obscure small
        masses, (d) extremely dense, which lowers mammographic sensitivity. Categories
        c and d are dense breasts.

        Mass shape: oval, round or irregular. Margin: circumscribed, obscured,
        microlobulated, indistinct or spiculated. Density: high, equal, low or
        fat-containing. Suspicious features are an irregular shape and indistinct,
        microlobulated or spiculated margins; at ultrasound, a non-parallel (taller
        than wide) orientation, posterior shadowing and an echogenic rim.

        Calcifications: typically benign (skin, vascular, coarse popcorn, large rod-like,
        round, rim, dystrophic, milk of calcium, suture) or suspicious morphology
        (amorphous, coarse heterogeneous, fine pleomorphic, fine linear or fine-linear
        branching); distribution diffuse, regional, grouped, linear or segmental, the
        last two more suspicious.""",
        "ACR BI-RADS Atlas, 5th ed. American College of Radiology 2013",
    ),
    Guide(
        _R,
        "ti-rads",
        "ACR TI-RADS thyroid nodule scoring: points, TR levels and FNA size thresholds",
        """Points by feature: composition (cystic or almost completely cystic 0,
        spongiform 0, mixed cystic and solid 1, solid or almost completely solid 2);
        echogenicity (anechoic 0, hyperechoic or isoechoic 1, hypoechoic 2, very
        hypoechoic 3); shape (wider-than-tall 0, taller-than-wide 3); margin (smooth 0,
        ill-defined 0, lobulated or irregular 2, extrathyroidal extension 3); echogenic
        foci (none or large comet-tail artefacts 0, macrocalcifications 1, peripheral
        or rim calcifications 2, punctate echogenic foci 3, each type counted).

        Levels and recommendations: TR1 (0 points) benign, no FNA; TR2 (2 points) not
        suspicious, no FNA; TR3 (3 points) mildly suspicious, FNA if 2.5 cm or more,
        follow-up if 1.5 cm or more; TR4 (4-6 points) moderately suspicious, FNA if 1.5
        cm or more, follow-up if 1.0 cm or more; TR5 (7 points or more) highly
        suspicious, FNA if 1.0 cm or more, follow-up if 0.5 cm or more. Follow-up
        ultrasound: TR3 at 1, 3 and 5 years; TR4 at 1, 2, 3 and 5 years; TR5 annually
        for 5 years.""",
        "Tessler FN, Middleton WD, Grant EG, et al. ACR Thyroid Imaging, Reporting and "
        "Data System (TI-RADS): white paper of the ACR TI-RADS committee. J Am Coll "
        "Radiol 2017;14:587-595",
    ),
    Guide(
        _R,
        "critical-findings",
        "Critical and actionable radiology findings: communication and documentation",
        """Findings that may need immediate intervention are communicated directly to the
        responsible clinician (in person or by telephone), not only in the written
        report, and the communication is documented: date and time, the name of the
        person informed and what was said. Examples needing communication within
        minutes: tension pneumothorax, acute intracranial haemorrhage or herniation,
        acute aortic dissection or rupture, pulmonary embolism, free intraperitoneal
        air unexpected after surgery, bowel ischaemia, misplaced endotracheal,
        enteric or vascular tubes, and unstable spinal fracture. Findings needing
        action within hours or days (for example a new suspected malignancy, or an
        incidental mass needing work-up) are communicated through the organisation's
        actionable-finding pathway with documented closure.""",
        "ACR Practice Parameter for Communication of Diagnostic Imaging Findings "
        "(revised 2020); Larson PA et al. Actionable findings and the role of IT support: "
        "report of the ACR Actionable Reporting Work Group. J Am Coll Radiol "
        "2014;11:552-558",
    ),
    Guide(
        _R,
        "report-structure",
        "Structure of a radiology report: indication, technique, comparison, findings, impression",
        """A diagnostic imaging report states the examination, date, clinical indication
        (the question asked), technique (protocol, contrast agent and dose, radiation
        dose where required), comparison studies, findings (organ by organ or as a
        structured template) and an impression. The impression answers the clinical
        question first, lists the most important findings in order of importance,
        gives a specific diagnosis or a short differential, assigns a standard
        category where one exists (BI-RADS, Lung-RADS, TI-RADS, Bosniak, LI-RADS), and
        gives a clear follow-up recommendation with its interval, citing the guideline
        used (for example Fleischner 2017). Uncertain language (possible, cannot exclude)
        should be used sparingly and explained.""",
        "ACR Practice Parameter for Communication of Diagnostic Imaging Findings "
        "(revised 2020); RSNA RadReport structured reporting templates",
    ),
    Guide(
        _R,
        "thyroid-incidental-ct",
        "Incidental thyroid nodule on CT or MRI: when to get an ultrasound",
        """For a thyroid nodule seen incidentally on CT, MRI or PET: ultrasound is
        recommended for a nodule with suspicious features (abnormal lymph nodes, local
        invasion) or FDG avidity on PET; otherwise in patients under 35 years when the
        nodule is 1 cm or more, and in patients 35 years or older when it is 1.5 cm or
        more. Smaller nodules without suspicious features, or in patients with limited
        life expectancy or serious comorbidity, need no further evaluation.""",
        "Hoang JK, Langer JE, Middleton WD, et al. Managing incidental thyroid nodules "
        "detected on imaging: white paper of the ACR Incidental Thyroid Findings "
        "Committee. J Am Coll Radiol 2015;12:143-150",
    ),
    Guide(
        _R,
        "adrenal-incidentaloma",
        "Incidental adrenal mass on CT: adenoma characterisation and follow-up",
        """An adrenal mass with attenuation of 10 HU or less at non-contrast CT is a
        lipid-rich adenoma and needs no imaging follow-up. On adrenal protocol CT with
        15-minute delayed images, absolute washout of 60% or more or relative washout
        of 40% or more indicates adenoma. An indeterminate mass of 1-4 cm without
        prior imaging can be re-imaged at 12 months (stable means benign); a mass of
        4 cm or more without benign features is usually resected. All incidental
        adrenal masses of 1 cm or more are also screened clinically and biochemically
        for hormone excess (cortisol after 1 mg dexamethasone, metanephrines, and
        aldosterone/renin in hypertension).""",
        "Mayo-Smith WW, Song JH, Boland GL, et al. Management of incidental adrenal "
        "masses: a white paper of the ACR Incidental Findings Committee. J Am Coll Radiol "
        "2017;14:1038-1044",
    ),
    # ---------------------------------------------------------------- visual diagnosis
    Guide(
        _V,
        "dermoscopy-abcd-tds",
        "Dermoscopy ABCD rule (Stolz): total dermoscopy score (TDS) and cut-offs",
        """The ABCD rule of dermoscopy scores a melanocytic lesion. Asymmetry (A, 0-2):
        the number of perpendicular axes across which contour, colours and structures
        are asymmetric, weight 1.3. Border (B, 0-8): the number of the eight
        pie-shaped segments with an abrupt cut-off of pigment at the periphery, weight
        0.1. Colour (C, 1-6): the number of colours present among white, red, light
        brown, dark brown, blue-grey and black, weight 0.5. Differential structures
        (D, 1-5): the number of structures present among pigment network, structureless
        (homogeneous) areas, dots, globules and branched streaks, weight 0.5.

        TDS = 1.3 A + 0.1 B + 0.5 C + 0.5 D. A TDS below 4.75 indicates a benign
        melanocytic lesion; 4.75-5.45 is suspicious (close follow-up or excision); above
        5.45 is highly suggestive of melanoma. The rule applies to melanocytic lesions
        only; seborrhoeic keratoses and other non-melanocytic lesions can score
        falsely high.""",
        "Stolz W, Riemann A, Cognetta AB, et al. ABCD rule of dermatoscopy. Eur J "
        "Dermatol 1994;4:521-527; Nachbar F, Stolz W, Merkle T, et al. The ABCD rule of "
        "dermatoscopy. J Am Acad Dermatol 1994;30:551-559",
    ),
    Guide(
        _V,
        "dermoscopy-7-point",
        "Dermoscopy 7-point checklist for melanoma: major and minor criteria",
        """Major criteria (2 points each): atypical pigment network, blue-whitish veil,
        and atypical vascular pattern. Minor criteria (1 point each): irregular streaks
        (pseudopods and radial streaming), irregular pigmentation (blotches),
        irregular dots and globules, and regression structures (white scar-like areas
        and blue pepper-like granules). A total score of 3 or more indicates melanoma
        and excision (the original threshold; a score of 3 corresponds to one major and
        one minor criterion).""",
        "Argenziano G, Fabbrocini G, Carli P, et al. Epiluminescence microscopy for the "
        "diagnosis of doubtful melanocytic skin lesions: comparison of the ABCD rule of "
        "dermatoscopy and a new 7-point checklist. Arch Dermatol 1998;134:1563-1570",
    ),
    Guide(
        _V,
        "melanoma-abcde",
        "Clinical ABCDE rule for melanoma and the ugly duckling sign",
        """Naked-eye warning signs of melanoma: Asymmetry; Border irregularity (notched,
        ragged or blurred); Colour variegation (several shades of brown, black, blue,
        red or white); Diameter above 6 mm; and Evolving (change in size, shape, colour
        or elevation, or new symptoms such as bleeding or itching). Evolution is the
        most sensitive single sign; small melanomas below 6 mm exist. The ugly duckling
        sign, a naevus that looks different from the patient's other naevi, also
        prompts dermoscopy or excision.""",
        "Abbasi NR, Shaw HM, Rigel DS, et al. Early diagnosis of cutaneous melanoma: "
        "revisiting the ABCD criteria. JAMA 2004;292:2771-2776",
    ),
    Guide(
        _V,
        "dermoscopy-nonmelanocytic",
        "Dermoscopy of non-melanocytic lesions: basal cell carcinoma and seborrhoeic keratosis",
        """First decide whether a lesion is melanocytic (pigment network, aggregated
        globules, streaks, homogeneous blue pigment). Basal cell carcinoma: no pigment
        network, with arborising (tree-like) telangiectatic vessels, leaf-like areas,
        large blue-grey ovoid nests, multiple blue-grey globules, spoke-wheel areas
        and ulceration. Seborrhoeic keratosis: milia-like cysts, comedo-like openings,
        fissures and ridges (brain-like pattern), a sharp moth-eaten border and hairpin
        vessels. Dermatofibroma: a central white scar-like patch with a delicate
        peripheral network. Haemangioma: red-blue lacunae.""",
        "Argenziano G, Soyer HP, Chimenti S, et al. Dermoscopy of pigmented skin lesions: "
        "results of a consensus meeting via the Internet. J Am Acad Dermatol "
        "2003;48:679-693; Menzies SW et al. Arch Dermatol 2000;136:1012-1016",
    ),
    Guide(
        _V,
        "ecg-atrial-fibrillation",
        "ECG diagnosis of atrial fibrillation and rate control targets",
        """Atrial fibrillation on the ECG: irregularly irregular RR intervals, no distinct
        repeating P waves, and irregular fibrillatory (f) waves of variable amplitude,
        best seen in V1. An episode lasting at least 30 seconds on a rhythm strip, or
        the whole 12-lead ECG, is diagnostic. Ventricular rate with a rapid ventricular
        response is usually above 100-110/min. A regular narrow-complex rhythm in a
        patient with AF suggests flutter, junctional rhythm or complete heart block.

        Lenient rate control (resting heart rate below 110/min) is acceptable unless
        symptoms require stricter control. Stroke risk is assessed with CHA2DS2-VASc
        (the 2024 ESC guideline uses CHA2DS2-VA), and anticoagulation is recommended
        at a score of 2 or more (3 or more in women using CHA2DS2-VASc).""",
        "Hindricks G et al. 2020 ESC Guidelines for the diagnosis and management of "
        "atrial fibrillation. Eur Heart J 2021;42:373-498; Van Gelder IC et al. 2024 ESC "
        "Guidelines for the management of atrial fibrillation. Eur Heart J 2024;45:3314",
    ),
    Guide(
        _V,
        "ecg-atrial-flutter",
        "ECG diagnosis of atrial flutter: sawtooth flutter waves and conduction ratios",
        """Typical (cavotricuspid isthmus-dependent) atrial flutter shows regular
        sawtooth flutter waves at an atrial rate of about 250-350/min (commonly 300),
        negative in the inferior leads II, III and aVF and positive in V1
        (counterclockwise flutter). With 2:1 AV conduction the ventricular rate is about
        150/min, and a regular narrow-complex tachycardia at 150/min should raise the
        suspicion; 3:1 or 4:1 conduction gives 100 or 75/min, and variable block gives
        an irregular rhythm. Vagal manoeuvres or adenosine transiently increase the
        block and unmask flutter waves. Anticoagulation follows the same rules as
        atrial fibrillation.""",
        "Page RL et al. 2015 ACC/AHA/HRS guideline for the management of adult patients "
        "with supraventricular tachycardia. Circulation 2016;133:e506-e574",
    ),
    Guide(
        _V,
        "ecg-intervals",
        "ECG intervals and normal values: PR, QRS, QT and QTc",
        """At 25 mm/s one small square is 40 ms and one large square 200 ms. Normal adult
        values: PR interval 120-200 ms (above 200 ms is first-degree AV block, below 120
        ms suggests pre-excitation); QRS duration below 110-120 ms (120 ms or more is a
        bundle branch block or ventricular conduction); QT corrected for heart rate
        (QTc) is prolonged above 450 ms in men and 460 ms in women, and a QTc above 500
        ms, or a rise of more than 60 ms on a drug, carries a high risk of torsades de
        pointes.

        QTc formulas use the RR interval in seconds: Bazett QTc = QT / square root of
        RR (overcorrects at fast heart rates); Fridericia QTc = QT / cube root of RR
        (preferred above about 90/min); Framingham QTc = QT + 154 x (1 - RR) ms. Measure
        QT in lead II or V5 from QRS onset to the end of the T wave (tangent
        method).""",
        "Rautaharju PM, Surawicz B, Gettes LS. AHA/ACCF/HRS recommendations for the "
        "standardization and interpretation of the electrocardiogram, part IV: the ST "
        "segment, T and U waves, and the QT interval. Circulation 2009;119:e241-e250; "
        "Drew BJ et al. Circulation 2010;121:1047-1060",
    ),
    Guide(
        _V,
        "ecg-rate-axis",
        "ECG heart rate and electrical axis: how to calculate",
        """Heart rate at 25 mm/s: for a regular rhythm, 300 divided by the number of large
        squares between R waves (or 1500 divided by the number of small squares); for
        an irregular rhythm such as atrial fibrillation, count QRS complexes in a
        10-second strip and multiply by 6.

        Frontal QRS axis: normal is -30 to +90 degrees. With lead I and aVF both
        positive the axis is normal; lead I positive and aVF negative with lead II
        negative is left axis deviation (beyond -30; causes include left anterior
        fascicular block and inferior MI); lead I negative and aVF positive is right
        axis deviation (beyond +90; right ventricular hypertrophy, left posterior
        fascicular block, lateral MI, and normal in the young); both negative is
        extreme (northwest) axis.""",
        "Surawicz B, Childers R, Deal BJ, Gettes LS. AHA/ACCF/HRS recommendations for the "
        "standardization and interpretation of the electrocardiogram, part III: "
        "intraventricular conduction disturbances. Circulation 2009;119:e235-e240; Kligfield "
        "P et al. Part I. Circulation 2007;115:1306-1324",
    ),
    Guide(
        _V,
        "ecg-stemi-criteria",
        "ECG criteria for ST-elevation myocardial infarction (STEMI)",
        """New ST elevation at the J point in at least two contiguous leads: 1 mm (0.1 mV)
        or more in all leads other than V2-V3; in V2-V3, 2 mm or more in men aged 40 or
        older, 2.5 mm or more in men under 40, and 1.5 mm or more in women whatever the
        age. Reciprocal ST depression supports the diagnosis. Posterior MI shows ST
        depression in V1-V3 (check V7-V9 for 0.5 mm elevation). A new or presumed new
        left bundle branch block is assessed with the Sgarbossa criteria. Territories:
        inferior II, III, aVF (right coronary artery, record V4R); anterior V1-V4 (left
        anterior descending); lateral I, aVL, V5-V6 (circumflex).""",
        "Thygesen K, Alpert JS, Jaffe AS, et al. Fourth Universal Definition of "
        "Myocardial Infarction (2018). Circulation 2018;138:e618-e651",
    ),
    Guide(
        _V,
        "ecg-lvh",
        "ECG left ventricular hypertrophy voltage criteria: Sokolow-Lyon and Cornell",
        """Sokolow-Lyon: S wave in V1 plus R wave in V5 or V6 of 35 mm (3.5 mV) or more,
        or R in aVL of 11 mm or more. Cornell voltage: R in aVL plus S in V3 above 28 mm
        in men and above 20 mm in women. Supporting findings are left atrial
        enlargement and a lateral ST-T strain pattern. Voltage criteria are specific but
        insensitive, and less reliable in young or thin patients; echocardiography
        confirms hypertrophy.""",
        "Hancock EW et al. AHA/ACCF/HRS recommendations for the standardization and "
        "interpretation of the electrocardiogram, part V: chamber hypertrophy. "
        "Circulation 2009;119:e251-e261; Sokolow M, Lyon TP. Am Heart J 1949;37:161-186",
    ),
    Guide(
        _V,
        "ecg-av-block",
        "ECG atrioventricular block: first degree, Mobitz I, Mobitz II and complete block",
        """First-degree AV block: PR above 200 ms, every P wave conducted. Second-degree
        Mobitz type I (Wenckebach): progressive PR prolongation until a P wave is not
        conducted, usually AV nodal and benign. Mobitz type II: constant PR intervals
        with sudden non-conducted P waves, usually infranodal with a risk of complete
        block, an indication for pacing. 2:1 AV block cannot be classed from one strip.
        Third-degree (complete) AV block: atrioventricular dissociation, P waves
        marching through at their own rate, faster than a regular junctional (narrow)
        or ventricular (wide) escape rhythm; permanent pacing is indicated unless a
        reversible cause (drugs, hyperkalaemia, inferior MI, Lyme disease) is found.""",
        "Kusumoto FM et al. 2018 ACC/AHA/HRS guideline on the evaluation and management "
        "of patients with bradycardia and cardiac conduction delay. Circulation "
        "2019;140:e382-e482",
    ),
    Guide(
        _V,
        "ecg-bundle-branch-block",
        "ECG bundle branch block: right (RBBB) and left (LBBB) criteria",
        """Complete right bundle branch block: QRS 120 ms or more, rsR' (M-shaped) pattern
        in V1-V2, and a wide slurred S wave in I and V6. Complete left bundle branch
        block: QRS 120 ms or more (130 ms in women by strict criteria), broad notched or
        slurred monophasic R waves in I, aVL, V5 and V6, absent Q waves in the lateral
        leads, and a deep QS or rS in V1; secondary ST-T changes go opposite to the
        QRS. LBBB is almost always pathological (ischaemic, hypertensive or
        cardiomyopathic heart disease) and hides ischaemia on the ECG.""",
        "Surawicz B et al. AHA/ACCF/HRS recommendations for the standardization and "
        "interpretation of the electrocardiogram, part III: intraventricular conduction "
        "disturbances. Circulation 2009;119:e235-e240",
    ),
    Guide(
        _V,
        "ecg-hyperkalaemia",
        "ECG changes of hyperkalaemia (hyperkalemia) and hypokalaemia",
        """Hyperkalaemia: tall, narrow, peaked T waves are the earliest sign, followed by
        PR prolongation, flattening and loss of P waves, QRS widening, bradycardia and
        conduction blocks, and finally a sine-wave pattern, ventricular fibrillation or
        asystole. ECG changes correlate poorly with the serum level, and any change is
        an indication for intravenous calcium. Hypokalaemia: T-wave flattening or
        inversion, ST depression, prominent U waves and an apparent long QT (QU
        interval), with a risk of ventricular arrhythmias, especially with digoxin.""",
        "UK Kidney Association (Renal Association) Clinical Practice Guideline: Treatment "
        "of acute hyperkalaemia in adults, 2020; Mattu A, Brady WJ, Robinson DA. Am J "
        "Emerg Med 2000;18:721-729",
    ),
)
