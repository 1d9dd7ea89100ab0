"""TRL adapter: a HealthGym domain as a ``GRPOTrainer(environment_factory=...)`` class.

TRL (>= 1.0, ``trl.GRPOTrainer``) builds one instance per rollout with the factory,
calls ``reset(**row)`` with the dataset row (its returned text is appended to the last
user message), exposes every public method except ``reset`` and ``get_reward`` to the
model as a tool (its JSON schema is read from the method's type hints and Google-style
docstring by ``transformers.utils.get_json_schema``), runs the model's tool calls as
``method(**arguments)`` and scores the rollout with ``get_reward()``.

:func:`environment_class` generates, per domain, a subclass of
:class:`HealthGymToolEnv` with one method per tool of the domain's registry
(:mod:`healthgym.tools.registry`): real signatures (``str``, ``int``, ``float``,
``bool``, ``list[...]``, ``Literal[...]`` for enums, ``X | None = None`` for optional
arguments) and docstrings built from the registry's schemas, so TRL sees the same
tools the environment validates. Each method sends its call to the environment (one
step; see :mod:`healthgym.train.env_session`), which checks the arguments, runs the
tool and logs it for the reward; unknown or missing arguments reach the environment
too (the method accepts any keywords) and come back as its error message.

One copy of the tools in the prompt: TRL renders every tool's JSON schema with the chat
template (``apply_chat_template(..., tools=...)``; it refuses a template without tool
support), so by default ``reset`` returns the environment's observation *without* its
text ``Tools available:`` list (``tool_list_in_prompt=False``). With a template that
ignores ``tools``, pass ``tool_list_in_prompt=not template_renders_tools(tokenizer)``.
The environment's own observation, for every other user, is unchanged.

An episode the rollout leaves without submitting is closed and graded by
``get_reward`` (no valid submission: composite 0), with ``session.ended_by ==
"closed_without_submission"``.

:func:`build_dataset` gives the prompt rows (``prompt``, ``task_id``, ``domain``,
``index``, ``privileged_context`` for distillation trainers, and ``environment`` when
several domains are mixed, as TRL's multi-environment mode expects).

Usage (a real model; on CPU with the tiny model, see the README's TRL example, whose
tokenizer is ``healthgym.train.tiny.load_tiny(tools=True)``)::

    from trl import GRPOConfig, GRPOTrainer
    from healthgym.train.trl_env import build_dataset, environment_factory
    from healthgym.train.trl_rewards import reward_functions

    trainer = GRPOTrainer(
        model="Qwen/Qwen3-0.6B",
        args=GRPOConfig(reward_weights=[0.0] * 5),  # the components are logged only
        train_dataset=build_dataset(["clinical_diagnosis"], "train"),
        environment_factory=environment_factory("clinical_diagnosis"),  # get_reward: composite
        reward_funcs=reward_functions(["accuracy", "process", "safety", "format", "coherence"]),
    )

Several domains: ``build_dataset([...])`` adds the ``environment`` column and
``environment_factory=environment_factories([...])``.
"""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal

from .env_session import EnvFactory, EnvLike, EpisodeSession, local_env_factory, resolve_task_id

_PRIMITIVE_TYPES: dict[str, Any] = {"string": str, "integer": int, "number": float, "boolean": bool}


def schema_type(prop: dict[str, Any]) -> Any:
    """The Python type hint of one JSON-schema property of the registry."""
    if "enum" in prop:
        return Literal[tuple(prop["enum"])]  # type: ignore[valid-type]
    kind = prop.get("type")
    if kind == "array":
        return list[schema_type(prop.get("items", {"type": "string"}))]  # type: ignore[misc]
    if isinstance(kind, str) and kind in _PRIMITIVE_TYPES:
        return _PRIMITIVE_TYPES[kind]
    return Any


def _bounds_note(prop: dict[str, Any]) -> str:
    lo, hi = prop.get("minimum"), prop.get("maximum")
    if lo is not None and hi is not None:
        return f" (from {lo} to {hi})"
    if lo is not None:
        return f" (at least {lo})"
    return f" (at most {hi})" if hi is not None else ""


def tool_method(schema: dict[str, Any]) -> Callable[..., str]:
    """A method ``name(self, **arguments) -> str`` for one OpenAI function schema,
    whose signature, annotations and docstring describe the schema's arguments."""
    fn = schema["function"]
    name: str = fn["name"]
    params = fn.get("parameters", {}) or {}
    props: dict[str, Any] = params.get("properties", {}) or {}
    required = set(params.get("required", []) or [])

    def method(self: HealthGymToolEnv, **arguments: Any) -> str:
        return self._call_tool(name, arguments)

    sig_params = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    annotations: dict[str, Any] = {}
    arg_lines = []
    for arg, prop in props.items():
        hint = schema_type(prop)
        if arg in required:
            default: Any = inspect.Parameter.empty
        else:
            hint = hint | None
            default = None
        annotations[arg] = hint
        sig_params.append(
            inspect.Parameter(arg, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=hint)
        )
        desc = " ".join(str(prop.get("description") or f"the {arg} argument.").split())
        arg_lines.append(f"    {arg}: {desc}{_bounds_note(prop)}")
    annotations["return"] = str
    method.__name__ = name
    method.__qualname__ = f"HealthGymToolEnv.{name}"
    method.__signature__ = inspect.Signature(sig_params, return_annotation=str)  # type: ignore[attr-defined]
    method.__annotations__ = annotations
    description = str(fn.get("description") or name).replace("\n", " ").strip()
    doc = description
    if arg_lines:
        doc += "\n\nArgs:\n" + "\n".join(arg_lines)
    doc += "\n\nReturns:\n    The environment's answer to the call."
    method.__doc__ = doc
    return method


