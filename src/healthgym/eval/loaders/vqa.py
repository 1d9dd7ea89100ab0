"""Medical visual question answering folders (VQA-RAD, SLAKE, PathVQA style) as items.

A folder holds one annotation file - ``test.json`` / ``test.jsonl`` when present, else
the only ``*.json`` / ``*.jsonl`` file, or the one named by ``annotation`` - with one
record per question:

* ``question`` and ``answer`` (a string, or a number that is read as text);
* the image: ``image``, ``image_name`` (VQA-RAD), ``img_name`` (SLAKE) or
  ``image_path``, a path relative to the folder or to its ``images/``, ``imgs/``
  (SLAKE) or ``VQA_RAD Image Folder/`` subfolder;
* ``answer_type`` ``CLOSED`` / ``OPEN`` (any case) when given, else closed exactly when
  the answer is yes or no (PathVQA's convention);
* optional ``qid`` / ``id``, and SLAKE's ``q_lang`` (only English kept by default).

Each becomes a ``vqa`` item: ``image`` the resolved image path, gold the answer,
``meta["answer_type"]`` ``"closed"`` or ``"open"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...datasets import DatasetFormatError
from ...datasets.loaders import read_jsonl
from ..items import EvalItem, Loader
from ._files import read_json, text

IMAGE_KEYS = ("image", "image_name", "img_name", "image_path", "img_path")
IMAGE_DIRS = ("", "images", "imgs", "VQA_RAD Image Folder")
YES_NO = frozenset({"yes", "no"})


def annotation_file(folder: Path, annotation: str | None = None) -> Path:
    """The annotation file of a VQA folder (see the module doc)."""
    if annotation is not None:
        p = folder / annotation
        if not p.is_file():
            raise FileNotFoundError(f"VQA annotation file not found: {p}")
        return p
    for name in ("test.json", "test.jsonl"):
        if (folder / name).is_file():
            return folder / name
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".json", ".jsonl"))
    if len(found) == 1:
        return found[0]
    if not found:
        raise FileNotFoundError(f"no VQA annotation file (*.json, *.jsonl) in {folder}")
    names = ", ".join(p.name for p in found)
    raise DatasetFormatError(f"{folder}: several annotation files ({names}); name one")


def _records(path: Path) -> list[tuple[str, dict[str, Any]]]:
    if path.suffix.lower() == ".jsonl":
        return [(f"{path}:{n}", row) for n, row in read_jsonl(path)]
    data = read_json(path)
    if isinstance(data, dict):  # {"data": [...]} or id -> record
        data = data.get("data", list(data.values()))
    if not isinstance(data, list):
        raise DatasetFormatError(f"{path}: expected a list of question records")
    out = []
    for j, row in enumerate(data):
        if not isinstance(row, dict):
            raise DatasetFormatError(f"{path}[{j}]: expected an object")
        out.append((f"{path}[{j}]", row))
    return out


def _image(folder: Path, row: dict[str, Any], where: str) -> str:
    name = next((text(row[k]) for k in IMAGE_KEYS if text(row.get(k))), "")
    if not name:
        raise DatasetFormatError(f"{where}: no image field (one of {', '.join(IMAGE_KEYS)})")
    for sub in IMAGE_DIRS:
        p = folder / sub / name if sub else folder / name
        if p.is_file():
            return str(p)
    raise DatasetFormatError(f"{where}: image {name!r} not found in {folder} or its image folders")


def load_vqa_items(
    folder: str | Path,
    benchmark: str = "vqa",
    annotation: str | None = None,
    languages: tuple[str, ...] | None = ("en",),
) -> list[EvalItem]:
    """Every question of a VQA folder (English only when ``q_lang`` is given)."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"VQA folder not found: {root}")
    path = annotation_file(root, annotation)
    items = []
    for j, (where, row) in enumerate(_records(path)):
        lang = text(row.get("q_lang")).lower()
        if languages is not None and lang and lang not in languages:
            continue
        question, answer = text(row.get("question")), row.get("answer")
        if not question:
            raise DatasetFormatError(f"{where}: missing or empty 'question'")
        if isinstance(answer, bool) or not isinstance(answer, (str, int, float)):
            raise DatasetFormatError(f"{where}: 'answer' must be a string or a number")
        gold = text(answer)
        if not gold:
            raise DatasetFormatError(f"{where}: empty 'answer'")
        raw_type = text(row.get("answer_type")).lower()
        if raw_type and raw_type not in ("closed", "open"):
            raise DatasetFormatError(
                f"{where}: answer_type must be CLOSED or OPEN, not {raw_type!r}"
            )
        answer_type = raw_type or ("closed" if gold.lower() in YES_NO else "open")
        qid = text(row.get("qid")) or text(row.get("id")) or f"{j:05d}"
        items.append(
            EvalItem(
                id=qid,
                benchmark=benchmark,
                kind="vqa",
                question=question,
                gold=gold,
                image=_image(root, row, where),
                meta={"answer_type": answer_type, "file": path.name},
            )
        )
    return items


def folder_loader(benchmark: str, subfolder: str) -> Loader:
    """A registry loader reading ``data_dir/subfolder``."""

    def load(data_dir: str | Path) -> list[EvalItem]:
        return load_vqa_items(Path(data_dir) / subfolder, benchmark=benchmark)

    load.__doc__ = f"The {benchmark} questions in ``data_dir/{subfolder}``."
    return load
