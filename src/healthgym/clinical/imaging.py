"""Imaging and diagnostic study catalogue with the report of a normal study.

A disease profile overrides the report of the studies its disease changes; every
other study ordered returns the normal report below.  Reports describe findings
only and never name a diagnosis.  Upper endoscopy is listed here as a diagnostic
study because, like imaging, it returns a descriptive report.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Study:
    key: str
    name: str
    normal_report: str


_STUDIES: list[Study] = [
    Study(
        "chest_xray",
        "Chest radiograph (PA and lateral)",
        "Lungs are clear. No consolidation or effusion. Lung markings extend to the chest wall "
        "bilaterally. Normal cardiac silhouette.",
    ),
    Study(
        "ct_pulmonary_angiogram",
        "CT pulmonary angiogram",
        "No filling defect in the pulmonary arteries. Lungs clear. No effusion.",
    ),
    Study(
        "leg_venous_duplex",
        "Lower-extremity venous duplex ultrasound",
        "Deep veins of both legs are fully compressible with normal flow and augmentation.",
    ),
    Study(
        "echocardiogram",
        "Transthoracic echocardiogram",
        "Normal left ventricular size and systolic function (LVEF 60%) without regional "
        "wall-motion abnormality. Normal right ventricle. Normal valves. No pericardial "
        "effusion.",
    ),
    Study(
        "ct_angiogram_aorta",
        "CT angiogram of the thoracic and abdominal aorta",
        "Normal calibre thoracic and abdominal aorta. No intimal flap, intramural haematoma "
        "or aneurysm. Branch vessels patent.",
    ),
    Study(
        "ct_head",
        "CT head without contrast",
        "No intracranial haemorrhage, mass effect or midline shift. Grey-white matter "
        "differentiation preserved. Ventricles and basal cisterns normal.",
    ),
    Study(
        "cta_head_neck",
        "CT angiogram of the head and neck",
        "Intracranial and cervical arteries patent without occlusion, significant stenosis "
        "or aneurysm.",
    ),
    Study(
        "mri_brain",
        "MRI brain with diffusion-weighted imaging",
        "No restricted diffusion, haemorrhage or mass. Ventricles and sulci normal for age.",
    ),
    Study(
        "abdominal_xray",
        "Abdominal radiograph (supine)",
        "Normal bowel gas pattern. No dilated loops. No free air under the diaphragm.",
    ),
    Study(
        "ct_abdomen_pelvis",
        "CT abdomen and pelvis with IV contrast",
        "Normal appendix. No bowel dilatation, wall thickening, free fluid or free air. Liver, "
        "gallbladder, pancreas, spleen and kidneys unremarkable.",
    ),
    Study(
        "abdominal_ultrasound",
        "Abdominal ultrasound (right upper quadrant)",
        "Liver of normal size and echotexture with a smooth surface. Gallbladder thin-walled "
        "without stones; no pericholecystic fluid. Common bile duct 4 mm. Visualised pancreas "
        "normal. No ascites.",
    ),
    Study(
        "renal_ultrasound",
        "Renal and bladder ultrasound",
        "Both kidneys normal in size (11 cm) with preserved corticomedullary "
        "differentiation. No hydronephrosis or calculi. Bladder unremarkable.",
    ),
    Study(
        "upper_endoscopy",
        "Upper gastrointestinal endoscopy (oesophagogastroduodenoscopy)",
        "Normal oesophagus, stomach and duodenum. No blood, ulcer, varices or mass.",
    ),
    Study(
        "joint_xray",
        "Radiograph of the affected joint",
        "No fracture, erosion, effusion or soft-tissue swelling. Joint space preserved.",
    ),
    Study(
        "temporal_artery_ultrasound",
        "Temporal artery ultrasound",
        "Superficial temporal arteries compressible with normal flow; no perivascular "
        "hypoechoic wall thickening.",
    ),
    Study(
        "soft_tissue_ultrasound",
        "Soft-tissue ultrasound of the symptomatic area",
        "Normal skin and subcutaneous tissue. No oedema, fluid collection or foreign body.",
    ),
]

IMAGING: dict[str, Study] = {s.key: s for s in _STUDIES}
assert len(IMAGING) == len(_STUDIES), "duplicate imaging key"

NORMAL_ECG = "Sinus rhythm, normal axis, normal intervals, no ST-segment or T-wave changes."