class HealthGymToolEnv:
    """A TRL environment over one episode of a HealthGym domain.

    Use a per-domain subclass from :func:`environment_class` (it carries the tools).
    ``env``: an env-like object (``reset``/``step``) or ``None`` for one made by
    ``env_factory(domain)`` (default: a local :class:`~healthgym.env.HealthGymEnv`).
    ``tool_list_in_prompt``: keep the environment's text tool list in the observation
    ``reset`` returns (default ``False``: TRL's chat template renders the tools' schemas).
    """

    domain: ClassVar[str] = ""
    tool_names: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        env: EnvLike | None = None,
        *,
        env_factory: EnvFactory | None = None,
        max_turns: int = 20,
        tool_list_in_prompt: bool = False,
    ) -> None:
        if not self.domain:
            raise TypeError("use environment_class(domain) to get a domain's environment class")
        if env is None:
            env = (env_factory or local_env_factory(max_turns))(self.domain)
        self._session = EpisodeSession(env, tool_list_in_prompt=tool_list_in_prompt)

    @property
    def session(self) -> EpisodeSession:
        """The episode's state: calls sent, observation, outcome."""
        return self._session

    def reset(self, **row: Any) -> str:
        """Start the episode of the row's task (``task_id``, or ``domain`` + ``index``);
        returns its initial observation (without the text tool list unless the class was
        built with ``tool_list_in_prompt=True``). Other columns (``prompt``,
        ``privileged_context`` ...) are ignored: the model never sees privileged data."""
        tid = resolve_task_id(row)
        domain = tid.rpartition("-")[0]
        if domain != self.domain:
            raise ValueError(f"task {tid!r} given to the {self.domain!r} environment")
        return self._session.start(tid)

    def get_reward(self) -> float:
        """The episode's composite reward (an open episode is closed and graded first)."""
        self._session.finish()
        assert self._session.reward is not None
        return self._session.reward

    @property
    def reward_components(self) -> dict[str, Any]:
        """Every reward dimension of the finished episode (closing it if still open)."""
        return self._session.finish()

    def _call_tool(self, name: str, arguments: dict[str, Any]) -> str:
        return self._session.call(name, arguments)


def environment_class(
    domain: str, tool_schemas: Sequence[dict[str, Any]] | None = None
) -> type[HealthGymToolEnv]:
    """The TRL environment class of ``domain``: one public method per tool.

    ``tool_schemas``: OpenAI function schemas to expose (default: the domain's registry,
    shared tools included, as ``HealthGymEnv`` serves them; a remote environment can pass
    the ``info["tools"]`` its server returned). Classes built from the registry are cached.
    """
    if tool_schemas is None:
        return _registry_class(domain)
    return _build_class(domain, list(tool_schemas))


@functools.cache
def _registry_class(domain: str) -> type[HealthGymToolEnv]:
    from ..domains import get_domain

    return _build_class(domain, get_domain(domain).toolkit.schemas)


def _build_class(domain: str, schemas: list[dict[str, Any]]) -> type[HealthGymToolEnv]:
    reserved = {n for n in dir(HealthGymToolEnv) if not n.startswith("_")}
    namespace: dict[str, Any] = {"domain": domain, "__module__": __name__}
    names = []
    for schema in schemas:
        name = schema["function"]["name"]
        if name in reserved or name.startswith("_") or not name.isidentifier():
            raise ValueError(f"tool name {name!r} cannot be an environment method")
        method = tool_method(schema)
        method.__qualname__ = f"{_class_name(domain)}.{name}"
        namespace[name] = method
        names.append(name)
    namespace["tool_names"] = tuple(names)
    namespace["__doc__"] = f"TRL environment of the {domain} domain ({len(names)} tools)."
    return types.new_class(
        _class_name(domain), (HealthGymToolEnv,), exec_body=lambda ns: ns.update(namespace)
    )


def _class_name(domain: str) -> str:
    return "".join(p.capitalize() for p in domain.split("_")) + "Env"


def environment_factory(
    domain: str,
    *,
    env_factory: EnvFactory | None = None,
    max_turns: int = 20,
    tools: Sequence[str] | None = None,
    tool_list_in_prompt: bool = False,
) -> Callable[[], HealthGymToolEnv]:
    """A zero-argument factory for ``GRPOTrainer(environment_factory=...)``.

    ``tools``: expose only these tools of the domain (default: all of them).
    ``tool_list_in_prompt``: keep the environment's text tool list in the first
    observation (only for a chat template that does not render ``tools``; see
    :func:`template_renders_tools`).
    """
    if tools is None:
        cls = environment_class(domain)
    else:
        cls = environment_class(domain, registry_schemas(domain, tools))
    return functools.partial(
        cls, env_factory=env_factory, max_turns=max_turns, tool_list_in_prompt=tool_list_in_prompt
    )


