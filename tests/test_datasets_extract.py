"""Answer extraction from free model text: the known traps, one case each."""

from __future__ import annotations

import pytest

from healthgym.datasets import extract_choice, extract_yes_no_maybe, load_medqa
from shared_data import BENCHMARKS, needs_shared

VITAMINS = {"A": "Vitamin C", "B": "Iron", "C": "Vitamin B12", "D": "Vitamin D"}
YNM = {"A": "yes", "B": "no", "C": "maybe"}
BENCH = BENCHMARKS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # explicit statements
        ("The answer is (B)", "B"),
        ("The correct answer is B.", "B"),
        ("Answer: b", "B"),
        ("answer: a", "A"),
        ("Final answer: [C]", "C"),
        ("The answer to this question is D.", "D"),
        ("I would choose C because ...", "C"),
        ("C is the correct answer.", "C"),
        ("The best option is (A).", "A"),
        ("\\boxed{D}", "D"),
        # markdown and punctuation
        ("**C**", "C"),
        ("The final answer is **C**.", "C"),
        ("### Answer\n**(D)**", "D"),
        ("C.", "C"),
        ("c", "C"),
        # the last statement wins
        ("The answer is B.\n\nOn reflection, final answer: C", "C"),
        ("Long reasoning about rickets ...\n\nD", "D"),
        # several letters mentioned
        ("It is not A, the answer is C", "C"),
        ("Not A but C.", "C"),
        ("Option A is incorrect. Option C is correct.", "C"),
        ("Between B and C, C is the best answer", "C"),
        ("The answer is C, because D is wrong", "C"),
        # hedges and nothing -> no answer
        ("A and B", None),
        ("The answer is A or B", None),
        ("Answer: B and D", None),
        ("Either B or C could be right", None),
        ("I am not sure.", None),
        ("", None),
        ("The answer is E", None),  # not an option of this question
        # Vitamin D in prose vs a final D
        ("Rickets is caused by a lack of vitamin D in children. The answer is B.", "B"),
        ("Vitamin D deficiency is common, but here iron is the answer: B", "B"),
        ("A 45-year-old man with low vitamin D; I'd go with D", "D"),
        # letters inside words, names and abbreviations never match
        ("A 45-year-old with hepatitis B, a B-cell lymphoma and E. coli sepsis", None),
        ("Type A personality, group B strep, HbA1c and CD4 counts", None),
        ("ABCD", None),
        ("Bacteria", None),
        # option text instead of a letter
        ("Iron", "B"),
        ("iron.", "B"),
        ("Answer: Vitamin B12", "C"),
        ("The answer is vitamin b12, given the neuropathy.", "C"),
        ("This is a deficiency of vitamin D.", "D"),
        ("It is not vitamin C; it is a deficiency of vitamin D", "D"),
        ("The answer is a vitamin deficiency", None),  # 'a' here is the article
        ("Vitamin C or vitamin D", None),
    ],
)
def test_extract_choice(text, expected):
    assert extract_choice(text, VITAMINS) == expected


def test_valid_letters_without_option_texts():
    assert extract_choice("The answer is (E)", "ABCDE") == "E"
    assert extract_choice("The answer is (E)", ["A", "B", "C", "D"]) is None
    assert extract_choice("Iron", "ABCD") is None  # no texts to match against
    assert extract_choice("Answer: B", {"A": "x", "B": "y"}) == "B"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes, mitochondria play a role.", "A"),
        ("No.", "B"),
        ("MAYBE", "C"),
        ("The answer is maybe", "C"),
        ("Answer: no", "B"),
        ("There is no evidence against it; final answer: yes", "A"),
        ("The trial was positive.\n\nyes", "A"),
        ("B", "B"),  # a letter still works
        ("The answer is (C)", "C"),
        ("No evidence either way", None),  # 'no' in prose is not an answer
        ("It is not known", None),
    ],
)
def test_pubmedqa_yes_no_maybe(text, expected):
    assert extract_choice(text, YNM) == expected


def test_extract_yes_no_maybe_directly():
    assert extract_yes_no_maybe("**Yes**") == "yes"
    assert extract_yes_no_maybe("no - the study was underpowered") == "no"
    assert extract_yes_no_maybe("Answer: (maybe)") == "maybe"
    assert extract_yes_no_maybe("Nothing conclusive") is None
    assert extract_yes_no_maybe("") is None


@needs_shared(BENCH)
def test_round_trip_on_medqa():
    """Every MedQA answer, stated as a letter or as its option text, is recovered."""
    records = load_medqa(BENCH / "medqa_usmle_4opt")
    for r in records:
        assert extract_choice(f"The answer is ({r.answer}).", r.options) == r.answer
        assert extract_choice(f"**{r.answer}**", r.options) == r.answer
    # an option text that is one letter ('B') or only symbols ('↓ ↑ ↓') cannot be told
    # apart from a letter or from another option: 2 questions of 1,273
    missed = {r.id for r in records if extract_choice(r.answer_text, r.options) != r.answer}
    assert missed == {"0262", "0709"}


LEAD_OPTIONS = {
    "A": "loss of taste",
    "B": "hearing loss",
    "C": "paralysis of the facial muscles, loss of taste",
    "D": "hyperacusis",
}


def test_reply_opening_as_an_option_line_chooses_it():
    # small models answer by copying the option line; its text contains option A's text
    assert extract_choice("C. paralysis of the facial muscles, loss of taste,", LEAD_OPTIONS) == "C"
    assert extract_choice("(B) Hearing loss", LEAD_OPTIONS) == "B"
    assert extract_choice("D.", LEAD_OPTIONS) == "D"
    assert extract_choice("A. The answer is B", LEAD_OPTIONS) == "B"  # explicit wins
    assert extract_choice("A. B. C. D.", LEAD_OPTIONS) is None  # a list of letters
    letters5 = {k: "x" for k in "ABCDE"}
    assert extract_choice("E. coli grows on the plate", letters5) is None  # abbreviation


def test_long_degenerate_replies_stay_linear():
    import time

    start = time.perf_counter()
    for text in ("A " * 4000, "answer: " * 1000, "not A " * 2000, "B. " * 3000):
        extract_choice(text, LEAD_OPTIONS)
    assert time.perf_counter() - start < 5.0  # was ~25 s (quadratic prefix scans)
