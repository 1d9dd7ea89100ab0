"""Incidental critical findings and the organ-by-organ normal statements of each study.

Each critical finding is described by its imaging signs only (an intraluminal filling
defect, a displaced visceral pleural line, gas outside the bowel, an intimal flap, a
hyperattenuating intracranial collection); naming the diagnosis, and communicating it,
is the agent's job.  The signs are those of standard radiology teaching (e.g. Webb WR,
Brant WE, Major NM. Fundamentals of Body CT. Elsevier).
"""

from __future__ import annotations

import numpy as np

from .generator import pick
from .records import Finding

NORMAL_LINES: dict[str, str] = {
    "brain": (
        "Brain: no extra-axial collection; grey-white differentiation preserved; ventricles "
        "normal in size."
    ),
    "heart": "Heart: normal size; no pericardial fluid.",
    "mediastinum": "Mediastinum and hila: no enlarged lymph nodes.",
    "pulmonary_arteries": (
        "Pulmonary arteries: well opacified to the segmental level without intraluminal defect."
    ),
    "aorta": "Thoracic aorta: normal calibre with a single opacified lumen.",
    "pleura": "Pleura: no fluid; both lungs extend to the chest wall.",
    "upper_abdomen": "Upper abdomen (included portions): unremarkable; no extraluminal gas.",
    "solid_organs": "Liver, spleen, pancreas and adrenal glands: unremarkable.",
    "bowel": "Bowel: normal calibre; no extraluminal gas.",
    "abdominal_aorta": "Abdominal aorta: normal calibre with a single lumen.",
    "bones": "Bones: no acute abnormality.",
}
# the normal statement a critical finding replaces
REPLACES: dict[str, tuple[str, ...]] = {
    "pulmonary_embolism": ("pulmonary_arteries",),
    "pneumothorax": ("pleura",),
    "pneumoperitoneum": ("upper_abdomen", "bowel"),
    "aortic_dissection": ("aorta", "abdominal_aorta"),
    "intracranial_haemorrhage": ("brain",),
}


def normal_lines(regions: tuple[str, ...], critical: str) -> list[str]:
    """The normal statements of ``regions`` less those the critical finding replaces."""
    drop = REPLACES.get(critical, ())
    return [NORMAL_LINES[r] for r in regions if r not in drop]


def _pe(rng: np.random.Generator) -> tuple[str, str, list[str]]:
    where = pick(
        rng,
        (
            "right lower lobe segmental pulmonary arteries",
            "left lower lobe segmental pulmonary arteries",
            "right interlobar pulmonary artery",
            "right and left main pulmonary arteries",
        ),
    )
    ratio = round(float(rng.uniform(0.8, 1.3)), 1)
    return (
        "Pulmonary arteries",
        "intraluminal filling defect",
        [
            f"Central intraluminal filling defect in the {where}, outlined by contrast.",
            f"Right-to-left ventricular diameter ratio {ratio}.",
        ],
    )


def _pneumothorax(rng: np.random.Generator) -> tuple[str, str, list[str]]:
    side = pick(rng, ("right", "left"))
    depth = round(float(rng.uniform(0.8, 3.5)), 1)
    return (
        f"{side.capitalize()} pleural space",
        "gas between the chest wall and the lung",
        [
            f"The {side} visceral pleural line is separated from the chest wall by gas with "
            f"no lung markings beyond it; maximal depth {depth} cm at the apex.",
            "The mediastinum is central.",
        ],
    )


def _free_gas(rng: np.random.Generator) -> tuple[str, str, list[str]]:
    size = round(float(rng.uniform(0.6, 2.5)), 1)
    return (
        "Peritoneal cavity",
        "gas outside the bowel lumen",
        [
            "Several locules of gas outside the bowel lumen, anterior to the liver and beneath "
            f"the anterior abdominal wall; the largest measures {size} cm.",
            "Small volume of fluid in the pelvis.",
        ],
    )


def _flap(rng: np.random.Generator, region: str) -> tuple[str, str, list[str]]:
    segment = (
        pick(rng, ("ascending aorta and arch", "descending thoracic aorta"))
        if region == "chest"
        else "abdominal aorta from the diaphragmatic hiatus to the bifurcation"
    )
    calibre = round(float(rng.uniform(3.2, 5.0)), 1)
    return (
        "Aorta",
        "linear intraluminal flap",
        [
            f"A thin linear flap within the {segment} separates two contrast-filled channels.",
            f"Maximal aortic diameter {calibre} cm.",
        ],
    )


def _intracranial(rng: np.random.Generator) -> tuple[str, str, list[str]]:
    side = pick(rng, ("right", "left"))
    hu = int(rng.integers(55, 80))
    if rng.random() < 0.5:
        thick = int(rng.integers(5, 16))
        shift = int(rng.integers(0, 8))
        detail = (
            f"Crescentic hyperattenuating ({hu} HU) extra-axial collection along the {side} "
            f"cerebral convexity, maximal thickness {thick} mm, midline shift {shift} mm."
        )
    else:
        size = round(float(rng.uniform(1.2, 4.0)), 1)
        detail = (
            f"A {size} cm hyperattenuating ({hu} HU) focus in the {side} basal ganglia with a "
            "thin rim of surrounding low attenuation."
        )
    return "Brain", "hyperattenuating intracranial collection", [detail]


def critical_finding(rng: np.random.Generator, key: str, fid: str, region: str) -> Finding:
    """The finding showing critical diagnosis ``key`` (signs only), with id ``fid``."""
    if key == "pulmonary_embolism":
        loc, summary, details = _pe(rng)
    elif key == "pneumothorax":
        loc, summary, details = _pneumothorax(rng)
    elif key == "pneumoperitoneum":
        loc, summary, details = _free_gas(rng)
    elif key == "aortic_dissection":
        loc, summary, details = _flap(rng, region)
    elif key == "intracranial_haemorrhage":
        loc, summary, details = _intracranial(rng)
    else:
        raise ValueError(f"unknown critical finding {key!r}")
    return Finding(id=fid, location=loc, summary=summary, details=details, kind="critical")
