"""Corpus loaders: JSONL (MedRAG), MedQuAD (JSONL and XML), PubMed XML, text folders."""

from __future__ import annotations

import gzip
import json

import pytest

from healthgym.knowledge import (
    KnowledgeBase,
    LoadStats,
    build_index,
    load_jsonl,
    load_medquad_jsonl,
    load_medquad_xml,
    load_pubmed_xml,
    load_text_folder,
)
from healthgym.knowledge.loaders import LoaderError
from shared_data import BENCHMARKS, needs_shared

MEDQUAD = BENCHMARKS / "medquad"
needs_medquad = needs_shared(MEDQUAD)


def test_jsonl_medrag_and_text_only(tmp_path):
    f = tmp_path / "textbooks.jsonl"
    rows = [
        {"id": "Anatomy_0", "title": "Anatomy", "content": "The heart has four chambers.",
         "contents": "Anatomy. The heart has four chambers.", "extra": 3},
        {"text": "A passage with text only."},
        {"id": "x", "content": ""},
    ]  # fmt: skip
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n[1, 2]\n\n")
    stats = LoadStats()
    ps = list(load_jsonl(f, stats=stats))
    assert [p.id for p in ps] == ["Anatomy_0", "textbooks:2"]
    assert ps[0].text == "The heart has four chambers." and ps[0].title == "Anatomy"
    assert ps[0].metadata == {"extra": 3} and ps[0].collection == "textbooks"
    assert stats.records == 5 and stats.passages == 2
    assert stats.skipped == {"empty_text": 1, "invalid_json": 1, "not_an_object": 1}
    gz = tmp_path / "more.jsonl.gz"
    with gzip.open(gz, "wt") as fh:
        fh.write(json.dumps({"id": 7, "text": "gzipped"}) + "\n")
    assert [p.id for p in load_jsonl(gz)] == ["7"]
    assert len(list(load_jsonl(tmp_path))) == 3  # a folder: every .jsonl(.gz) in it
    with pytest.raises(LoaderError, match="does not exist"):
        list(load_jsonl(tmp_path / "missing.jsonl"))


@pytest.fixture(scope="module")
def medquad_kb(tmp_path_factory):
    stats = LoadStats()
    out = tmp_path_factory.mktemp("mq") / "kb"
    manifest = build_index(load_medquad_jsonl(MEDQUAD, stats=stats), out, heap_mb=256)
    return KnowledgeBase.open(out), stats, manifest


@needs_medquad
def test_medquad_jsonl_loads_every_answered_pair(medquad_kb):
    kb, stats, manifest = medquad_kb
    assert stats.passages == 16_407 and stats.files == 9 and not stats.skipped
    assert manifest["passages"] == 16_407 and manifest["sources"] == {"medquad": 16_407}
    assert len(kb) == 16_407
    p = kb.get("medquad:5_NIDDK_QA/0000001#0000001-1")
    assert p.title == "Acromegaly: What is (are) Acromegaly ?"
    assert p.text.startswith("Acromegaly is a hormonal disorder")
    assert "MedQuAD" in p.source and p.url.startswith("http")
    assert p.metadata["qtype"] == "information"


@needs_medquad
@pytest.mark.parametrize(
    ("query", "focus", "qtype"),
    [
        ("What is acromegaly", "Acromegaly", "information"),
        ("What are the symptoms of Marfan syndrome?", "Marfan Syndrome", "symptoms"),
        ("treatments for iron deficiency anemia", "Iron-Deficiency Anemia", "treatment"),
        ("What causes gout", "Gout", "causes"),
        ("Who is at risk for Parkinson's disease?", "Parkinson's Disease", "susceptibility"),
        ("How to diagnose Paget's disease of bone", "Paget's Disease of Bone", "exams and tests"),
    ],
)
def test_medquad_relevance(medquad_kb, query, focus, qtype):
    kb = medquad_kb[0]
    hits = kb.search(query, k=3)
    assert hits[0].passage.metadata["focus"] == focus
    assert qtype in {h.passage.metadata["qtype"] for h in hits}
    if query == "What is acromegaly":
        assert hits[0].passage.id == "medquad:5_NIDDK_QA/0000001#0000001-1"