_PROBE_TOOL = "healthgym_probe_tool_7f3a"


def template_renders_tools(processing_class: Any) -> bool:
    """Whether the tokenizer's chat template writes the ``tools`` it is given into the
    prompt (a probe schema's name appears in the rendering). ``False`` when the
    template ignores ``tools``, has none or fails: then keep the text tool list
    (``environment_factory(..., tool_list_in_prompt=True)``)."""
    probe = {
        "type": "function",
        "function": {
            "name": _PROBE_TOOL,
            "description": "probe",
            "parameters": {"type": "object", "properties": {}, "required": []},
        },
    }
    try:
        text = processing_class.apply_chat_template(
            [{"role": "user", "content": "x"}],
            tools=[probe],
            add_generation_prompt=True,
            tokenize=False,
        )
    except Exception:  # any template failure: it does not render tools
        return False
    return isinstance(text, str) and _PROBE_TOOL in text


def registry_schemas(domain: str, names: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The OpenAI schemas of a domain's tools (``names``: these only, in this order)."""
    from ..domains import get_domain

    schemas = {s["function"]["name"]: s for s in get_domain(domain).toolkit.schemas}
    if names is None:
        return list(schemas.values())
    unknown = [n for n in names if n not in schemas]
    if unknown:
        raise ValueError(f"unknown tool(s) {unknown} for domain {domain!r}")
    return [schemas[n] for n in names]


def environment_factories(
    domains: Sequence[str],
    *,
    env_factory: EnvFactory | None = None,
    max_turns: int = 20,
    tools: dict[str, Sequence[str]] | None = None,
    tool_list_in_prompt: bool = False,
) -> dict[str, Callable[[], HealthGymToolEnv]]:
    """``{domain: factory}`` for TRL's multi-environment mode (rows carry ``environment``).

    ``tools``: ``{domain: tool names}`` to expose a subset per domain (a domain not in
    it exposes all of its tools).
    """
    tools = tools or {}
    unknown = sorted(set(tools) - set(domains))
    if unknown:
        raise ValueError(f"tools given for domain(s) {unknown} not in {list(domains)}")
    return {
        d: environment_factory(
            d,
            env_factory=env_factory,
            max_turns=max_turns,
            tools=tools.get(d),
            tool_list_in_prompt=tool_list_in_prompt,
        )
        for d in domains
    }


def privileged_context(task: Any) -> str:
    """The task's privileged text for a distillation teacher (never shown to the student):
    the reference answer and rationale of :func:`healthgym.train.hints.task_privileged`."""
    from .hints import task_privileged

    gold, rationale = task_privileged(task)
    parts = []
    if gold:
        parts.append(f"Reference answer: {gold}")
    if rationale:
        parts.append(f"Rationale: {rationale}")
    return "\n".join(parts)


def dataset_rows(
    domains: Sequence[str],
    split: str | None = "train",
    *,
    limit_per_domain: int | None = None,
    system_prompt: str | None = None,
    privileged: bool = True,
) -> list[dict[str, Any]]:
    """The prompt rows of the first ``limit_per_domain`` tasks of each domain's split.

    ``prompt`` is conversational: an optional system message and an empty user message,
    to which TRL appends the observation returned by ``reset``. ``environment`` (the
    domain) is added when ``domains`` has more than one entry.
    """
    from ..domains import get_domain
    from ..tasks import task_id

    rows = []
    multi = len(domains) > 1
    for d in domains:
        dom = get_domain(d)
        indices = dom.indices(split)
        if limit_per_domain is not None:
            indices = indices[: max(0, limit_per_domain)]
        for i in indices:
            prompt = [{"role": "system", "content": system_prompt}] if system_prompt else []
            prompt.append({"role": "user", "content": ""})
            row: dict[str, Any] = {
                "prompt": prompt,
                "task_id": task_id(d, i),
                "domain": d,
                "index": i,
            }
            if privileged:
                row["privileged_context"] = privileged_context(dom.task(i))
            if multi:
                row["environment"] = d
            rows.append(row)
    return rows


def build_dataset(
    domains: Sequence[str],
    split: str | None = "train",
    *,
    limit_per_domain: int | None = None,
    system_prompt: str | None = None,
    privileged: bool = True,
) -> Any:
    """The rows of :func:`dataset_rows` as a Hugging Face ``datasets.Dataset``."""
    from datasets import Dataset

    rows = dataset_rows(
        domains,
        split,
        limit_per_domain=limit_per_domain,
        system_prompt=system_prompt,
        privileged=privileged,
    )
    return Dataset.from_list(rows)


__all__ = [
    "HealthGymToolEnv",
    "build_dataset",
    "dataset_rows",
    "environment_class",
    "environment_factories",
    "environment_factory",
    "privileged_context",
    "registry_schemas",
    "schema_type",
    "template_renders_tools",
    "tool_method",
]
