"""Benchmark loaders: public benchmark files -> :class:`~healthgym.eval.items.EvalItem`.

Every loader takes the path of its benchmark's folder (or file) and raises
:class:`~healthgym.datasets.DatasetFormatError` with the file and record named when
the file does not have the published structure, and ``FileNotFoundError`` when it is
missing.  Gold answers go to ``EvalItem.gold`` (and ``meta`` for limits, statements or
SQL); never to ``question``, ``options`` or ``context``.
"""
