"""The configuration of a single-machine GRPO / TT-OPD run, as one dataclass.

Every field has a default suited to the tiny test model (``model="tiny"``: short turns,
few turns, small groups, so that a step takes about a second on a CPU); a real model
wants a config file (YAML, JSON or TOML, keys = the field names) with longer turns.

The training reward of an episode (see :func:`healthgym.train.rewards.episode_rewards`)::

    reward = composite_weight * composite + length_weight * cosine
             + sum(component_weights[k] * component_k)

``composite`` is the environment's 5-dimension reward (in [0, 1], with its critical-safety
cap); ``cosine`` is the cosine length-controlled reward (Yeo et al. 2025, in [-1, 1] by
default) of the episode's *model tokens* (the policy tokens of its trajectory), with
budget ``length_max_tokens`` (default ``max_turns * max_new_tokens``), ``correct`` meaning
``accuracy >= correct_threshold`` and ``truncated`` meaning the episode ended by one of
``truncated_by`` (the turn limit or the token budget: it never submitted in time).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

ALGOS = ("grpo", "tt-opd")
OLD_LOGPROBS = ("policy", "sampler")


@dataclass
class TrainConfig:
    """One training run. ``algo``: ``"grpo"`` or ``"tt-opd"`` (GRPO + the EMA teacher's
    hinted turn-level KL). ``model``: ``"tiny"``, ``"smollm2"`` or a local model directory
    (ignored when a model is passed to :func:`healthgym.train.trainer.train`)."""

    algo: str = "grpo"
    model: str = "tiny"
    domains: list[str] = field(default_factory=lambda: ["medical_qa"])
    split: str = "train"
    steps: int = 20
    tasks_per_step: int = 1
    group_size: int = 4
    seed: int = 0
    out: str = "runs/train"
    device: str = "auto"  # "auto" (cuda when available) | "cpu" | "cuda" | "cuda:1" ...
    # torch intra-op CPU threads during the run (restored afterwards); None: 1 for the tiny
    # model (its ops are too small to split: syncing threads costs more, much more on a
    # loaded machine), torch's default otherwise
    cpu_threads: int | None = None

    # ---- rollouts (generation by healthgym.rollout with a TransformersPolicy)
    max_turns: int = 2
    max_new_tokens: int = 16
    token_budget: int | None = None
    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int = 0
    compact_tools: bool = True
    episode_timeout: float | None = None
    batch_wait_s: float = 2.0  # waits for every open episode, so batches are reproducible

    # ---- reward
    composite_weight: float = 1.0
    # extra terms on single reward components (e.g. {"format": 0.4}: a dense signal on
    # well-formed calls for a model that cannot yet finish an episode; the composite pays
    # nothing until a valid submission)
    component_weights: dict[str, float] = field(default_factory=dict)
    length_weight: float = 0.5
    length_max_tokens: int | None = None  # None: max_turns * max_new_tokens
    correct_threshold: float = 1.0
    truncated_by: list[str] = field(default_factory=lambda: ["turn_limit", "token_budget"])
    length_params: dict[str, float] = field(default_factory=dict)  # r0_correct, ... r_exceed

    # ---- GRPO
    lr: float | None = None  # None: 1e-3 for the tiny model, 1e-6 for a real one
    weight_decay: float = 0.0
    lr_schedule: str = "constant"  # "constant" | "linear" | "cosine" (after warm-up)
    warmup_steps: int = 0
    max_grad_norm: float = 1.0
    ppo_epochs: int = 1
    micro_batch_size: int | None = None  # trajectories per forward pass (None: all)
    clip_low: float = 0.2
    clip_high: float = 0.2
    aggregation: str = "token_mean"
    normalize_std: bool = True
    old_logprobs: str = "policy"  # "policy" (recomputed before the update) | "sampler"
    kl_ref_coef: float = 0.0  # beta of an optional KL to the initial model
    kl_ref_estimator: str = "k3"

    # ---- TT-OPD
    ema_alpha: float = 0.995
    ema_every: int = 5
    hard_copy_every: int | None = None
    hint_privileged: bool = True
    hint_role: str = "user"
    kl_max_turns: int | None = 3  # K: the first K assistant turns
    kl_max_tokens: int | None = 64  # T: the first T tokens of each turn
    kl_clip: float | None = 10.0
    kl_lambda: float = 4.0
    kl_schedule: str = "constant"  # "constant" | "linear" | "phase_out"
    kl_floor: float = 0.0
    kl_threshold: float | None = None
    kl_phase_out_steps: int = 50

    # ---- LoRA (peft)
    lora: bool = False
    lora_r: int = 8
    lora_alpha: int = 16
    lora_dropout: float = 0.0
    lora_target_modules: list[str] | None = None  # None: peft's default for the model

    # ---- output
    save_every: int = 10
    resume: bool = False
    tensorboard: bool = True
    wandb: bool = False
    wandb_project: str = "healthgym"

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ``ValueError`` on an inconsistent configuration."""
        if self.algo not in ALGOS:
            raise ValueError(f"algo must be one of {ALGOS}, not {self.algo!r}")
        if self.old_logprobs not in OLD_LOGPROBS:
            raise ValueError(f"old_logprobs must be one of {OLD_LOGPROBS}")
        if isinstance(self.domains, str):  # "all" or "a,b" (as on the command line)
            from ..domains import resolve_domains

            try:
                self.domains = resolve_domains(self.domains)
            except KeyError as e:
                raise ValueError(str(e.args[0])) from None
        if not self.domains:
            raise ValueError("no training domain")
        for name in ("steps", "tasks_per_step", "group_size", "max_turns", "max_new_tokens"):
            if int(getattr(self, name)) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.ppo_epochs < 1 or self.ema_every < 1 or self.save_every < 0:
            raise ValueError("ppo_epochs and ema_every must be >= 1, save_every >= 0")
        if self.lr_schedule not in ("constant", "linear", "cosine"):
            raise ValueError("lr_schedule must be constant, linear or cosine")
        if self.micro_batch_size is not None and self.micro_batch_size < 1:
            raise ValueError("micro_batch_size must be >= 1 or None")
        if self.temperature < 0:
            raise ValueError("temperature must be >= 0")
        if self.old_logprobs == "sampler" and (
            self.temperature == 0 or self.top_p < 1.0 or self.top_k > 0
        ):
            # the sampler's log-probs are those of the truncated (top-k / top-p) or greedy
            # distribution; the update scores the full tempered one: the ratios would be off
            raise ValueError(
                'old_logprobs="sampler" needs temperature > 0 without top_p / top_k '
                '(the update scores the untruncated tempered distribution); use "policy"'
            )

    @property
    def score_temperature(self) -> float:
        """The temperature the policy, reference and teacher are scored at: the sampling
        temperature (1 for greedy sampling, whose log-probs are untempered)."""
        return float(self.temperature) if self.temperature > 0 else 1.0

    @property
    def learning_rate(self) -> float:
        """``lr``, or its default: 1e-3 for the tiny random model (it has nothing to lose),
        1e-6 for a pretrained one (full fine-tuning at 1e-3 would wreck it)."""
        if self.lr is not None:
            return float(self.lr)
        return 1e-3 if self.model == "tiny" else 1e-6

    @property
    def max_response_tokens(self) -> int:
        """The cosine reward's budget T, in model tokens."""
        if self.length_max_tokens is not None:
            return self.length_max_tokens
        if self.token_budget is not None:
            return self.token_budget
        return self.max_turns * self.max_new_tokens

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        """Build from a mapping; unknown keys are an error (a typo must not be ignored)."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown training option(s): {', '.join(unknown)}")
        return cls(**data)

    @classmethod
    def from_file(cls, path: str | Path, **overrides: Any) -> TrainConfig:
        """Read a YAML (.yaml/.yml), JSON (.json) or TOML (.toml) file; ``overrides``
        (e.g. from the command line) win over the file."""
        data = load_mapping(path)
        data.update(overrides)
        return cls.from_dict(data)


def load_mapping(path: str | Path) -> dict[str, Any]:
    """The top-level mapping of a YAML, JSON or TOML file."""
    p = Path(path)
    text = p.read_text()
    suffix = p.suffix.lower()
    if suffix == ".json":
        data = json.loads(text)
    elif suffix == ".toml":
        try:
            import tomllib
        except ImportError:  # Python 3.10
            try:
                import tomli as tomllib
            except ImportError:
                raise ValueError("a TOML config needs Python 3.11+ or tomli") from None
        data = tomllib.loads(text)
    elif suffix in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text) or {}
    else:
        raise ValueError(f"config file must be .yaml, .yml, .json or .toml, not {p.name!r}")
    if not isinstance(data, dict):
        raise ValueError(f"{p.name}: the top level must be a mapping of options")
    return data
