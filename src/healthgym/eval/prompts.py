"""What the policy is shown for one benchmark item, per item kind.

Only the question, its context (an abstract, a patient note, a schema), its options
and the answer format are ever rendered; ``item.gold`` and ``item.meta`` (which may hold
a gold SQL query, must-have statements or explanations) never are.

* :func:`direct_prompt`: the one-turn prompt of ``direct`` mode, ending with how to
  state the answer, which the scorers read (a letter, yes/no/maybe, a number, a SQL
  query, a short answer);
* :func:`agentic_prompt`: the same item as the task of an agentic episode, which ends
  by calling the submit tool with the answer.
"""

from __future__ import annotations

from .items import EvalItem

DIRECT_SYSTEM = (
    "You are a medical expert answering benchmark questions. Think briefly, then state "
    "your final answer on the last line exactly as asked."
)

ANSWER_FORMAT: dict[str, str] = {
    "mcq": "Answer with the letter of the single best option, as 'Answer: <letter>'.",
    "yes_no": "Answer yes, no or maybe, as 'Answer: <yes|no|maybe>'.",
    "calc": (
        "Give the final value only (a number; a date as MM/DD/YYYY; a gestational age as "
        "(weeks, days)), as 'Answer: <value>'."
    ),
    "long_form": "Answer the question in a short paragraph for a patient.",
    "sql": (
        "Write one SQLite query that answers the question, as 'Answer: <SQL>', or answer "
        "'Answer: null' when the database cannot answer it."
    ),
    "vqa": "Answer in a word or a short phrase, as 'Answer: <answer>'.",
}

# how the submitted answer is written in agentic mode (argument of the submit tool)
SUBMIT_FORMAT: dict[str, str] = {
    "mcq": "the letter of the single best option",
    "yes_no": "yes, no or maybe",
    "calc": "the final value only (a number; a date as MM/DD/YYYY; (weeks, days))",
    "long_form": "your answer, a short paragraph for a patient",
    "sql": "one SQLite query that answers the question, or null if the database cannot",
    "vqa": "a word or a short phrase",
}

MAX_CONTEXT_CHARS = 12_000


def _context(item: EvalItem) -> str:
    if not item.context:
        return ""
    label = {"calc": "Patient note", "sql": "Database"}.get(item.kind, "Context")
    text = "\n".join(str(c) for c in item.context)
    if len(text) > MAX_CONTEXT_CHARS:
        text = text[:MAX_CONTEXT_CHARS] + " [...]"
    return f"{label}:\n{text}\n\n"


def _options(item: EvalItem) -> str:
    if not item.options:
        return ""
    return "\n" + "\n".join(f"{k}. {v}" for k, v in item.options.items())


def question_block(item: EvalItem) -> str:
    """Context, question and options: the part of the prompt every mode shares."""
    image = "\n(An image accompanies this question.)" if item.image else ""
    return f"{_context(item)}Question: {item.question}{image}{_options(item)}"


def direct_prompt(item: EvalItem) -> str:
    """The user message of ``direct`` mode."""
    return f"{question_block(item)}\n\n{ANSWER_FORMAT.get(item.kind, ANSWER_FORMAT['vqa'])}"


def agentic_prompt(item: EvalItem, submit_tool: str) -> str:
    """The task statement of an agentic episode (the environment adds its tool list)."""
    fmt = SUBMIT_FORMAT.get(item.kind, SUBMIT_FORMAT["vqa"])
    return (
        f"{question_block(item)}\n\nUse the tools to find what you need, then call "
        f"{submit_tool} with answer = {fmt}."
    )


def loglik_prompt(item: EvalItem) -> str:
    """The prompt whose continuations (the option texts) log-likelihood mode scores."""
    return f"{_context(item)}Question: {item.question}{_options(item)}\nAnswer:"
