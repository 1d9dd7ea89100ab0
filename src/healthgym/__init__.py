"""healthgym: a Gymnasium environment for multi-turn, tool-using medical agents.

Importing the package registers one Gymnasium id per domain,
``healthgym/<Domain>-v0`` (e.g. ``healthgym/ClinicalDiagnosis-v0``); the domain
itself is loaded only when an environment is made.
"""

from __future__ import annotations

import gymnasium as gym

from .domains import DOMAIN_MODULES

__version__ = "0.1.0"


def env_name(domain: str) -> str:
    """CamelCase environment name of a domain: clinical_diagnosis -> ClinicalDiagnosis."""
    return "".join(part.capitalize() for part in domain.split("_"))


def env_id(domain: str) -> str:
    return f"healthgym/{env_name(domain)}-v0"


for _domain in DOMAIN_MODULES:
    if env_id(_domain) not in gym.registry:
        gym.register(
            id=env_id(_domain),
            entry_point="healthgym.env:HealthGymEnv",
            kwargs={"domain": _domain},
        )

__all__ = ["__version__", "env_id", "env_name"]
