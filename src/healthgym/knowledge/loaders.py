"""Streaming loaders for corpora a user downloads.

Every loader is a generator of :class:`Passage` and counts what it read in an
optional :class:`LoadStats` (files, records, passages, skips by reason, the
first few error messages).  Inputs are a file or a folder (read recursively in
sorted order); ``.gz`` files are decompressed on the fly.

* ``jsonl``: one JSON object per line with ``id``, ``title`` and ``content`` (the
  MedRAG corpora) or just ``text`` (ids are generated as ``<file>:<line>``).
* ``medquad``: the JSONL conversion of MedQuAD (``qid, qtype, question, answer,
  focus, source, url, file``); one passage per answered question.
* ``medquad-xml``: the original MedQuAD folders of ``<Document>`` XML files.
* ``pubmed``: PubMed baseline/update XML (``.xml`` or ``.xml.gz``); one passage
  per article with an abstract.
* ``text``: ``.txt``/``.md`` files; one passage per paragraph (or per file).
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .passages import KnowledgeBaseError, Passage

MEDQUAD_CITATION = (
    "MedQuAD: Ben Abacha A, Demner-Fushman D. A question-entailment approach to question "
    "answering. BMC Bioinformatics 2019;20:511"
)
_MAX_ERRORS = 20
_META_KEYS = 20
_SPACES = re.compile(r"[ \t\r\f\v]+")
_PARAGRAPHS = re.compile(r"\n\s*\n")


class LoaderError(KnowledgeBaseError):
    """An input path that does not exist or holds no file of the expected kind."""


@dataclass
class LoadStats:
    """What a loader read: files, records, passages yielded and skips by reason."""

    files: int = 0
    records: int = 0
    passages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def skip(self, reason: str, detail: str = "") -> None:
        self.skipped[reason] += 1
        if detail and len(self.errors) < _MAX_ERRORS:
            self.errors.append(detail)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "records": self.records,
            "passages": self.passages,
            "skipped": dict(sorted(self.skipped.items())),
            "errors": list(self.errors),
        }


def _files(path: str | Path, suffixes: tuple[str, ...]) -> list[Path]:
    p = Path(path).expanduser()
    if not p.exists():
        raise LoaderError(f"input path {p} does not exist")
    if p.is_file():
        return [p]
    found = sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(suffixes))
    if not found:
        raise LoaderError(f"no {'/'.join(suffixes)} files under {p}")
    return found


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open("r", encoding="utf-8", errors="replace")


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".json", ".xml", ".txt", ".md"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _clean(text: Any) -> str:
    return _SPACES.sub(" ", str(text or "")).strip()


def _scalar_meta(rec: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key, value in rec.items():
        if key in skip or len(meta) >= _META_KEYS:
            continue
        if isinstance(value, (int, float, bool)) or value is None:
            meta[key] = value
        elif isinstance(value, str):
            meta[key] = value[:1000]
    return meta


def _json_lines(files: list[Path], stats: LoadStats) -> Iterator[tuple[Path, int, dict[str, Any]]]:
    for f in files:
        stats.files += 1
        with _open_text(f) as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                stats.records += 1
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    stats.skip("invalid_json", f"{f}:{lineno}: {e.msg}")
                    continue
                if not isinstance(rec, dict):
                    stats.skip("not_an_object", f"{f}:{lineno}: not a JSON object")
                    continue
                yield f, lineno, rec


_JSONL_KNOWN = {"id", "_id", "title", "content", "contents", "text", "source", "url"}


def load_jsonl(
    path: str | Path, *, stats: LoadStats | None = None, collection: str | None = None
) -> Iterator[Passage]:
    """Passages from JSONL: ``{id, title, content}`` (MedRAG) or ``{text}``."""
    stats = stats if stats is not None else LoadStats()
    for f, lineno, rec in _json_lines(_files(path, (".jsonl", ".jsonl.gz")), stats):
        text = rec.get("content") or rec.get("text") or rec.get("contents") or ""
        if not isinstance(text, str) or not text.strip():
            stats.skip("empty_text")
            continue
        raw_id = rec.get("id", rec.get("_id"))
        pid = str(raw_id).strip() if raw_id not in (None, "") else f"{_stem(f)}:{lineno}"
        stats.passages += 1
        yield Passage(
            id=pid,
            title=_clean(rec.get("title")),
            text=text.strip(),
            source=_clean(rec.get("source") or rec.get("citation")),
            url=_clean(rec.get("url")),
            collection=collection or _stem(f),
            metadata=_scalar_meta(rec, _JSONL_KNOWN),
        )


def _medquad_passage(
    *,
    file_key: str,
    qid: str,
    question: str,
    answer: str,
    focus: str,
    qtype: str,
    subset: str,
    url: str,
    collection: str,
) -> Passage:
    focus, question = _clean(focus), _clean(question)
    title = f"{focus}: {question}" if focus else question
    return Passage(
        id=f"medquad:{file_key}#{qid}",
        title=title,
        text=answer,
        source=f"{MEDQUAD_CITATION} (collection {subset})" if subset else MEDQUAD_CITATION,
        url=_clean(url),
        collection=collection,
        metadata={"qid": qid, "qtype": qtype, "focus": focus, "question": question},
    )


def load_medquad_jsonl(
    path: str | Path, *, stats: LoadStats | None = None, collection: str = "medquad"
) -> Iterator[Passage]:
    """One passage per answered MedQuAD question from the JSONL conversion."""
    stats = stats if stats is not None else LoadStats()
    for f, lineno, rec in _json_lines(_files(path, (".jsonl", ".jsonl.gz")), stats):
        answer = str(rec.get("answer") or "").strip()
        if not answer:
            stats.skip("empty_answer")
            continue
        qid = str(rec.get("qid") or lineno)
        file_key = str(rec.get("file") or "").removesuffix(".xml")
        stats.passages += 1
        yield _medquad_passage(
            file_key=file_key or f"{_stem(f)}/{rec.get('doc_id', '')}",
            qid=qid,
            question=str(rec.get("question") or ""),
            answer=answer,
            focus=str(rec.get("focus") or ""),
            qtype=str(rec.get("qtype") or ""),
            subset=str(rec.get("source") or ""),
            url=str(rec.get("url") or ""),
            collection=collection,
        )


def _text_of(elem: ET.Element | None) -> str:
    return "" if elem is None else "".join(elem.itertext())


def load_medquad_xml(
    path: str | Path, *, stats: LoadStats | None = None, collection: str = "medquad"
) -> Iterator[Passage]:
    """One passage per answered question from MedQuAD's original XML folders."""
    stats = stats if stats is not None else LoadStats()
    root_dir = Path(path).expanduser()
    for f in _files(root_dir, (".xml",)):
        stats.files += 1
        try:
            doc = ET.parse(f).getroot()
        except ET.ParseError as e:
            stats.skip("invalid_xml", f"{f}: {e}")
            continue
        rel = f.relative_to(root_dir) if root_dir.is_dir() else Path(f.name)
        file_key = rel.with_suffix("").as_posix()
        focus = _text_of(doc.find("Focus"))
        for pair in doc.iter("QAPair"):
            stats.records += 1
            q = pair.find("Question")
            answer = _text_of(pair.find("Answer")).strip()
            if not answer:
                stats.skip("empty_answer")
                continue
            qid = (q.get("qid") if q is not None else None) or pair.get("pid") or "0"
            stats.passages += 1
            yield _medquad_passage(
                file_key=file_key,
                qid=qid,
                question=_text_of(q),
                answer=answer,
                focus=focus,
                qtype=(q.get("qtype") if q is not None else "") or "",
                subset=doc.get("source", ""),
                url=doc.get("url", ""),
                collection=collection,
            )


