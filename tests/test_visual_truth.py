"""visual_diagnosis clinical truth (issue 17): the colour score C of the ABCD rule
counts every colour present (Stolz W et al. Eur J Dermatol 1994;4:521-527; Nachbar F
et al. J Am Acad Dermatol 1994;30:551-559), the dark brown or black of dots, globules
and streaks included, in the generator's truth and in the measuring tool alike."""

from __future__ import annotations

import numpy as np
import pytest

from healthgym.clinical.guidelines.dermoscopy import tds_band, total_dermoscopy_score
from healthgym.domains.visual_diagnosis import DOMAIN
from healthgym.domains.visual_diagnosis import analysis as an
from healthgym.domains.visual_diagnosis import measure_lesion as ml
from healthgym.domains.visual_diagnosis import tools_lesion as tl
from healthgym.domains.visual_diagnosis.images import (
    COLOUR_MIN_PX,
    REFERENCE_RGB,
    SKIN_RGB,
    render_lesion,
)
from healthgym.domains.visual_diagnosis.lesion_sampling import _params
from healthgym.domains.visual_diagnosis.records import VisualState, new_state

YS, XS = np.mgrid[0:256, 0:256].astype(np.float64)


def _dotted_disk(dot_share: float) -> tuple[np.ndarray, int, int]:
    """A dark-brown disk (radius 60 px, abrupt edge) with black 3x3 dots covering
    ``dot_share`` of its area, all well inside the edge; also the areas in px."""
    depth = 60 - np.hypot(XS - 128, YS - 128)
    colour = np.broadcast_to(np.array(REFERENCE_RGB["dark_brown"], float), (256, 256, 3)).copy()
    area = int((depth >= 0).sum())
    n_dots = round(dot_share * area / 9)
    rng = np.random.default_rng(0)
    placed: list[tuple[int, int]] = []
    while len(placed) < n_dots:
        x, y = (int(v) for v in rng.integers(100, 157, size=2))
        if all(abs(x - a) > 4 or abs(y - b) > 4 for a, b in placed):
            placed.append((x, y))
            colour[y - 1 : y + 2, x - 1 : x + 2] = REFERENCE_RGB["black"]
    alpha = 1 / (1 + np.exp(-np.clip(depth / 0.35, -40, 40)))
    img = alpha[..., None] * colour + (1 - alpha[..., None]) * np.array(SKIN_RGB, float)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8), area, 9 * n_dots


def test_black_dots_on_one_percent_of_the_lesion_count_black():
    img, area, black_px = _dotted_disk(0.01)
    assert black_px / area == pytest.approx(0.01, abs=0.001)
    state = VisualState("lesion", 50, "female", image=img, scale_mm_per_px=0.05)
    seg = an.segmentation(state)
    fr = an.colour_fractions(state)
    assert fr["black"] < 0.04  # the former 4 %-of-the-core rule missed it
    assert ml.colours_present(an.colour_pixels(state)) == ["dark_brown", "black"]
    out = tl.count_colours(state)
    assert out.endswith("Colours present (>= 4 px): dark brown, black (colour score C = 2).")
    assert seg.area_px == pytest.approx(area, rel=0.02)


def test_a_plain_lesion_has_no_false_colours():
    img, _, black_px = _dotted_disk(0.0)
    assert black_px == 0
    state = VisualState("lesion", 50, "female", image=img, scale_mm_per_px=0.05)
    assert ml.colours_present(an.colour_pixels(state)) == ["dark_brown"]


def _design(**over: object) -> dict:
    design = {"a": 0, "b": 0, "colours": ("dark_brown",), "extra": 0, "spot_colour": "",
              "network": "none", "n_dots": 0, "n_globules": 0, "n_streaks": 0}  # fmt: skip
    return {**design, **over}


def test_generator_truth_counts_the_colours_of_dots_globules_and_streaks():
    rng = np.random.default_rng(7)
    plain = render_lesion(_params(rng, _design(), seed=11))
    assert plain.truth["colours"] == ["dark_brown"]
    dotted = render_lesion(
        _params(rng, _design(spot_colour="black", n_dots=10, n_globules=3), seed=11)
    )
    assert dotted.truth["structure_counts"]["dots"] == 10
    assert dotted.colour_fractions["black"] < 0.04  # a small area, but present
    assert dotted.colour_pixels["black"] >= COLOUR_MIN_PX
    assert dotted.truth["colours"] == ["dark_brown", "black"]
    streaked = render_lesion(_params(rng, _design(colours=("light_brown",), n_streaks=4), seed=12))
    assert streaked.truth["colours"] == ["light_brown", "dark_brown"]
    t = dotted.truth
    parts = (t["asymmetry"], t["border"], len(t["colours"]), len(t["structures"]))
    assert t["tds"] == total_dermoscopy_score(*parts) and t["band"] == tds_band(t["tds"])


def test_every_lesion_task_measures_the_colours_of_its_truth():
    lesions = [DOMAIN.task(i) for i in range(0, DOMAIN.n_tasks, 2)]
    assert len(lesions) == DOMAIN.n_tasks // 2
    with_structure_colour = 0
    for task in lesions:
        state = new_state(task)
        names = ml.colours_present(an.colour_pixels(state))
        g = task.grader
        assert names == g["colours"], task.id
        assert g["components"]["colours"] == len(g["colours"])
        comps = g["components"]
        tds = total_dermoscopy_score(
            comps["asymmetry"], comps["border"], comps["colours"], comps["structures"]
        )
        assert tds == g["tds"] and tds_band(tds) == g["finding"], task.id
        fr = an.colour_fractions(state)
        with_structure_colour += any(fr[c] < 0.04 for c in names)
    assert with_structure_colour > 0  # colours under 4 % of the core do occur and count
