"""healthgym: a Gymnasium environment for multi-turn, tool-using medical agents.

Importing the package registers one Gymnasium id per domain,
``healthgym/<Domain>-v0`` (e.g. ``healthgym/ClinicalDiagnosis-v0``); the domain
itself is loaded only when an environment is made.

Each id is registered with ``max_episode_steps`` equal to the environment's turn limit
(:data:`DEFAULT_MAX_TURNS`, ``HealthGymEnv``'s default ``max_turns``), so ``gym.make``
wraps it in a ``TimeLimit`` of the same length.  A shorter limit
(``gym.make(id, max_episode_steps=N)`` or a ``TimeLimit`` applied by hand) is graded
like the env's own: the episode ends graded on the step the wrapper truncates (see
:mod:`healthgym.env`).  A longer episode needs both: ``gym.make(id, max_turns=50,
max_episode_steps=50)`` (``max_turns`` alone is still cut at the registered limit).
"""

from __future__ import annotations

import gymnasium as gym

from .domains import domain_names

__version__ = "0.1.0"

DEFAULT_MAX_TURNS = 20  # HealthGymEnv's default max_turns (tests check they agree)


def env_name(domain: str) -> str:
    """CamelCase environment name of a domain: clinical_diagnosis -> ClinicalDiagnosis."""
    return "".join(part.capitalize() for part in domain.split("_"))


def env_id(domain: str) -> str:
    return f"healthgym/{env_name(domain)}-v0"


def register_envs() -> list[str]:
    """Register a Gymnasium id for every discovered domain not registered yet (also
    called by :func:`healthgym.domains.rediscover`); returns the new ids."""
    new = []
    for domain in domain_names():
        if env_id(domain) not in gym.registry:
            gym.register(
                id=env_id(domain),
                entry_point="healthgym.env:HealthGymEnv",
                kwargs={"domain": domain},
                max_episode_steps=DEFAULT_MAX_TURNS,
            )
            new.append(env_id(domain))
    return new


register_envs()

__all__ = ["DEFAULT_MAX_TURNS", "__version__", "env_id", "env_name", "register_envs"]