def _pubmed_article(art: ET.Element) -> tuple[str, str, str, str] | None:
    cit = art.find("MedlineCitation")
    if cit is None:
        return None
    pmid = _clean(_text_of(cit.find("PMID")))
    article = cit.find("Article")
    if article is None:
        return (pmid, "", "", "")
    title = _clean(_text_of(article.find("ArticleTitle")))
    parts = []
    for at in article.findall("Abstract/AbstractText"):
        body = _clean(_text_of(at))
        if body:
            label = (at.get("Label") or "").strip()
            parts.append(f"{label}: {body}" if label else body)
    journal = _clean(_text_of(article.find("Journal/Title")))
    year = _clean(_text_of(article.find("Journal/JournalIssue/PubDate/Year")))
    if not year:
        year = _clean(_text_of(article.find("Journal/JournalIssue/PubDate/MedlineDate")))[:4]
    cite = ". ".join(x for x in (journal, year) if x)
    return pmid, title, "\n".join(parts), cite


def load_pubmed_xml(
    path: str | Path, *, stats: LoadStats | None = None, collection: str = "pubmed"
) -> Iterator[Passage]:
    """One passage per PubMed article with an abstract (title + abstract sections)."""
    stats = stats if stats is not None else LoadStats()
    for f in _files(path, (".xml", ".xml.gz")):
        stats.files += 1
        try:
            with _open_binary(f) as fh:
                for _event, elem in ET.iterparse(fh, events=("end",)):
                    if elem.tag != "PubmedArticle":
                        continue
                    stats.records += 1
                    parsed = _pubmed_article(elem)
                    elem.clear()
                    if parsed is None or not parsed[0]:
                        stats.skip("no_pmid")
                        continue
                    pmid, title, abstract, cite = parsed
                    if not abstract:
                        stats.skip("no_abstract")
                        continue
                    stats.passages += 1
                    yield Passage(
                        id=f"pubmed:{pmid}",
                        title=title,
                        text=abstract,
                        source=f"{cite}. PMID {pmid}" if cite else f"PMID {pmid}",
                        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
                        collection=collection,
                        metadata={"pmid": pmid},
                    )
        except (ET.ParseError, OSError, EOFError) as e:
            stats.skip("invalid_xml", f"{f}: {e}")


