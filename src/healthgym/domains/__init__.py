"""Domain registry; each domain package is imported only when first used."""

from __future__ import annotations

import dataclasses
import importlib
from functools import cache

from ..tools.registry import Toolkit
from .base import Domain

# domain name -> module holding DOMAIN
DOMAIN_MODULES: dict[str, str] = {
    "clinical_diagnosis": "healthgym.domains.clinical_diagnosis",
    "drug_interaction": "healthgym.domains.drug_interaction",
    "medical_qa": "healthgym.domains.medical_qa",
    "ehr_management": "healthgym.domains.ehr_management",
    "triage_emergency": "healthgym.domains.triage_emergency",
    "obstetrics": "healthgym.domains.obstetrics",
    "psychiatry": "healthgym.domains.psychiatry",
    "radiology_report": "healthgym.domains.radiology_report",
    "visual_diagnosis": "healthgym.domains.visual_diagnosis",
    "cross_domain": "healthgym.domains.cross_domain",
}


def domain_names() -> list[str]:
    return list(DOMAIN_MODULES)


@cache
def get_domain(name: str) -> Domain:
    """The domain called ``name``; a clear error for an unknown one."""
    if name not in DOMAIN_MODULES:
        raise KeyError(f"unknown domain {name!r}; available: {', '.join(DOMAIN_MODULES)}")
    domain: Domain = importlib.import_module(DOMAIN_MODULES[name]).DOMAIN
    from .shared import shared_tools

    extra = [t for t in shared_tools() if t.name not in domain.toolkit]
    if not extra:
        return domain
    toolkit = Toolkit([*domain.toolkit, *extra], domain=domain.name)
    return dataclasses.replace(domain, toolkit=toolkit)


def resolve_domains(spec: str) -> list[str]:
    """'all' or a comma-separated list -> validated domain names."""
    if spec.strip() == "all":
        return domain_names()
    names = [s.strip() for s in spec.split(",") if s.strip()]
    for n in names:
        if n not in DOMAIN_MODULES:
            raise KeyError(f"unknown domain {n!r}; available: {', '.join(DOMAIN_MODULES)}")
    return names


__all__ = ["DOMAIN_MODULES", "Domain", "domain_names", "get_domain", "resolve_domains"]