MEDQUAD_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000001" source="NIDDK" url="https://www.niddk.nih.gov/acromegaly">
<Focus>Acromegaly</Focus>
<QAPairs>
<QAPair pid="1"><Question qid="0000001-1" qtype="information">What is (are) Acromegaly ?</Question>
<Answer>Acromegaly is a hormonal disorder that results from too much growth hormone.</Answer>
</QAPair>
<QAPair pid="2"><Question qid="0000001-2" qtype="treatment">What are the treatments for Acromegaly ?</Question>
<Answer></Answer>
</QAPair>
</QAPairs>
</Document>
"""  # noqa: E501


def test_medquad_xml_layout(tmp_path):
    sub = tmp_path / "5_NIDDK_QA"
    sub.mkdir()
    (sub / "0000001.xml").write_text(MEDQUAD_XML)
    (sub / "0000002.xml").write_text("<Document><Focus>broken")
    stats = LoadStats()
    ps = list(load_medquad_xml(tmp_path, stats=stats))
    assert len(ps) == 1 and stats.skipped == {"empty_answer": 1, "invalid_xml": 1}
    p = ps[0]
    assert p.id == "medquad:5_NIDDK_QA/0000001#0000001-1"  # the same id as the JSONL loader
    assert p.title == "Acromegaly: What is (are) Acromegaly ?"
    assert p.url == "https://www.niddk.nih.gov/acromegaly" and "NIDDK" in p.source
    assert p.metadata == {
        "qid": "0000001-1",
        "qtype": "information",
        "focus": "Acromegaly",
        "question": "What is (are) Acromegaly ?",
    }


PUBMED_XML = """<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "x.dtd">
<PubmedArticleSet>
<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="1">111</PMID>
<Article PubModel="Print"><Journal><Title>Thorax</Title>
<JournalIssue><PubDate><Year>2003</Year></PubDate></JournalIssue></Journal>
<ArticleTitle>Defining <i>community acquired</i> pneumonia severity.</ArticleTitle>
<Abstract>
<AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Pneumonia is common.</AbstractText>
<AbstractText Label="RESULTS">CURB-65 stratified mortality.</AbstractText>
</Abstract></Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID Version="1">222</PMID>
<Article><Journal><Title>Lancet</Title><JournalIssue><PubDate>
<MedlineDate>1999 Jan-Feb</MedlineDate></PubDate></JournalIssue></Journal>
<ArticleTitle>Plain abstract.</ArticleTitle>
<Abstract><AbstractText>Unstructured abstract text.</AbstractText></Abstract></Article>
</MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID Version="1">333</PMID>
<Article><ArticleTitle>No abstract here.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>
"""


def test_pubmed_xml_and_gz(tmp_path):
    (tmp_path / "pubmed24n0001.xml").write_text(PUBMED_XML)
    with gzip.open(tmp_path / "pubmed24n0002.xml.gz", "wt") as fh:
        fh.write(PUBMED_XML.replace(">111<", ">444<").replace(">222<", ">555<"))
    stats = LoadStats()
    ps = list(load_pubmed_xml(tmp_path, stats=stats))
    assert [p.id for p in ps] == ["pubmed:111", "pubmed:222", "pubmed:444", "pubmed:555"]
    assert stats.files == 2 and stats.records == 6 and stats.skipped == {"no_abstract": 2}
    p = ps[0]
    assert p.title == "Defining community acquired pneumonia severity."
    assert p.text == "BACKGROUND: Pneumonia is common.\nRESULTS: CURB-65 stratified mortality."
    assert p.source == "Thorax. 2003. PMID 111" and p.url == "https://pubmed.ncbi.nlm.nih.gov/111/"
    assert ps[1].source == "Lancet. 1999. PMID 222" and ps[1].text == "Unstructured abstract text."
    (tmp_path / "bad.xml").write_text("<PubmedArticleSet><PubmedArticle>")
    stats = LoadStats()
    assert len(list(load_pubmed_xml(tmp_path / "bad.xml", stats=stats))) == 0
    assert stats.skipped == {"invalid_xml": 1} and stats.errors


def test_text_folder(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "heart_failure-basics.md").write_text(
        "First paragraph\nstill first.\n\n\n  \nSecond paragraph.\r\n\r\nThird."
    )
    (tmp_path / "empty.txt").write_text("   ")
    (tmp_path / "ignored.pdf").write_text("not text")
    ps = list(load_text_folder(tmp_path))
    assert [p.id for p in ps] == [
        "text:notes/heart_failure-basics.md#1",
        "text:notes/heart_failure-basics.md#2",
        "text:notes/heart_failure-basics.md#3",
    ]
    assert ps[0].title == "heart failure basics" and ps[0].text == "First paragraph\nstill first."
    whole = list(load_text_folder(tmp_path, per="file"))
    assert [p.id for p in whole] == ["text:notes/heart_failure-basics.md"]
    (tmp_path / "void").mkdir()
    with pytest.raises(LoaderError, match=r"no \.txt"):
        list(load_text_folder(tmp_path / "void", per="file"))
