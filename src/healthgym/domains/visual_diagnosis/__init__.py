"""visual_diagnosis: read a dermoscopy image or an ECG rhythm strip and classify it.

Studies are drawn from seeded parameters with known ground truth (on first use: the
attached picture or a measuring tool, never at reset itself); the
tools measure from the pixels and samples (segmentation, asymmetry, border, colours,
structures, diameter; Pan-Tompkins R peaks, atrial activity, intervals) and the agent
combines the measurements into a TDS band or a rhythm.  The picture of the study is
attached to the first observation as an OpenAI image content part.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from ...tasks import Task
from ...tools import Toolkit
from ..base import Domain
from .grading import grade
from .records import VisualState, new_state
from .render import content_parts
from .study import clear_caches as _clear_studies
from .study import study_key
from .tasks import N_TASKS, make_task
from .tools import ALL_TOOLS

_URLS: OrderedDict[str, str] = OrderedDict()  # study parameters -> PNG data URL
# Encoded pictures kept, least recently used dropped first: at most this many characters
# (about 160 kB a lesion image, 15 kB an ECG strip: a few hundred tasks, e.g. the whole
# test split, so a reset of a task seen before neither draws nor encodes its picture).
_URL_CACHE_CHARS = 32_000_000
_URL_LOCK = threading.Lock()
_url_chars = 0


def reset_content(task: Task, state: VisualState) -> list[dict[str, Any]]:
    """The study as an inline PNG image part (drawn and encoded on the task's first reset
    in this process, then reused while the task keeps coming back, as in a GRPO group)."""
    global _url_chars
    key = study_key(task)
    with _URL_LOCK:
        url = _URLS.get(key)
        if url is not None:
            _URLS.move_to_end(key)
    if url is None:
        url = content_parts(state)[0]["image_url"]["url"]
        with _URL_LOCK:
            if key not in _URLS:
                _URLS[key] = url
                _url_chars += len(url)
            while _url_chars > _URL_CACHE_CHARS and len(_URLS) > 1:
                _url_chars -= len(_URLS.popitem(last=False)[1])
    return [{"type": "image_url", "image_url": {"url": url}}]


def clear_caches() -> None:
    """Forget this process's drawn studies and encoded pictures (benchmarks, tests)."""
    global _url_chars
    _clear_studies()
    with _URL_LOCK:
        _URLS.clear()
        _url_chars = 0


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
