"""The shallow reader: a non-clinical adversary that copies answers out of tool output.

It is a validity probe (issue 15, DESIGN.md "Validity"), not a baseline to beat: a
task should not be solvable by calling every tool once and string-matching what the
tools print. The policy knows no medicine. Per episode it

1. calls every ``observe`` tool the task allows, once, with schema-valid default
   arguments (see :class:`ArgumentFiller`); a tool that takes an entity id (``P1``,
   ``C1``, ``F1``) is called once per id found in the prompt or earlier output;
2. then calls every ``compute`` tool once, its numeric arguments read from the output
   seen so far by the label rule below (``heart_rate`` <- "Heart rate: 66");
3. maps the collected tool OUTPUT text (never the prompt, except to read the
   answer options' letters and to choose which submit fields to fill) to an answer
   with plain string rules learned from the TRAIN split's reference answers
   (:class:`AnswerModel`), and submits it.

Answer rules (``RULES``), applied per submit field:

* an enum or short-text field: its candidates are the enum values and the values seen
  in training answers (``_`` read as a space, case-insensitive, word-bounded); the
  candidate that appears after a label naming the field ("Category: TR4") wins,
  otherwise one of those that appear anywhere, chosen by the rule: ``first``
  mentioned, ``last`` mentioned, ``most`` occurrences, or ``rarest`` (least common
  in training answers, i.e. the most specific word that shows up);
* a letter field with lettered options in the prompt (``A. Cephalexin``): the letter
  whose option text appears, by the same rule;
* a number: the numbers printed just after a label that matches the field name
  ("QTc (Bazett): 422.7" for ``qtc_ms``), first/last/most common by the rule;
* a boolean: yes/no/true/false/present/absent after such a label;
* a list: every candidate that appears (order of first mention; of last mention for
  the ``last`` rule), at most the longest training list;
* a string whose training values share a shape (dates, times, codes): the strings of
  that shape in the output, chosen by the rule;
* free text (training values mostly unique): the output of the tools whose names share
  a word with the field (``technique`` <- ``get_technique``), else all output;
* nothing found: the field's most common training value (what the lazy policy submits).

Which fields are filled: the required ones, those the prompt names (``severity``,
``suicide risk``), or, when the prompt names none, those in at least half of the
training answers.
"""

from .answers import AnswerModel, FieldModel
from .arguments import MAX_IDS, ArgumentFiller
from .policy import MAX_CALLS_PER_TURN, RULES, ShallowReaderPolicy, tool_kind
from .reading import (
    choose,
    label_variants,
    labelled_numbers,
    labelled_words,
    mentions,
    phrase_regex,
    select_number,
    shape_of,
)

__all__ = [
    "MAX_CALLS_PER_TURN",
    "MAX_IDS",
    "RULES",
    "AnswerModel",
    "ArgumentFiller",
    "FieldModel",
    "ShallowReaderPolicy",
    "choose",
    "label_variants",
    "labelled_numbers",
    "labelled_words",
    "mentions",
    "phrase_regex",
    "select_number",
    "shape_of",
    "tool_kind",
]
