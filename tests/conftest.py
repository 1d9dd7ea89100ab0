"""Test-suite settings: hypothesis runs derandomized so every run checks the same cases."""

from hypothesis import settings

settings.register_profile("healthgym", derandomize=True, deadline=None)
settings.load_profile("healthgym")
