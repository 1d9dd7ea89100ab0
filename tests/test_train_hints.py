"""Outcome-privileged hints: texts, privileged task content, exact insertion/removal."""

from __future__ import annotations

import json

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from healthgym.domains import domain_names, get_domain  # noqa: E402
from healthgym.train.hints import (  # noqa: E402
    CORRECTIVE,
    REINFORCING,
    completion_logprobs,
    insert_hint,
    make_hint,
    strip_hint,
    task_privileged,
    token_logprobs,
)


def test_make_hint_reinforcing_vs_corrective() -> None:
    assert make_hint(True) == REINFORCING
    assert make_hint(False) == CORRECTIVE
    assert REINFORCING != CORRECTIVE
    wrong = make_hint(False, gold='submit_answer({"answer": "B"})', rationale="see p. 3")
    assert wrong == CORRECTIVE + '\nThe correct answer is: submit_answer({"answer": "B"})' + (
        "\nRationale: see p. 3"
    )
    right = make_hint(True, gold="X", rationale="Y")
    assert right == REINFORCING + "\nReference answer: X\nRationale: Y"
    assert make_hint(False, gold="X", rationale="Y", privileged=False) == CORRECTIVE


@pytest.mark.parametrize("domain", domain_names())
def test_task_privileged_carries_the_reference_answer_for_every_domain(domain: str) -> None:
    d = get_domain(domain)
    task = d.task(0)
    gold, rationale = task_privileged(task)
    assert gold is not None and rationale is not None
    assert gold.startswith(d.submit_tool + "(")
    assert len(gold) <= 800 and len(rationale) <= 800
    answer = {k: v for k, v in task.reference.answer.items() if k != "rationale"}
    for value in answer.values():  # every short answer field is in the gold text verbatim
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        if len(text) <= 120:
            assert text in gold, (domain, text)
    scalar = {k: v for k, v in task.grader.items() if isinstance(v, str) and v}
    assert all(f"{k}={v}" in rationale for k, v in list(scalar.items())[:2])
    # the hint built from it carries the gold answer; the task's prompt never does
    hint = make_hint(False, gold=gold, rationale=rationale)
    assert gold in hint and hint not in task.prompt


def test_task_privileged_moves_the_qa_rationale_and_shortens_long_reports() -> None:
    qa = get_domain("medical_qa").task(0)
    gold, rationale = task_privileged(qa)
    assert gold == f'submit_answer({{"answer": "{qa.reference.answer["answer"]}"}})'
    assert rationale is not None and rationale.startswith(qa.reference.answer["rationale"])
    report = get_domain("radiology_report").task(0)
    gold, _ = task_privileged(report, max_field_chars=50, max_chars=10_000)
    assert gold is not None
    assert '"category": "' + report.reference.answer["category"] + '"' in gold
    assert len(gold) < len(json.dumps(report.reference.answer))
    assert "\u2026" in gold
    short, _ = task_privileged(report, max_chars=100)
    assert short is not None and len(short) == 100


def test_insert_hint_positions() -> None:
    prompt, completion, hint = [10, 11, 12, 13], [20, 21], [90, 91, 92]
    ids, keep = insert_hint(prompt, completion, hint)
    assert ids == [10, 11, 12, 13, 90, 91, 92, 20, 21]
    assert keep == [0, 1, 2, 3, 7, 8]
    ids, keep = insert_hint(prompt, completion, hint, at=1)
    assert ids == [10, 90, 91, 92, 11, 12, 13, 20, 21]
    assert keep == [0, 4, 5, 6, 7, 8]
    assert [ids[k] for k in keep] == prompt + completion
    assert insert_hint(prompt, completion, [], at=2) == (prompt + completion, list(range(6)))
    with pytest.raises(ValueError):
        insert_hint(prompt, completion, hint, at=5)
    with pytest.raises(ValueError):
        insert_hint(prompt, completion, hint, at=-1)


def test_strip_hint_along_any_dim_and_differentiable() -> None:
    values = torch.arange(2 * 5 * 3, dtype=torch.float32).reshape(2, 5, 3).requires_grad_(True)
    out = strip_hint(values, [0, 3, 4], dim=1)
    assert out.shape == (2, 3, 3)
    assert torch.equal(out[:, 1], values[:, 3])
    out.sum().backward()
    assert values.grad[:, 1:3].abs().sum() == 0 and values.grad[:, 3].abs().sum() > 0
    assert strip_hint(torch.tensor([5.0, 6.0, 7.0]), [2, 0]).tolist() == [7.0, 5.0]


