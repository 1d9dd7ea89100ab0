"""Benchmark scorers: ``(EvalItem, final answer text) -> ScoreResult``.

Scorers never raise on a model's answer, whatever it contains (empty, huge, unicode,
prompt-injection text, SQL that tries to write): a bad answer is an incorrect answer.
"""
