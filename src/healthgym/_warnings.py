"""Known noisy third-party warnings, filtered in one place.

The ``healthgym`` command line installs these filters once at start-up
(:func:`install`); library users keep Python's defaults. Each entry is a warning a
healthgym run triggers on every model run without anything the user can do about it:

* transformers 5.x deprecates the ``past_key_values`` keyword of ``forward`` (a
  ``FutureWarning`` from every model call, and the same notice once through its
  logger); :class:`healthgym.agents.sampler.KVSampler` passes its cache that way, which
  the installed versions still accept.

Anything else keeps its default behaviour, so a new warning still shows.
"""

from __future__ import annotations

import logging
import warnings

# (category, regular expression matched at the start of the message)
NOISY_WARNINGS: tuple[tuple[type[Warning], str], ...] = (
    (FutureWarning, r"`past_key_values` is deprecated"),
)
# (logger name, text the message contains)
NOISY_LOG_MESSAGES: tuple[tuple[str, str], ...] = (
    ("transformers.utils.generic", "`past_key_values`/`cache_params` are deprecated"),
)


class _DropMessages(logging.Filter):
    def __init__(self, texts: tuple[str, ...]) -> None:
        super().__init__()
        self.texts = texts

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(t in message for t in self.texts)


_installed = False


def install() -> None:
    """Filter :data:`NOISY_WARNINGS` and :data:`NOISY_LOG_MESSAGES` (idempotent)."""
    global _installed
    for category, pattern in NOISY_WARNINGS:
        warnings.filterwarnings("ignore", message=pattern, category=category)
    if _installed:
        return
    _installed = True
    by_logger: dict[str, tuple[str, ...]] = {}
    for name, text in NOISY_LOG_MESSAGES:
        by_logger[name] = (*by_logger.get(name, ()), text)
    for name, texts in by_logger.items():
        logging.getLogger(name).addFilter(_DropMessages(texts))
