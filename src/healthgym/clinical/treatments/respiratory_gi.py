"""Treatments: respiratory and gastrointestinal."""

from __future__ import annotations

from .model import Treatment

RESPIRATORY_GI: list[Treatment] = [
    # --- respiratory ---------------------------------------------------------------------
    Treatment(
        "supplemental_oxygen",
        "Supplemental oxygen",
        "supportive",
        ("oxygen", "o2", "controlled oxygen"),
    ),
    Treatment(
        "albuterol",
        "Albuterol (nebulized or inhaled)",
        "drug",
        ("salbutamol", "ventolin", "proair", "proventil", "saba", "nebulized albuterol"),
        source="GINA 2024; GOLD 2024",
    ),
    Treatment(
        "ipratropium",
        "Ipratropium bromide",
        "drug",
        ("atrovent", "ipratropium bromide"),
        source="GINA 2024; GOLD 2024",
    ),
    Treatment(
        "noninvasive_ventilation",
        "Non-invasive ventilation (bilevel)",
        "procedure",
        ("niv", "bipap", "bilevel positive airway pressure", "bilevel niv"),
        source="ERS/ATS acute respiratory failure NIV guideline 2017",
    ),
    Treatment(
        "needle_aspiration",
        "Needle aspiration of the pleural space",
        "procedure",
        ("simple aspiration", "percutaneous aspiration", "pleural aspiration"),
        source="BTS pleural disease guideline 2023",
    ),
    Treatment(
        "chest_tube",
        "Chest drain insertion",
        "procedure",
        ("chest drain", "tube thoracostomy", "intercostal drain", "pigtail catheter"),
        source="BTS pleural disease guideline 2023",
    ),
    # --- gastrointestinal -------------------------------------------------------------------
    Treatment(
        "appendectomy",
        "Appendectomy",
        "procedure",
        ("appendicectomy", "laparoscopic appendectomy", "lap appy"),
        source="WSES Jerusalem guidelines 2020",
    ),
    Treatment(
        "cholecystectomy",
        "Cholecystectomy",
        "procedure",
        ("laparoscopic cholecystectomy", "lap chole"),
        source="Tokyo Guidelines 2018",
    ),
    Treatment(
        "pantoprazole",
        "Pantoprazole (intravenous)",
        "drug",
        ("protonix", "iv ppi", "ppi", "proton pump inhibitor"),
        source="ACG upper GI and ulcer bleeding guideline 2021",
    ),
    Treatment(
        "esomeprazole",
        "Esomeprazole",
        "drug",
        ("nexium",),
        source="ACG upper GI and ulcer bleeding guideline 2021",
    ),
    Treatment(
        "endoscopic_hemostasis",
        "Urgent endoscopy with endoscopic hemostasis",
        "procedure",
        (
            "endoscopic therapy",
            "therapeutic endoscopy",
            "urgent endoscopy",
            "egd with hemostasis",
            "urgent egd",
            "endoscopic hemostasis",
        ),
        source="ACG upper GI and ulcer bleeding guideline 2021",
    ),
    Treatment(
        "blood_transfusion",
        "Red blood cell transfusion",
        "procedure",
        ("prbc", "packed red blood cells", "red cell transfusion", "transfusion"),
        source="ACG 2021 (restrictive threshold 7 g/dL)",
    ),
    Treatment(
        "paracentesis",
        "Paracentesis (diagnostic and large-volume)",
        "procedure",
        (
            "large-volume paracentesis",
            "therapeutic paracentesis",
            "diagnostic paracentesis",
            "ascitic tap",
            "ascitic drain",
        ),
        source="AASLD 2021 ascites guidance",
    ),
    Treatment(
        "albumin_infusion",
        "Intravenous albumin",
        "drug",
        ("iv albumin", "human albumin solution", "albumin infusion"),
        source="AASLD 2021 ascites guidance",
    ),
    Treatment(
        "lactulose",
        "Lactulose",
        "drug",
        ("enulose", "kristalose"),
        source="AASLD/EASL hepatic encephalopathy guideline 2014",
    ),
    Treatment(
        "nasogastric_decompression",
        "Nasogastric tube decompression",
        "procedure",
        ("ng tube", "nasogastric tube", "ngt", "ng decompression", "drip and suck"),
        source="Bologna adhesive small bowel obstruction guidelines 2017",
    ),
    Treatment(
        "metoclopramide",
        "Metoclopramide",
        "drug",
        ("reglan", "maxolon"),
        source="FDA label: contraindicated in mechanical obstruction",
    ),
    Treatment(
        "loperamide",
        "Loperamide",
        "drug",
        ("imodium",),
        source="IDSA/SHEA C. difficile guideline 2017",
    ),
]


__all__ = ["RESPIRATORY_GI"]
