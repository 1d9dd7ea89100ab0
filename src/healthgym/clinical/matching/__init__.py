"""One answer-matching layer for every grader: meaning, not wording.

* :mod:`.normalise` - canonical tokens (case, punctuation, US/UK spelling,
  abbreviations, word forms);
* :mod:`.context` - negation and hedging scoped NegEx-style (Chapman et al. 2001);
* :mod:`.concepts` - :class:`ConceptIndex`: concepts named in a text, each negated
  or hedged, longest phrase wins, discordant qualifiers rejected, composites;
* :mod:`.scores` - score names (case-insensitive, synonyms: "MANTRELS" = Alvarado);
* :mod:`.quantities` - doses/rates/intervals as quantities and a reference-band
  matcher.

Disease and treatment vocabularies live in :mod:`healthgym.clinical.diseases.match`
(``match_diagnosis_detail``) and :mod:`healthgym.clinical.treatment_match`
(``treatment_mentions``).
"""

from .concepts import Composite, ConceptIndex, Mention
from .context import annotate
from .normalise import canonical, canonical_phrase
from .quantities import (
    Regimen,
    band_accepts,
    bands_fitting,
    dose_in_band,
    match_band,
    parse_band,
    parse_regimens,
    quantity_close,
)
from .scores import match_score_name

__all__ = [
    "Composite",
    "ConceptIndex",
    "Mention",
    "Regimen",
    "annotate",
    "band_accepts",
    "bands_fitting",
    "canonical",
    "canonical_phrase",
    "dose_in_band",
    "match_band",
    "match_score_name",
    "parse_band",
    "parse_regimens",
    "quantity_close",
]
