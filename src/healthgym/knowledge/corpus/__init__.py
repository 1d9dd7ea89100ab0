"""Passage generators of the built-in corpus (see :mod:`healthgym.knowledge.builtin`)."""
