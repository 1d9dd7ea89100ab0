"""Differential structures (the D of the ABCD rule) detected from the pixels.

Definitions follow the dermoscopy consensus (Argenziano G, Soyer HP, Chimenti S, et
al. Dermoscopy of pigmented skin lesions: results of a consensus meeting via the
Internet. J Am Acad Dermatol. 2003;48(5):679-693), made operational for this
generator's images:

* **Dots, globules, streaks** - connected spots (8-connectivity, within the lesion
  eroded by 4 px) whose reference colour is clearly darker (luminance lower by > 15)
  than the colour around them and that cover < 150 px: a *dot* has <= 8 px; a
  *globule* >= 12 px with elongation (square root of the second-moment eigenvalue
  ratio) <= 2; a *streak* >= 12 px, elongation >= 3 and its long axis radial (|cos| >=
  0.85 to the direction from the lesion centroid).  Present: >= 3 dots, >= 2 globules,
  >= 2 streaks.
* **Pigment network** - periodic texture: the luminance minus its 9x9 local mean, on
  the lesion eroded by 8 px away from colour-zone borders and spots, has a local RMS
  (13x13) above 5.5 on >= 5 % of that area, *and* the masked autocorrelation of that
  textured region peaks >= 0.3 at a lag of 5-16 px (a lattice repeats; noise and
  isolated spots do not).
* **Structureless areas** - >= 10 % of the analysable lesion area shows no texture
  (local RMS <= 5.5) and no spots.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...clinical.guidelines.dermoscopy import STRUCTURES
from . import imageops as ops
from .images import REFERENCE_RGB, SKIN_RGB, STRUCTURELESS_MIN_FRACTION, TEXTURE_ERODE, luminance
from .measure_lesion import CLASS_NAMES

SPOT_MAX_AREA = 150
DOT_MAX_AREA = 8
BLOB_MIN_AREA = 12
DARKER_BY = 15.0
TEXTURE_RMS = 5.5
NETWORK_MIN_FRACTION = 0.05
PERIODIC_MIN = 0.3
LAG_RANGE = (5.0, 16.0)
MIN_COUNTS = {"dots": 3, "globules": 2, "streaks": 2}
_CLASS_LUM = np.array(
    [luminance(REFERENCE_RGB[c]) for c in CLASS_NAMES[:-1]] + [luminance(SKIN_RGB)]
)


@dataclass
class Structures:
    counts: dict[str, int]  # dots, globules, streaks
    network_fraction: float  # textured fraction of the analysable area
    periodicity: float  # autocorrelation peak of the textured region
    period_px: float
    structureless_fraction: float
    present: list[str]
    spots: np.ndarray | None = None  # every dark spot (dot, globule, streak or other)


def find_spots(
    labels: np.ndarray, mask: np.ndarray, centroid: tuple[float, float]
) -> tuple[dict[str, int], np.ndarray]:
    """Count dots, globules and streaks; also return the mask of every dark spot."""
    inner = ops.erode(mask, 4)
    counts = {"dots": 0, "globules": 0, "streaks": 0}
    spots = np.zeros(mask.shape, dtype=bool)
    h, w = mask.shape
    for cls in range(len(CLASS_NAMES) - 1):
        comp, n = ops.label((labels == cls) & inner, 8)
        if n == 0:
            continue
        flat = np.flatnonzero(comp)
        ids = comp.ravel()[flat]
        order = np.argsort(ids, kind="stable")
        flat, ids = flat[order], ids[order]
        starts = np.searchsorted(ids, np.arange(1, n + 2))
        for k in range(1, n + 1):
            a, b = starts[k - 1], starts[k]
            if not 0 < b - a < SPOT_MAX_AREA:
                continue
            ys, xs = np.divmod(flat[a:b], w)
            y0, y1 = max(ys.min() - 2, 0), min(ys.max() + 3, h)
            x0, x1 = max(xs.min() - 2, 0), min(xs.max() + 3, w)
            window = labels[y0:y1, x0:x1]
            ring = (comp[y0:y1, x0:x1] != k) & inner[y0:y1, x0:x1]
            if not ring.any():
                continue
            around = int(np.bincount(window[ring], minlength=len(CLASS_NAMES)).argmax())
            if _CLASS_LUM[cls] >= _CLASS_LUM[around] - DARKER_BY:
                continue
            spots[ys, xs] = True
            area = len(xs)
            cx, cy, elong, angle = ops.component_stats(ys, xs)
            if area <= DOT_MAX_AREA:
                counts["dots"] += 1
            elif area >= BLOB_MIN_AREA and elong <= 2.0:
                counts["globules"] += 1
            elif area >= BLOB_MIN_AREA and elong >= 3.0:
                radial = np.array([cx - centroid[0], cy - centroid[1]])
                norm = float(np.hypot(*radial))
                if norm > 0:
                    c = abs(np.cos(angle) * radial[0] + np.sin(angle) * radial[1]) / norm
                    if c >= 0.85:
                        counts["streaks"] += 1
    return counts, spots


def _slide(a: np.ndarray, r: int, fn: np.ufunc) -> np.ndarray:
    """Separable running min or max over a (2r+1)^2 window (edges padded by repetition)."""
    out = a
    for axis in (0, 1):
        pad = [(0, 0), (0, 0)]
        pad[axis] = (r, r)
        p = np.pad(out, pad, mode="edge")
        n = a.shape[axis]
        acc = np.take(p, range(0, n), axis=axis)
        for k in range(1, 2 * r + 1):
            acc = fn(acc, np.take(p, range(k, k + n), axis=axis))
        out = acc
    return out


def zone_borders(labels: np.ndarray, r: int = 4) -> np.ndarray:
    """Pixels whose (2r+1)^2 neighbourhood holds more than one colour class."""
    return _slide(labels, r, np.maximum) != _slide(labels, r, np.minimum)


def masked_autocorrelation(values: np.ndarray, region: np.ndarray, max_lag: int) -> np.ndarray:
    """Normalised autocorrelation of ``values`` over ``region`` for lags up to ``max_lag``
    (a (2L+1)^2 array, zero lag in the centre), by FFT over the region's bounding box."""
    ys, xs = np.nonzero(region)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    m = region[y0:y1, x0:x1].astype(np.float64)
    v = np.where(m > 0, values[y0:y1, x0:x1], 0.0)
    shape = (y1 - y0 + max_lag + 1, x1 - x0 + max_lag + 1)  # padding enough for |lag| <= L
    fv, fm, fv2 = (np.fft.rfft2(a, shape) for a in (v, m, v * v))

    def corr(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        full = np.fft.irfft2(a * np.conj(b), shape)
        return np.roll(full, (max_lag, max_lag), axis=(0, 1))[: 2 * max_lag + 1, : 2 * max_lag + 1]

    num, e1, e2, overlap = corr(fv, fv), corr(fv2, fm), corr(fm, fv2), corr(fm, fm)
    with np.errstate(divide="ignore", invalid="ignore"):
        ac = num / np.sqrt(np.clip(e1, 1e-9, None) * np.clip(e2, 1e-9, None))
    ac[overlap < 200] = 0.0
    return np.nan_to_num(ac)


def detect_structures(
    image: np.ndarray, mask: np.ndarray, labels: np.ndarray, centroid: tuple[float, float]
) -> Structures:
    counts, spots = find_spots(labels, mask, centroid)
    lum = luminance(np.asarray(image, dtype=np.float64))
    valid = ops.erode(mask, TEXTURE_ERODE) & ~ops.dilate(spots, 5) & ~zone_borders(labels)
    high = lum - ops.box_mean(lum, 4)
    wsum = ops.box_sum(valid.astype(np.float64), 6)
    energy = ops.box_sum(high**2 * valid, 6) / np.maximum(wsum, 1.0)
    rms = np.sqrt(np.clip(energy, 0.0, None))
    n_valid = max(int(valid.sum()), 1)
    textured = valid & (rms > TEXTURE_RMS) & (wsum >= 0.3 * 169)
    smooth = valid & ~textured
    net_fraction = float(textured.sum()) / n_valid
    periodicity, period = 0.0, 0.0
    if net_fraction >= NETWORK_MIN_FRACTION:
        lmax = int(LAG_RANGE[1])
        ac = masked_autocorrelation(high, textured, lmax)
        dy, dx = np.mgrid[-lmax : lmax + 1, -lmax : lmax + 1]
        lag = np.hypot(dy, dx)
        band = (lag >= LAG_RANGE[0]) & (lag <= LAG_RANGE[1])
        periodicity = float(np.where(band, ac, -1.0).max())
        # the lattice period: the shortest lag nearly as correlated as the best one
        period = float(lag[band & (ac >= 0.9 * periodicity)].min())
    structureless = float(smooth.sum()) / n_valid
    present = {
        "pigment_network": net_fraction >= NETWORK_MIN_FRACTION and periodicity >= PERIODIC_MIN,
        "structureless_areas": structureless >= STRUCTURELESS_MIN_FRACTION,
        **{k: counts[k] >= MIN_COUNTS[k] for k in MIN_COUNTS},
    }
    return Structures(
        counts=counts,
        network_fraction=round(net_fraction, 4),
        periodicity=round(periodicity, 3),
        period_px=round(period, 1),
        structureless_fraction=round(structureless, 4),
        present=[s for s in STRUCTURES if present[s]],
        spots=spots,
    )
