"""visual_diagnosis: read a dermoscopy image or an ECG rhythm strip and classify it.

Studies are rendered at reset from seeded parameters with known ground truth; the
tools measure from the pixels and samples (segmentation, asymmetry, border, colours,
structures, diameter; Pan-Tompkins R peaks, atrial activity, intervals) and the agent
combines the measurements into a TDS band or a rhythm.  The picture of the study is
attached to the first observation as an OpenAI image content part.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

from ...tasks import Task
from ...tools import Toolkit
from ..base import Domain
from .grading import grade
from .records import VisualState, new_state
from .render import content_parts
from .tasks import N_TASKS, make_task
from .tools import ALL_TOOLS

_URLS: OrderedDict[str, str] = OrderedDict()  # study parameters -> PNG data URL
_URL_CACHE_SIZE = 64


def reset_content(task: Task, state: VisualState) -> list[dict[str, Any]]:
    """The study as an inline PNG image part (encoded once per task and reused while the
    task keeps coming back, as in a GRPO group)."""
    key = json.dumps(task.hidden["params"], sort_keys=True)
    if key not in _URLS:
        _URLS[key] = content_parts(state)[0]["image_url"]["url"]
        if len(_URLS) > _URL_CACHE_SIZE:
            _URLS.popitem(last=False)
    return [{"type": "image_url", "image_url": {"url": _URLS[key]}}]


DOMAIN = Domain(
    name="visual_diagnosis",
    description="Read a dermoscopy image (ABCD rule, Total Dermoscopy Score) or a 10-second "
    "ECG rhythm strip (rate, rhythm, PR, QTc) with tools that measure the pixels and samples.",
    toolkit=Toolkit(ALL_TOOLS, domain="visual_diagnosis"),
    n_tasks=N_TASKS,
    make_task=make_task,
    new_state=new_state,
    grade=grade,
    instructions=(
        "You are a clinician reading a study: a dermoscopy image of a pigmented skin lesion "
        "or an ECG rhythm strip (the picture is attached for models that can see it). The "
        "measuring tools compute from the image's pixels or the strip's samples and report "
        "findings, not diagnoses: combine them yourself and submit one reading with "
        "submit_reading."
    ),
    reset_content=reset_content,
)
