"""Formulary: antidepressants, antipsychotics, anxiolytics, hypnotics, antiepileptics, others.

Sources: US prescribing information of each drug (renal bands: Effexor XR, Cymbalta,
Keppra, Neurontin, Lyrica, Namenda, Topamax, Risperdal and lithium labelling); CYP roles
per the FDA Table of Substrates, Inhibitors and Inducers and the Flockhart Table;
serotonergic drugs per Boyer EW, Shannon M. N Engl J Med 2005;352:1112-20 and FDA
safety communications (2016 opioids, 2006 triptans); QT per CredibleMeds; Beers 2023.
Format: see :mod:`healthgym.clinical.drugs.parse`.
"""

DATA = """
sertraline
  brands Zoloft | salts hydrochloride | class selective serotonin reuptake inhibitor
  group ssri | moa Inhibits presynaptic serotonin reuptake (SERT) | for depression, anxiety
  dose 50 mg once daily | cyp m:2B6 m:2C19 m:3A4 w:2D6 | qt conditional | flags sero bleed=1
  hepatic A: use a lower or less frequent dose
  preg caution: preferred SSRI in pregnancy, neonatal adaptation syndrome | lact compatible:
    preferred SSRI in breastfeeding
  ci MAO inhibitors (within 14 days); pimozide; disulfiram (oral concentrate)
  ae nausea; diarrhoea; sexual dysfunction; hyponatraemia
fluoxetine
  brands Prozac | salts hydrochloride | class selective serotonin reuptake inhibitor | group ssri
  moa Inhibits serotonin reuptake; long half-life active metabolite norfluoxetine
  for depression, anxiety | dose 20 mg once daily | cyp m:2D6 I:2D6 I:2C19 | qt conditional
  flags sero bleed=1 | hepatic A: use a lower or less frequent dose
  preg caution: neonatal adaptation syndrome | lact caution: long half-life, monitor infant
  ci MAO inhibitors (within 5 weeks of stopping fluoxetine); pimozide; thioridazine
  ae insomnia; anxiety; sexual dysfunction; hyponatraemia
paroxetine
  brands Paxil, Pexeva | salts hydrochloride, mesylate | class selective serotonin reuptake
    inhibitor | group ssri
  moa Inhibits serotonin reuptake; anticholinergic | for depression, anxiety
  dose 20 mg once daily | cyp s:2D6 I:2D6 | qt conditional | flags sero bleed=1
  renal crcl >=30: 20-50 mg once daily; <30: start 10 mg once daily, maximum 40 mg daily
  hepatic B: start 10 mg daily, maximum 40 mg
  preg avoid: first-trimester cardiac malformations | lact compatible: low levels
  ci MAO inhibitors; pimozide; thioridazine | ae sedation; weight gain; discontinuation syndrome
  beers avoid: strongly anticholinergic, sedating
citalopram
  brands Celexa | salts hydrobromide | class selective serotonin reuptake inhibitor | group ssri
  moa Inhibits serotonin reuptake | for depression | dose 20 mg once daily
  cyp s:2C19 m:3A4 m:2D6 | qt known | flags sero bleed=1
  hepatic A: maximum 20 mg daily | preg caution: neonatal adaptation syndrome
  lact caution: monitor infant | ci MAO inhibitors; pimozide; congenital long QT syndrome
  ae QT prolongation above 40 mg/day; nausea; hyponatraemia
escitalopram
  brands Lexapro | salts oxalate | class selective serotonin reuptake inhibitor | group ssri
  moa S-enantiomer of citalopram; inhibits serotonin reuptake | for depression, anxiety
  dose 10 mg once daily | cyp s:2C19 m:3A4 w:2D6 | qt known | flags sero bleed=1
  hepatic A: maximum 10 mg daily | preg caution: neonatal adaptation syndrome
  lact caution: monitor infant | ci MAO inhibitors; pimozide | ae nausea; insomnia; QT prolongation
fluvoxamine
  brands Luvox | salts maleate | class selective serotonin reuptake inhibitor | group ssri
  moa Inhibits serotonin reuptake; potent CYP1A2 and CYP2C19 inhibitor | for depression, anxiety
  dose 100 mg at bedtime | cyp m:2D6 I:1A2 I:2C19 i:3A4 w:2C9 w:2D6 | flags sero bleed=1
  hepatic A: start at a lower dose | preg caution: neonatal adaptation syndrome
  lact caution: limited data | ci tizanidine; thioridazine; pimozide; alosetron; ramelteon; MAOIs
  ae nausea; somnolence; insomnia
venlafaxine
  brands Effexor XR | salts hydrochloride | class serotonin-norepinephrine reuptake inhibitor
  group snri | moa Inhibits serotonin and norepinephrine reuptake | for depression, anxiety
  dose 75-225 mg once daily (extended release) | cyp s:2D6 m:3A4 | qt possible
  flags sero bleed=1
  renal crcl >=90: 75-225 mg once daily; 30-90: reduce the total daily dose by 25-50%; <30:
    reduce the total daily dose by 50% or more
  hepatic A: reduce the total daily dose by 50%
  preg caution: neonatal adaptation syndrome | lact caution: monitor infant
  ci MAO inhibitors | ae hypertension; nausea; discontinuation syndrome; hyponatraemia
duloxetine
  brands Cymbalta | salts hydrochloride | class serotonin-norepinephrine reuptake inhibitor
  group snri | moa Inhibits serotonin and norepinephrine reuptake
  for depression, anxiety, neuropathic_pain, chronic_pain | dose 60 mg once daily
  cyp S:1A2 s:2D6 i:2D6 | flags sero bleed=1
  renal crcl >=30: 60 mg once daily; <30: avoid
  hepatic A: avoid in chronic liver disease or cirrhosis
  preg caution: neonatal adaptation syndrome | lact caution: monitor infant
  ci MAO inhibitors; uncontrolled narrow-angle glaucoma | ae nausea; hepatotoxicity; hyponatraemia
bupropion
  brands Wellbutrin, Zyban | salts hydrochloride | class norepinephrine-dopamine reuptake
    inhibitor | group ndri
  moa Inhibits dopamine and norepinephrine reuptake; metabolised by CYP2B6
  for depression, smoking_cessation | dose 150 mg once or twice daily (sustained release)
  cyp m:2B6 I:2D6 | renalnote reduce dose or frequency in renal impairment
  hepatic C: maximum 150 mg every other day (severe)
  preg caution: limited data | lact caution: seizure reported in an infant
  ci seizure disorder; bulimia or anorexia nervosa; abrupt alcohol or sedative withdrawal;
    MAO inhibitors (including linezolid)
  ae insomnia; seizures (dose-related); agitation; hypertension
mirtazapine
  brands Remeron | class noradrenergic and specific serotonergic antidepressant
  group tetracyclic_antidepressant | moa Blocks alpha-2, 5-HT2 and 5-HT3 receptors
  for depression | dose 15-30 mg at bedtime | cyp m:3A4 m:2D6 m:1A2 | qt possible
  flags sero cns=1 | renalnote clearance falls about 50% when CrCl < 40
  preg caution: limited data | lact caution: low levels | ci MAO inhibitors
  ae sedation; weight gain; increased appetite
trazodone
  brands Desyrel | salts hydrochloride | class serotonin antagonist and reuptake inhibitor
  group sari | moa Blocks 5-HT2A receptors and weakly inhibits serotonin reuptake
  for depression, insomnia | dose 50 mg at bedtime (insomnia) | cyp s:3A4 | qt conditional
  flags sero cns=1 | preg caution: limited data | lact caution: low levels
  ci MAO inhibitors | ae sedation; orthostatic hypotension; priapism
amitriptyline
  brands Elavil | salts hydrochloride | class tricyclic antidepressant | group tca
  moa Inhibits serotonin and norepinephrine reuptake; anticholinergic and antihistaminic
  for depression, neuropathic_pain, migraine | dose 25 mg at bedtime
  cyp s:2D6 m:2C19 m:3A4 m:1A2 | qt conditional | flags sero cns=1
  preg caution: neonatal withdrawal | lact caution: low levels
  ci MAO inhibitors; recent myocardial infarction | ae sedation; dry mouth; orthostasis; arrhythmia
  beers avoid: strongly anticholinergic, sedating, orthostatic hypotension
nortriptyline
  brands Pamelor | salts hydrochloride | class tricyclic antidepressant | group tca
  moa Inhibits norepinephrine more than serotonin reuptake | for depression, neuropathic_pain
  dose 25-75 mg at bedtime | cyp S:2D6 | qt conditional | flags sero cns=1
  preg caution: limited data | lact caution: low levels | ci MAO inhibitors; recent myocardial
    infarction | ae dry mouth; constipation; orthostasis
  beers avoid: anticholinergic, sedating
phenelzine
  brands Nardil | salts sulfate | class monoamine oxidase inhibitor (irreversible, non-selective)
  group maoi | moa Irreversibly inhibits MAO-A and MAO-B | for depression
  dose 15 mg three times daily
  flags sero maoi=irreversible | hepatic A: contraindicated in hepatic impairment
  preg caution: limited data | lact avoid: no data
  ci other antidepressants, serotonergic or sympathomimetic drugs; tyramine-rich food;
    pheochromocytoma | ae orthostatic hypotension; hypertensive crisis with tyramine
tranylcypromine
  brands Parnate | salts sulfate | class monoamine oxidase inhibitor (irreversible, non-selective)
  group maoi | moa Irreversibly inhibits MAO-A and MAO-B | for depression | dose 10 mg twice daily
  flags sero maoi=irreversible | preg caution: limited data | lact avoid: no data
  ci serotonergic drugs; sympathomimetics; bupropion; tyramine-rich food
  ae hypertensive crisis; insomnia; orthostatic hypotension
selegiline
  brands Emsam, Zelapar, Eldepryl | salts hydrochloride | class monoamine oxidase-B inhibitor
  group maoi | moa Irreversibly inhibits MAO-B (MAO-A too at higher or transdermal doses)
  for parkinson_disease, depression | dose 5 mg twice daily (oral)
  cyp m:2B6 m:3A4 | flags sero maoi=irreversible
  preg caution: limited data | lact avoid: no data
  ci meperidine; tramadol; methadone; SSRIs, SNRIs, TCAs; dextromethorphan; carbamazepine
  ae insomnia; orthostatic hypotension; hallucinations
lithium
  brands Lithobid | salts carbonate, citrate | class mood stabiliser | group mood_stabilizer
  moa Monovalent cation; modulates inositol signalling and GSK-3; renally cleared like sodium
  for bipolar_disorder | dose 300 mg two or three times daily, titrated to serum level
  qt possible | flags sero
  renal crcl >=90: titrate to a serum level of 0.6-1.2 mEq/L; 30-90: start at a lower dose,
    titrate slowly with frequent levels; <30: not recommended
  preg caution: Ebstein anomaly risk, monitor levels | lact avoid: infant toxicity reported
  ci severe renal impairment; severe dehydration or sodium depletion
  ae tremor; polyuria; hypothyroidism; toxicity (narrow therapeutic index)
quetiapine
  brands Seroquel | salts fumarate | class atypical antipsychotic | group atypical_antipsychotic
  moa Antagonises D2 and 5-HT2A receptors; antihistaminic | for schizophrenia, bipolar_disorder
  dose 300 mg at bedtime | cyp S:3A4 | qt conditional | flags cns=1
  hepatic A: start 25 mg daily, increase by 25-50 mg/day
  preg caution: neonatal withdrawal/EPS | lact caution: low levels
  ae sedation; weight gain; metabolic syndrome; orthostasis
  beers caution: avoid antipsychotics in dementia unless non-drug options failed (stroke, mortality)
olanzapine
  brands Zyprexa | class atypical antipsychotic | group atypical_antipsychotic
  moa Antagonises D2 and 5-HT2A receptors | for schizophrenia, bipolar_disorder
  dose 10 mg once daily | cyp s:1A2 m:2D6 | qt conditional | flags cns=1
  preg caution: neonatal withdrawal/EPS | lact caution: low levels
  ae weight gain; hyperglycaemia; sedation | beers caution: avoid in dementia (stroke, mortality)
risperidone
  brands Risperdal | class atypical antipsychotic | group atypical_antipsychotic
  moa Antagonises D2 and 5-HT2A receptors | for schizophrenia, bipolar_disorder
  dose 2 mg twice daily | cyp s:2D6 m:3A4 | qt conditional
  renal crcl >=30: 2-8 mg/day in one or two doses; <30: start 0.5 mg twice daily, raise by no
    more than 0.5 mg twice daily
  hepatic C: start 0.5 mg twice daily | preg caution: neonatal EPS | lact caution: monitor infant
  ae hyperprolactinaemia; EPS; weight gain | beers caution: avoid in dementia (stroke, mortality)
aripiprazole
  brands Abilify | class atypical antipsychotic (D2 partial agonist) | group atypical_antipsychotic
  moa Partial agonist at D2 and 5-HT1A; antagonist at 5-HT2A | for schizophrenia, bipolar_disorder
  dose 10-15 mg once daily | cyp s:2D6 s:3A4 | qt possible
  preg caution: neonatal EPS | lact caution: may reduce milk supply
  ae akathisia; insomnia; impulse-control disorders | beers caution: avoid in dementia
ziprasidone
  brands Geodon | salts hydrochloride | class atypical antipsychotic | group atypical_antipsychotic
  moa Antagonises D2 and 5-HT2A receptors | for schizophrenia, bipolar_disorder
  dose 40-80 mg twice daily with food | cyp m:3A4 | qt possible
  preg caution: limited data | lact caution: no data
  ci QT prolongation history; recent myocardial infarction; uncompensated heart failure; other
    QT-prolonging drugs (dofetilide, sotalol, moxifloxacin, pimozide ...)
  ae somnolence; QT prolongation; EPS
clozapine
  brands Clozaril, Versacloz | class atypical antipsychotic | group atypical_antipsychotic
  moa Antagonises D4, 5-HT2A and many other receptors | for schizophrenia
  dose 300-450 mg/day in divided doses (titrated) | cyp s:1A2 m:3A4 m:2D6 | qt possible
  flags cns=1 | preg caution: limited data | lact avoid: agranulocytosis risk in infant
  ci history of clozapine-induced agranulocytosis | ae neutropenia; myocarditis; seizures;
    constipation; sedation
haloperidol
  brands Haldol | salts decanoate, lactate | class typical antipsychotic (butyrophenone)
  group typical_antipsychotic | moa Potent D2 antagonist | for schizophrenia
  dose 2-5 mg two or three times daily | cyp m:3A4 m:2D6 w:2D6 | qt known
  preg caution: neonatal EPS | lact caution: limited data
  ci Parkinson disease; dementia with Lewy bodies; severe CNS depression
  ae EPS; tardive dyskinesia; QT prolongation | beers caution: avoid in dementia
pimozide
  brands Orap | class typical antipsychotic (diphenylbutylpiperidine) | group typical_antipsychotic
  moa Potent D2 antagonist | for schizophrenia | dose 1-2 mg once daily (Tourette syndrome)
  cyp s:3A4 m:1A2 | qt known | preg caution: limited data | lact avoid: no data
  ci QT-prolonging drugs; strong CYP3A4 inhibitors; sertraline, paroxetine, citalopram,
    escitalopram; congenital long QT
  ae QT prolongation; sudden death; EPS
buspirone
  brands Buspar | salts hydrochloride | class azapirone anxiolytic | group anxiolytic
  moa 5-HT1A partial agonist | for anxiety | dose 10 mg twice daily | cyp S:3A4 | flags sero
  hepatic C: not recommended in severe hepatic impairment
  preg caution: limited data | lact avoid: no data | ci MAO inhibitors
  ae dizziness; nausea; headache
alprazolam
  brands Xanax | class benzodiazepine | group benzodiazepine
  moa Positive allosteric modulator of GABA-A receptors | for anxiety | dose 0.25-0.5 mg three
    times daily | cyp s:3A4 | flags cns=2
  hepatic C: start 0.25 mg two or three times daily
  preg caution: neonatal sedation and withdrawal | lact avoid: infant sedation
  ci strong CYP3A4 inhibitors (ketoconazole, itraconazole); acute narrow-angle glaucoma
  ae sedation; dependence; falls; respiratory depression with opioids
  beers avoid: cognitive impairment, falls, fractures
lorazepam
  brands Ativan | class benzodiazepine | group benzodiazepine
  moa Positive allosteric modulator of GABA-A receptors; glucuronidated (no CYP)
  for anxiety, insomnia | dose 0.5-1 mg two or three times daily | flags cns=2
  preg caution: neonatal sedation | lact caution: short-term use acceptable
  ci acute narrow-angle glaucoma | ae sedation; dependence; falls
  beers avoid: cognitive impairment, falls, fractures
diazepam
  brands Valium | class benzodiazepine | group benzodiazepine
  moa Positive allosteric modulator of GABA-A receptors; long-acting active metabolites
  for anxiety, muscle_spasm | dose 2-10 mg two to four times daily | cyp s:2C19 m:3A4 | flags cns=2
  hepatic C: reduce the dose, avoid in severe impairment
  preg caution: neonatal sedation and withdrawal | lact avoid: accumulates in infant
  ci severe respiratory insufficiency; sleep apnoea; myasthenia gravis; severe hepatic impairment
  ae sedation; falls; dependence | beers avoid: long-acting benzodiazepine
clonazepam
  brands Klonopin | class benzodiazepine | group benzodiazepine
  moa Positive allosteric modulator of GABA-A receptors | for anxiety, epilepsy
  dose 0.5 mg two or three times daily | cyp m:3A4 | flags cns=2
  preg caution: neonatal sedation | lact caution: monitor infant
  ci significant liver disease; acute narrow-angle glaucoma | ae sedation; ataxia; dependence
  beers avoid: cognitive impairment, falls, fractures
zolpidem
  brands Ambien, Edluar | salts tartrate | class non-benzodiazepine hypnotic (Z-drug)
  group hypnotic | moa Binds the benzodiazepine site of alpha-1 GABA-A receptors
  for insomnia | dose 5 mg at bedtime (women) or 5-10 mg (men) | cyp m:3A4 | flags cns=1
  hepatic A: 5 mg at bedtime; C: avoid in severe hepatic impairment
  preg caution: neonatal sedation late in pregnancy | lact caution: monitor infant
  ci complex sleep behaviours with zolpidem | ae complex sleep behaviours; next-day impairment
  beers avoid: delirium, falls, fractures, minimal benefit
carbamazepine
  brands Tegretol, Equetro | class dibenzazepine antiepileptic | group antiepileptic
  moa Blocks voltage-gated sodium channels; potent enzyme inducer (autoinduction)
  for epilepsy, neuropathic_pain, bipolar_disorder | dose 200-400 mg twice daily
  cyp s:3A4 X:3A4 x:1A2 x:2C9 x:2C19 x:2B6 X:Pgp | flags cns=1
  preg avoid: neural tube defects, use only if no alternative | lact caution: monitor infant
  ci bone marrow depression; MAO inhibitors; nefazodone; HLA-B*1502 carriers (SJS/TEN)
  ae dizziness; hyponatraemia; SJS/TEN; agranulocytosis
phenytoin
  brands Dilantin | salts sodium | class hydantoin antiepileptic | group antiepileptic
  moa Blocks voltage-gated sodium channels; non-linear kinetics; enzyme inducer
  for epilepsy | dose 300 mg once daily (level-guided) | cyp s:2C9 m:2C19 X:3A4 x:2C19 x:1A2
    x:2C9 X:Pgp | flags cns=1
  renalnote hypoalbuminaemia and uraemia raise the free fraction: follow free levels
  preg avoid: fetal hydantoin syndrome, use only if no alternative | lact compatible: low levels
  ci delavirdine; sinus bradycardia (IV) | ae nystagmus; ataxia; gingival hyperplasia; SJS/TEN
valproate
  aka valproic acid, divalproex | brands Depakote, Depakene | salts sodium | class valproate
    antiepileptic | group antiepileptic
  moa Raises GABA, blocks sodium and T-type calcium channels; inhibits glucuronidation
  for epilepsy, bipolar_disorder, migraine | dose 500 mg twice daily (level-guided)
  cyp m:2C9 m:2C19 w:2C9 | hepatic A: contraindicated in hepatic disease
  preg contraindicated: neural tube defects and IQ loss (contraindicated for migraine)
  lact caution: low levels | ci hepatic disease; mitochondrial disease (POLG); urea cycle disorders
  ae hepatotoxicity; pancreatitis; tremor; weight gain; thrombocytopenia
lamotrigine
  brands Lamictal | class phenyltriazine antiepileptic | group antiepileptic
  moa Blocks voltage-gated sodium channels; glucuronidated (UGT1A4)
  for epilepsy, bipolar_disorder | dose 100-200 mg once daily (slow titration)
  hepatic B: reduce the dose by about 25%; C: reduce the dose by about 50%
  preg caution: levels fall in pregnancy, monitor | lact caution: monitor infant
  ae rash including SJS/TEN (higher with valproate or fast titration); dizziness; diplopia
levetiracetam
  brands Keppra | class pyrrolidine antiepileptic | group antiepileptic
  moa Binds synaptic vesicle protein SV2A; renally eliminated | for epilepsy
  dose 500-1500 mg every 12 hours
  renal crcl >=80: 500-1500 mg every 12 hours; 50-80: 500-1000 mg every 12 hours; 30-50:
    250-750 mg every 12 hours; <30: 250-500 mg every 12 hours
  preg compatible: preferred antiepileptic in pregnancy | lact compatible: monitor infant
  ae somnolence; irritability; behavioural changes
topiramate
  brands Topamax, Trokendi XR | class sulfamate antiepileptic | group antiepileptic
  moa Blocks sodium channels, enhances GABA, antagonises AMPA; carbonic anhydrase inhibitor
  for epilepsy, migraine | dose 50 mg twice daily | cyp w:2C19
  renal crcl >=70: 25-200 mg twice daily; <70: use one-half of the usual dose
  preg avoid: oral clefts and small-for-gestational-age | lact caution: monitor infant
  ae cognitive slowing; paraesthesia; kidney stones; metabolic acidosis; weight loss
gabapentin
  brands Neurontin, Gralise | class gabapentinoid | group gabapentinoid
  moa Binds the alpha-2-delta subunit of voltage-gated calcium channels; renally excreted
  for neuropathic_pain, epilepsy | dose 300 mg three times daily | flags cns=1
  renal crcl >=60: 900-3600 mg/day in three divided doses; 30-60: 400-1400 mg/day in two
    divided doses; 15-30: 200-700 mg/day in one dose; <15: 100-300 mg/day in one dose
  preg caution: limited data | lact caution: monitor infant
  ae dizziness; somnolence; peripheral oedema; respiratory depression with opioids
pregabalin
  brands Lyrica | class gabapentinoid | group gabapentinoid
  moa Binds the alpha-2-delta subunit of voltage-gated calcium channels; renally excreted
  for neuropathic_pain | dose 75 mg twice daily | flags cns=1
  renal crcl >=60: 150-600 mg/day in two or three doses; 30-60: 75-300 mg/day in two or three
    doses; 15-30: 25-150 mg/day in one or two doses; <15: 25-75 mg once daily
  preg caution: limited data | lact avoid: not advised
  ae dizziness; somnolence; oedema; weight gain
sumatriptan
  brands Imitrex | salts succinate | class triptan (5-HT1B/1D agonist) | group triptan
  moa 5-HT1B/1D agonist; cranial vasoconstriction; metabolised by MAO-A | for migraine
  dose 50-100 mg at migraine onset, may repeat after 2 hours | flags sero
  hepatic C: contraindicated in severe hepatic impairment
  preg caution: registry data reassuring | lact compatible: low levels
  ci ischaemic heart disease; uncontrolled hypertension; MAO-A inhibitors (within 2 weeks);
    ergotamines within 24 hours; hemiplegic migraine
  ae chest tightness; tingling; dizziness
rizatriptan
  brands Maxalt | salts benzoate | class triptan (5-HT1B/1D agonist) | group triptan
  moa 5-HT1B/1D agonist; metabolised by MAO-A | for migraine | dose 10 mg at onset
  flags sero | preg caution: limited data | lact caution: no data
  ci ischaemic heart disease; uncontrolled hypertension; MAO inhibitors (within 2 weeks)
  ae dizziness; somnolence; chest tightness
eletriptan
  brands Relpax | salts hydrobromide | class triptan (5-HT1B/1D agonist) | group triptan
  moa 5-HT1B/1D agonist; cleared by CYP3A4 | for migraine | dose 20-40 mg at onset
  cyp S:3A4 | flags sero | hepatic C: not recommended in severe hepatic impairment
  preg caution: limited data | lact caution: low levels
  ci within 72 hours of strong CYP3A4 inhibitors; ischaemic heart disease; uncontrolled
    hypertension | ae asthenia; dizziness; chest tightness
donepezil
  brands Aricept | salts hydrochloride | class acetylcholinesterase inhibitor
  group cholinesterase_inhibitor | moa Reversibly inhibits acetylcholinesterase | for dementia
  dose 5-10 mg at bedtime | cyp m:2D6 m:3A4 | qt known
  preg caution: limited data | lact caution: no data
  ae nausea; bradycardia; syncope; vivid dreams
memantine
  brands Namenda | salts hydrochloride | class NMDA receptor antagonist | group nmda_antagonist
  moa Uncompetitive NMDA-receptor antagonist; renally excreted | for dementia
  dose 10 mg twice daily | renal crcl >=30: 10 mg twice daily; <30: 5 mg twice daily
  preg caution: limited data | lact caution: no data | ae dizziness; headache; confusion
methylphenidate
  brands Ritalin, Concerta | salts hydrochloride | class CNS stimulant | group stimulant
  moa Blocks dopamine and norepinephrine reuptake | for adhd | dose 18-54 mg once daily (Concerta)
  preg caution: limited data | lact caution: low levels
  ci MAO inhibitors (within 14 days); marked anxiety or agitation; glaucoma
  ae insomnia; appetite loss; hypertension; tachycardia
amphetamine
  aka mixed amphetamine salts, dextroamphetamine | brands Adderall, Mydayis | class CNS stimulant
  group stimulant | moa Releases dopamine and norepinephrine from presynaptic terminals
  for adhd | dose 10-20 mg once daily (extended release) | cyp s:2D6 | flags sero
  preg caution: prematurity and low birth weight | lact avoid: not advised
  ci MAO inhibitors (within 14 days); advanced arteriosclerosis; hyperthyroidism; glaucoma
  ae insomnia; appetite loss; hypertension; dependence
"""