def test_token_and_completion_logprobs_apply_the_causal_shift() -> None:
    logits = torch.log(torch.tensor([[0.5, 0.5, 0.0], [0.1, 0.2, 0.7], [0.25, 0.25, 0.5]]))
    ids = torch.tensor([2, 1, 2])
    lp = token_logprobs(logits, ids)
    # token 0 has no prediction; token 1 is read from position 0, token 2 from position 1
    assert torch.allclose(lp, torch.log(torch.tensor([1.0, 0.5, 0.7])))
    assert torch.allclose(completion_logprobs(logits, ids, 2), torch.log(torch.tensor([0.7])))
    batch = completion_logprobs(logits.expand(4, 3, 3), ids.expand(4, 3), 1)
    assert batch.shape == (4, 2)
    with pytest.raises(ValueError):
        completion_logprobs(logits, ids, 0)
    half = completion_logprobs(logits.to(torch.bfloat16), ids, 1)
    assert half.dtype == torch.float32


@pytest.fixture(scope="module")
def tiny() -> tuple:
    from test_agents_tinylm import tiny_qwen2, tiny_tokenizer

    tok = tiny_tokenizer()
    return tiny_qwen2(len(tok), seed=3), tok


def _prefix_logprob(model, ids: list[int], target: int) -> float:
    with torch.no_grad():
        logits = model(input_ids=torch.tensor([ids])).logits[0, -1].double()
    return float(torch.log_softmax(logits, -1)[target])


@pytest.mark.parametrize("at", [None, 3, 0])
def test_stripped_teacher_logprobs_score_exactly_the_students_tokens(tiny, at) -> None:
    model, tok = tiny
    prompt = tok.apply_chat_template(
        [{"role": "user", "content": "Fever and cough. Heart rate 110."}],
        add_generation_prompt=True,
        tokenize=False,
    )
    prompt_ids = tok(prompt, add_special_tokens=False)["input_ids"]
    completion = '<tool_call>{"name": "get_vitals", "arguments": {}}</tool_call><|im_end|>'
    completion_ids = tok(completion, add_special_tokens=False)["input_ids"]
    hint = make_hint(False, gold='submit_answer({"answer": "B"})')
    hint_ids = tok(hint, add_special_tokens=False)["input_ids"]
    n_p, n_c = len(prompt_ids), len(completion_ids)

    teacher_ids, keep = insert_hint(prompt_ids, completion_ids, hint_ids, at=at)
    assert len(teacher_ids) == n_p + len(hint_ids) + n_c
    assert [teacher_ids[k] for k in keep] == prompt_ids + completion_ids
    ids_t = torch.tensor([teacher_ids])
    with torch.no_grad():
        logits = model(input_ids=ids_t).logits
    per_token = token_logprobs(logits, ids_t)  # [1, L_teacher]
    student_view = strip_hint(per_token, keep, dim=1)  # [1, P + C], aligned with the student
    teacher_completion = student_view[0, n_p:]
    assert teacher_completion.shape == (n_c,)
    # the completion is the teacher sequence's tail: the direct slice agrees exactly
    tail = completion_logprobs(logits, ids_t, len(teacher_ids) - n_c)[0]
    assert torch.equal(teacher_completion, tail)
    # entry k is the teacher's log-prob of the student's token k given its prefix + hint
    for k in (0, 1, n_c - 1):  # the token right after the hint, the next, the last
        pos = keep[n_p + k]
        expected = _prefix_logprob(model, teacher_ids[:pos], completion_ids[k])
        assert float(teacher_completion[k]) == pytest.approx(expected, abs=2e-5)
    # and the hint changes what the teacher predicts
    with torch.no_grad():
        plain = model(input_ids=torch.tensor([prompt_ids + completion_ids])).logits
    student_scores = completion_logprobs(plain, torch.tensor([prompt_ids + completion_ids]), n_p)
    assert student_scores.shape == (1, n_c)
    assert not torch.allclose(student_scores[0], teacher_completion, atol=1e-4)


def test_an_empty_hint_gives_the_students_own_scores(tiny) -> None:
    model, _ = tiny
    prompt_ids, completion_ids = [5, 17, 40, 9], [33, 2, 60]
    teacher_ids, keep = insert_hint(prompt_ids, completion_ids, [])
    ids = torch.tensor([teacher_ids])
    with torch.no_grad():
        logits = model(input_ids=ids).logits
    stripped = strip_hint(token_logprobs(logits, ids), keep, dim=1)[:, 4:]
    assert torch.equal(stripped, completion_logprobs(logits, ids, 4))
