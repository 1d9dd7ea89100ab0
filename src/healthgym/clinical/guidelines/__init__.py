"""Published guideline rules as pure functions: values in, category, score or plan out.

Each module cites its sources; none imports a domain, so any domain can use them.

* :mod:`.imaging_chest` - Fleischner Society 2017 pulmonary nodules, nodule growth and
  volume doubling time;
* :mod:`.imaging_thyroid` - ACR TI-RADS points, level and FNA / follow-up;
* :mod:`.imaging_breast` - ACR BI-RADS assessment category and management;
* :mod:`.imaging_renal` - Bosniak classification of cystic renal masses, version 2019;
* :mod:`.obstetric_dating` - ultrasound redating (ACOG CO 700), CRL dating and the
  induction plan from the Bishop score;
* :mod:`.obstetric_fetal` - NICHD fetal heart rate tracing categories, NST, biophysical
  profile, Apgar and newborn actions;
* :mod:`.obstetric_maternal` - hypertensive disorders of pregnancy, gestational
  diabetes and Rh D prophylaxis;
* :mod:`.cognitive` - MoCA and MMSE scoring and cut-offs;
* :mod:`.dermoscopy` - the ABCD rule of dermoscopy (Total Dermoscopy Score and bands);
* :mod:`.plan` - :class:`.plan.Plan`, the management plan the rules above return.
"""
