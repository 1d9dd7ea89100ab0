"""No server response before submission reveals a task's hidden data, for every task.

For every task of every domain (both splits), through the ASGI app in-process:
``POST /reset`` by task index, ``GET /state``, then every reference call except the
submission as ``POST /step``, then ``GET /state`` again; plus ``/schema`` and
``/metadata``.  Checked on every one of those responses:

* a canary string planted in the task's hidden record, grader specification and
  reference answer never appears (anything that serialized the task, the patient or
  the answer into a response would carry it);
* no key of the privileged task fields (``hidden``, ``reference``, ``grader``,
  ``safety``, ``answer``) appears anywhere outside the tool schemas, and step ``info``
  before the end holds only ``turn`` and ``task_id``;
* the reference answer, serialized, does not appear, and neither does any of its
  category labels (snake_case values such as ``unsafe_medication_identified``) in
  the opening observation, the state, ``/schema`` (outside the tools) or
  ``/metadata``.

What each tool may reveal about the patient is the domain's own business and is
tested per domain (``tests/test_<domain>.py`` leak tests); the observations served
here are the environment's own (``tests/test_server_app.py`` compares them with a
local run).  The privileged endpoint is the only way to the reference: it is used
here with the token, and refused without it.
"""

from __future__ import annotations

import asyncio
import functools
import json
import re
from typing import Any

import httpx
import pytest

from healthgym.domains import domain_names, get_domain
from healthgym.server.app import create_app
from healthgym.server.config import ServerConfig
from healthgym.tasks import Task
from healthgym.tools.parse import format_hermes

CANARY = "HGCANARY-4be1d07a"
TOKEN = "leak-test-token-0123456789"
PRIVILEGED_KEYS = {"hidden", "reference", "grader", "safety", "answer"}
LABEL = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")


def with_canary(task: Task) -> Task:
    answer = {**task.reference.answer, "zz_canary": CANARY}
    return task.model_copy(
        update={
            "hidden": {**task.hidden, "zz_canary": CANARY},
            "grader": {**task.grader, "zz_canary": CANARY},
            "reference": task.reference.model_copy(update={"answer": answer}),
        }
    )


@pytest.fixture
def canary_tasks():
    """Every domain generates its tasks with the canary planted (restored after)."""
    originals = {}
    for name in domain_names():
        d = get_domain(name)
        originals[name] = d.make_task
        object.__setattr__(d, "make_task", lambda i, make=d.make_task: with_canary(make(i)))
    try:
        yield
    finally:
        for name, make in originals.items():
            object.__setattr__(get_domain(name), "make_task", make)


def keys(obj: Any) -> set[str]:
    if isinstance(obj, dict):
        return set(obj) | {k for v in obj.values() for k in keys(v)}
    if isinstance(obj, list):
        return {k for v in obj for k in keys(v)}
    return set()


def labels(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if LABEL.match(value) else []
    if isinstance(value, list):
        return [x for v in value for x in labels(v)]
    if isinstance(value, dict):
        return [x for v in value.values() for x in labels(v)]
    return []


@functools.cache
def options(domain: str, field: str) -> list[str]:
    """The choices of the submit tool's ``field``: its enum (its items' enum for a list),
    or, for a free-text field read by meaning, the labels the domain's reference answers
    use for it (a sample of tasks)."""
    d = get_domain(domain)
    prop = d.toolkit.get(d.submit_tool).parameters["properties"].get(field, {})
    enum = prop.get("enum", prop.get("items", {}).get("enum", []))
    if enum:
        return [str(v) for v in enum]
    seen: set[str] = set()
    for i in range(0, d.n_tasks, max(1, d.n_tasks // 200)):
        value = d.make_task(i).reference.answer.get(field)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", v):
                seen.add(v)  # one-word labels ("benign") are choices too
    return sorted(seen)


def secret_labels(domain: str, answer: dict[str, Any], text: str) -> list[str]:
    """Answer labels named in ``text`` other than among at least two other choices of
    the same field (a prompt may list the options, never single out the answer)."""
    found = []
    for field, value in answer.items():
        choices = options(domain, field)
        for v in labels(value):
            others = sum(mentions(text, c) for c in choices if c != v)
            if mentions(text, v) and others < 2:
                found.append(v)
    return found


def mentions(text: str, label: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(label)}(?![A-Za-z0-9_])", text) is not None


async def check_task(http: httpx.AsyncClient, domain: str, index: int) -> int:
    """Run one task's pre-submission responses through the checks; returns steps."""
    r = await http.post("/reset", json={"domain": domain, "split": "all", "task_index": index})
    assert r.status_code == 200, r.text
    reset = r.json()
    sid = reset["session_id"]
    assert set(reset["info"]) <= {"task_id", "domain", "split", "max_turns", "tools", "content"}
    # the trainer endpoint: refused without the token, the reference with it
    assert (await http.get(f"/trainer/task/{sid}")).status_code == 401
    priv = await http.get(f"/trainer/task/{sid}", headers={"Authorization": f"Bearer {TOKEN}"})
    reference = priv.json()["reference"]
    answer = {k: v for k, v in reference["answer"].items() if k != "zz_canary"}
    assert reference["answer"]["zz_canary"] == CANARY  # the canary is really planted

    opening = {k: v for k, v in reset.items() if k != "info"} | {
        "info": {k: v for k, v in reset["info"].items() if k != "tools"}
    }
    texts = [json.dumps(opening), (await http.get("/state", params={"session_id": sid})).text]
    public = list(texts)
    steps = 0
    for call in reference["calls"][:-1]:  # everything before the submission
        r = await http.post(
            "/step",
            json={"session_id": sid, "action": format_hermes(call["name"], call["arguments"])},
        )
        body = r.json()
        assert r.status_code == 200 and not body["done"], (domain, index, body)
        assert set(body["info"]) == {"turn", "task_id"}
        texts.append(r.text)
        steps += 1
    state = (await http.get("/state", params={"session_id": sid})).text
    texts.append(state)
    public.append(state)
    await http.delete(f"/session/{sid}")

    where = f"{domain}-{index}"
    serialized = json.dumps(answer, sort_keys=True)
    for text in texts:
        assert CANARY not in text, where
        assert serialized not in text, where
        assert not keys(json.loads(text)) & PRIVILEGED_KEYS, where
    for text in public:
        assert not secret_labels(domain, answer, text), (where, secret_labels(domain, answer, text))
    return steps


@pytest.mark.slow
def test_no_response_before_submission_reveals_hidden_data(canary_tasks):
    app = create_app(ServerConfig(trainer_token=TOKEN, max_sessions=8))

    async def main() -> tuple[int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://leak") as http:
            schema = (await http.get("/schema")).json()
            metadata = (await http.get("/metadata")).text
            assert CANARY not in metadata and CANARY not in json.dumps(schema)
            outside_tools = json.dumps({k: v for k, v in schema.items() if k != "tools"})
            tasks = steps = 0
            for name in domain_names():
                d = get_domain(name)
                for index in range(d.n_tasks):  # every task: both splits
                    steps += await check_task(http, name, index)
                    tasks += 1
                    if index < 20:  # answers' labels in schema/metadata prose
                        ans = d.make_task(index).reference.answer
                        assert not secret_labels(name, ans, metadata)
                        assert not secret_labels(name, ans, outside_tools)
            return tasks, steps

    tasks, steps = asyncio.run(main())
    assert tasks == sum(get_domain(n).n_tasks for n in domain_names())
    assert steps > tasks
