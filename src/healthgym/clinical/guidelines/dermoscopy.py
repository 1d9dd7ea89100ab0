"""The dermoscopic ABCD rule: Total Dermoscopy Score and its bands (pure functions).

Stolz W, Riemann A, Cognetta AB, et al. ABCD rule of dermatoscopy: a new practical
method for early recognition of malignant melanoma. Eur J Dermatol. 1994;4:521-527;
Nachbar F, Stolz W, Merkle T, et al. The ABCD rule of dermatoscopy. High prospective
value in the diagnosis of doubtful melanocytic skin lesions. J Am Acad Dermatol.
1994;30(4):551-559.

* A - asymmetry of the lesion about 0, 1 or 2 perpendicular axes (0-2), weight 1.3;
* B - number of the 8 pie segments of the periphery where the pigment pattern ends
  abruptly (0-8), weight 0.1;
* C - number of colours among white, red, light brown, dark brown, blue-grey and black
  (1-6), weight 0.5;
* D - number of differential structures among pigment network, structureless
  (homogeneous) areas, dots, globules and branched streaks (1-5), weight 0.5.

TDS = 1.3 A + 0.1 B + 0.5 C + 0.5 D.  Bands: TDS < 4.75 benign melanocytic lesion;
4.75-5.45 suspicious lesion (close follow-up or excision); > 5.45 highly suspicious for
melanoma.
"""

from __future__ import annotations

from typing import Literal

Band = Literal["benign", "suspicious", "highly_suspicious"]

BANDS: tuple[Band, ...] = ("benign", "suspicious", "highly_suspicious")
BAND_LABELS: dict[str, str] = {
    "benign": "benign (TDS < 4.75)",
    "suspicious": "suspicious (TDS 4.75-5.45)",
    "highly_suspicious": "highly suspicious for melanoma (TDS > 5.45)",
}
COLOURS: tuple[str, ...] = ("white", "red", "light_brown", "dark_brown", "blue_grey", "black")
STRUCTURES: tuple[str, ...] = (
    "pigment_network",
    "structureless_areas",
    "dots",
    "globules",
    "streaks",
)
LOWER_CUT = 4.75
UPPER_CUT = 5.45


def total_dermoscopy_score(asymmetry: int, border: int, colours: int, structures: int) -> float:
    """TDS = 1.3 A + 0.1 B + 0.5 C + 0.5 D (Stolz 1994), rounded to 0.01.

    Raises ``ValueError`` for components outside A 0-2, B 0-8, C 1-6, D 1-5.
    """
    for name, value, lo, hi in (
        ("asymmetry", asymmetry, 0, 2),
        ("border", border, 0, 8),
        ("colours", colours, 1, 6),
        ("structures", structures, 1, 5),
    ):
        if int(value) != value or not lo <= value <= hi:
            raise ValueError(f"{name} must be an integer {lo}-{hi}, got {value!r}")
    return round(1.3 * asymmetry + 0.1 * border + 0.5 * colours + 0.5 * structures, 2)


def tds_band(tds: float) -> Band:
    """Stolz band of a TDS: < 4.75 benign, 4.75-5.45 suspicious, > 5.45 highly suspicious."""
    if tds < LOWER_CUT:
        return "benign"
    if tds <= UPPER_CUT:
        return "suspicious"
    return "highly_suspicious"
