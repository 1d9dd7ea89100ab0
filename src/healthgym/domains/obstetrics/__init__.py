"""obstetrics: date pregnancies, assess labour, read fetal monitoring, recognise
preeclampsia and GDM, decide RhIG, score newborns and review medications."""

from __future__ import annotations

from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Obstetric care: dating, induction, fetal heart-rate tracings, hypertensive "
    "disorders, gestational diabetes, Rh D prophylaxis, antenatal testing, newborn Apgar and "
    "medication safety in pregnancy.",
    instructions=(
        "You are an obstetrician. Gather the findings with the record tools (results appear "
        "only when you ask for them) and interpret them yourself: the calculators and "
        "criteria checkers compute from the values you pass, not from the record, and leave "
        "the classification and the plan to you. Apply the unit protocols (lookup_protocol) "
        "and submit one assessment with submit_assessment."
    ),
)
