"""Reusable tools bound to the shared patient and encounter models.

A domain offers a tool of this library by listing it in its toolkit; the tool keeps its
name, schema, kind and code in every domain that offers it, and works on any episode
state that has the fields it reads (each module states them):

* :mod:`.encounter` - :class:`~.encounter.EncounterState`, the state of one work-up of a
  :class:`healthgym.patients.model.Patient`, and the elicitation keys its tools record;
* :mod:`.record` - the work-up's record tools: history, examination, vital signs,
  laboratory panels and tests, imaging, ECG (``observe``);
* :mod:`.triage` - the ESI v4 decision-point tools, the mental-status assessment and
  the department protocols over :class:`healthgym.patients.encounter.TriagePatient`
  arrivals;
* :mod:`.drugs` - the drug references (monograph, pairwise interaction) and the
  allergy check over the shared formulary (:mod:`healthgym.clinical.drugs`).
"""