def load_text_folder(
    path: str | Path,
    *,
    stats: LoadStats | None = None,
    collection: str = "text",
    per: str = "paragraph",
) -> Iterator[Passage]:
    """Passages from ``.txt``/``.md`` files: one per paragraph (``per='paragraph'``,
    split on blank lines) or one per file (``per='file'``); title from the file name."""
    if per not in ("paragraph", "file"):
        raise ValueError("per must be 'paragraph' or 'file'")
    stats = stats if stats is not None else LoadStats()
    base = Path(path).expanduser()
    for f in _files(base, (".txt", ".md", ".txt.gz", ".md.gz")):
        stats.files += 1
        with _open_text(f) as fh:
            body = fh.read().replace("\r\n", "\n")
        rel = (f.relative_to(base) if base.is_dir() else Path(f.name)).as_posix()
        title = re.sub(r"[_\-]+", " ", _stem(f)).strip() or f.name
        chunks = _PARAGRAPHS.split(body) if per == "paragraph" else [body]
        n = 0
        for chunk in chunks:
            stats.records += 1
            text = chunk.strip()
            if not text:
                stats.skip("empty_text")
                continue
            n += 1
            stats.passages += 1
            yield Passage(
                id=f"text:{rel}#{n}" if per == "paragraph" else f"text:{rel}",
                title=title,
                text=text,
                source=rel,
                collection=collection,
            )


Loader = Callable[..., Iterator[Passage]]
LOADERS: dict[str, Loader] = {
    "jsonl": load_jsonl,
    "medquad": load_medquad_jsonl,
    "medquad-xml": load_medquad_xml,
    "pubmed": load_pubmed_xml,
    "text": load_text_folder,
}
