"""Lesion measurements computed from the pixels alone (never from generator parameters).

* Segmentation: distance of every pixel's colour from the skin colour (the median of
  a 4-px frame around the image); Otsu threshold (Otsu 1979) on log(1 + distance), where
  skin and pigment form two clear modes, largest 8-connected component; then the edge is
  moved to half the rim pigment's contrast (half the median distance 14-20 px inside the
  first edge, so fading and abrupt edges are cut at the same level): pixels above it,
  largest component, holes filled.
* Asymmetry (A): principal axes from the mask's second moments; the mask is mirrored
  about each axis through the centroid and the fraction of the mirrored area falling
  outside the lesion is the mismatch; an axis is asymmetric when the mismatch exceeds
  4.5 % (contour asymmetry; Stolz 1994 also weighs colours and structures, which this
  measure leaves out).
* Border (B): the periphery is cut into 8 segments of 45 degrees clockwise from
  3 o'clock around the centroid; in each, 9 rays over the central 24 degrees sample
  the colour-distance profile across the edge; the median profile's edge width
  (contrast / steepest slope) below 8 px counts the segment as an abrupt cut-off.
* Colours (C): every pixel goes to the nearest of the six reference colours (or skin)
  in RGB.  Stolz's ABCD rule (Stolz 1994; Nachbar F et al. J Am Acad Dermatol
  1994;30:551-559) scores each colour present at all, however small its area, so a
  colour counts when the analysed area holds >= ``COLOUR_MIN_PX`` (4) pixels of it:
  the core (the lesion eroded by 14 px, away from pigment mixed with skin at fading
  edges, which would read as false intermediate colours) plus every dark spot found
  by the structure detector (dots, globules, streaks - streaks lie in the rim).  The
  generator's truth applies the same rule to what it painted (:mod:`.images`).
* Diameter: the largest Feret (caliper) diameter over 360 directions, in mm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ...clinical.guidelines.dermoscopy import COLOURS
from . import imageops as ops
from .images import COLOUR_MIN_PX, CORE_ERODE, REFERENCE_RGB, SKIN_RGB

ASYMMETRY_THRESHOLD = 0.045
ABRUPT_WIDTH_PX = 5.0
RIM_BAND = (14, 20)  # px inside the coarse edge where the rim pigment is sampled
RAY_OFFSETS_DEG = np.linspace(-12.0, 12.0, 9)
PROFILE = np.arange(-20.0, 20.5, 0.5)  # px along the ray, 0 at the segmented edge
CLASS_NAMES: tuple[str, ...] = (*COLOURS, "skin")
CLASS_RGB = np.array([*(REFERENCE_RGB[c] for c in COLOURS), SKIN_RGB], dtype=np.float64)


@dataclass
class Segmentation:
    mask: np.ndarray
    threshold: float  # final cut: half the rim pigment's distance from skin
    otsu_threshold: float  # first, coarse cut
    skin_rgb: tuple[float, float, float]
    distance: np.ndarray  # colour distance from the skin, per pixel
    centroid: tuple[float, float]  # (x, y)
    area_px: int
    components: int  # components above threshold before keeping the largest


@dataclass
class Asymmetry:
    major_axis_deg: float
    mismatch_major: float
    mismatch_minor: float
    score: int


@dataclass
class Border:
    widths_px: list[float]
    abrupt: list[bool]
    score: int = field(init=False)

    def __post_init__(self) -> None:
        self.score = sum(self.abrupt)


def segment(image: np.ndarray) -> Segmentation:
    """Segment the lesion (see the module docstring): Otsu, then half the rim contrast."""
    img = np.asarray(image, dtype=np.float64)
    edges = (img[:4], img[-4:], img[4:-4, :4], img[4:-4, -4:])
    frame = np.concatenate([e.reshape(-1, 3) for e in edges])
    skin = np.median(frame, axis=0)
    dist = np.sqrt(((img - skin) ** 2).sum(axis=2))
    # 1. Otsu on log(1 + distance): skin is one compact mode, every pigment colour the other
    coarse_thr = float(np.expm1(ops.otsu_threshold(np.log1p(dist))))
    coarse, n = ops.largest_component(dist > coarse_thr)
    if not coarse.any():
        raise ValueError("no lesion found in the image")
    # 2. the edge is where the colour is halfway between the skin and the rim pigment
    band = ops.erode(coarse, RIM_BAND[0]) & ~ops.erode(coarse, RIM_BAND[1])
    rim = float(np.median(dist[band])) if band.any() else float(dist[coarse].mean())
    thr = max(rim / 2.0, coarse_thr)
    mask = ops.fill_holes(ops.largest_component(dist > thr)[0])
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        raise ValueError("no lesion found in the image")
    return Segmentation(
        mask=mask,
        threshold=thr,
        otsu_threshold=coarse_thr,
        skin_rgb=(float(skin[0]), float(skin[1]), float(skin[2])),
        distance=dist,
        centroid=(float(xs.mean()), float(ys.mean())),
        area_px=int(mask.sum()),
        components=n,
    )


def principal_axes(mask: np.ndarray) -> tuple[tuple[float, float], np.ndarray]:
    """Centroid (x, y) and the unit vectors of the major and minor axes (rows)."""
    ys, xs = np.nonzero(mask)
    cx, cy = xs.mean(), ys.mean()
    cov = np.cov(np.stack([xs - cx, ys - cy]))
    _, vecs = np.linalg.eigh(cov)
    major, minor = vecs[:, 1], vecs[:, 0]
    return (float(cx), float(cy)), np.stack([major, minor])


def mirror_mismatch(mask: np.ndarray, centre: tuple[float, float], axis: np.ndarray) -> float:
    """Fraction of the lesion that, mirrored about ``axis`` through ``centre``, lands
    outside the lesion (0 for a shape symmetric about that axis)."""
    ys, xs = np.nonzero(mask)
    px, py = xs - centre[0], ys - centre[1]
    along = px * axis[0] + py * axis[1]
    mx = centre[0] + 2 * along * axis[0] - px
    my = centre[1] + 2 * along * axis[1] - py
    inside = ops.bilinear(mask.astype(np.float64), mx, my)
    return float(1.0 - inside.mean())


def asymmetry(mask: np.ndarray) -> Asymmetry:
    centre, axes = principal_axes(mask)
    m_major = mirror_mismatch(mask, centre, axes[0])
    m_minor = mirror_mismatch(mask, centre, axes[1])
    score = int(m_major > ASYMMETRY_THRESHOLD) + int(m_minor > ASYMMETRY_THRESHOLD)
    angle = math.degrees(math.atan2(axes[0][1], axes[0][0])) % 180.0
    return Asymmetry(angle, m_major, m_minor, score)


def _edge_radius(mask: np.ndarray, centre: tuple[float, float], ang: float) -> float:
    steps = np.arange(0.0, 180.0, 0.5)
    x = centre[0] + steps * math.cos(ang)
    y = centre[1] + steps * math.sin(ang)
    ok = (x >= 0) & (x <= mask.shape[1] - 1) & (y >= 0) & (y <= mask.shape[0] - 1)
    inside = np.zeros(len(steps), dtype=bool)
    inside[ok] = mask[np.rint(y[ok]).astype(int), np.rint(x[ok]).astype(int)]
    idx = np.nonzero(inside)[0]
    return float(steps[idx[-1]]) if len(idx) else 0.0


def _crossing(prof: np.ndarray, level: float) -> float:
    """First position (px, from the inside outwards) where the profile falls below level."""
    start = int(np.searchsorted(PROFILE, -10.0))
    below = np.nonzero(prof[start:] < level)[0]
    if len(below) == 0:
        return float(PROFILE[-1])
    i = start + int(below[0])
    if i == 0:
        return float(PROFILE[0])
    y0, y1 = prof[i - 1], prof[i]
    frac = (y0 - level) / (y0 - y1) if y0 != y1 else 0.0
    return float(PROFILE[i - 1] + frac * (PROFILE[i] - PROFILE[i - 1]))


def _rise_width(prof: np.ndarray, inner: float, outer: float) -> float:
    """Distance (px) over which the profile falls from 75 % to 25 % of the edge contrast."""
    contrast = inner - outer
    if contrast <= 0:
        return float("inf")
    return _crossing(prof, outer + 0.25 * contrast) - _crossing(prof, outer + 0.75 * contrast)


def border(seg: Segmentation) -> Border:
    """Edge width per segment and the abrupt/gradual call (see module docstring)."""
    widths, abrupt = [], []
    for k in range(8):
        profiles = []
        for off in RAY_OFFSETS_DEG:
            ang = math.radians(45.0 * k + 22.5 + off)
            rb = _edge_radius(seg.mask, seg.centroid, ang)
            s = rb + PROFILE
            x = seg.centroid[0] + s * math.cos(ang)
            y = seg.centroid[1] + s * math.sin(ang)
            profiles.append(ops.bilinear(seg.distance, x, y))
        prof = np.median(np.array(profiles), axis=0)
        inner = float(np.median(prof[(PROFILE >= -18) & (PROFILE <= -12)]))
        outer = float(np.median(prof[(PROFILE >= 12) & (PROFILE <= 18)]))
        width = _rise_width(prof, inner, outer)
        widths.append(round(width, 2))
        abrupt.append(width < ABRUPT_WIDTH_PX)
    return Border(widths, abrupt)


def classify_colours(image: np.ndarray) -> np.ndarray:
    """Per-pixel index into :data:`CLASS_NAMES` (nearest reference colour in RGB; ties go
    to the first class)."""
    x = np.asarray(image, dtype=np.float32).reshape(-1, 3)
    r, g, b = x[:, 0], x[:, 1], x[:, 2]
    best = np.full(len(x), np.inf, dtype=np.float32)
    out = np.zeros(len(x), dtype=np.int64)
    for k, (cr, cg, cb) in enumerate(CLASS_RGB.astype(np.float32)):
        d = (r - cr) ** 2 + (g - cg) ** 2 + (b - cb) ** 2
        closer = d < best
        best = np.where(closer, d, best)
        out[closer] = k
    return out.reshape(image.shape[:2])


def colour_fractions(labels: np.ndarray, mask: np.ndarray) -> dict[str, float]:
    """Fraction of the lesion core (mask eroded by 14 px) taken by each reference colour."""
    core = ops.erode(mask, CORE_ERODE)
    n = max(int(core.sum()), 1)
    counts = np.bincount(labels[core], minlength=len(CLASS_NAMES))
    return {c: float(counts[i]) / n for i, c in enumerate(COLOURS)}


def colour_pixels(
    labels: np.ndarray, mask: np.ndarray, spots: np.ndarray | None = None
) -> dict[str, int]:
    """Pixels of each reference colour in the analysed area: the lesion core (mask eroded
    by 14 px) plus the dark spots (dots, globules, streaks), wherever they lie."""
    area = ops.erode(mask, CORE_ERODE)
    if spots is not None:
        area = area | (spots & mask)
    counts = np.bincount(labels[area], minlength=len(CLASS_NAMES))
    return {c: int(counts[i]) for i, c in enumerate(COLOURS)}


def colours_present(pixels: dict[str, int]) -> list[str]:
    """The colours present (Stolz: present at all): >= ``COLOUR_MIN_PX`` pixels each."""
    return [c for c in COLOURS if pixels[c] >= COLOUR_MIN_PX]


def feret_diameter_px(mask: np.ndarray) -> tuple[float, float]:
    """Largest Feret diameter (px, pixel edges included) and its direction (degrees)."""
    ys, xs = np.nonzero(mask)
    edge = mask & ~ops.erode(mask, 1)
    ey, ex = np.nonzero(edge) if edge.any() else (ys, xs)
    dirs = np.radians(np.arange(0.0, 180.0, 0.5))
    proj = np.outer(ex, np.cos(dirs)) + np.outer(ey, np.sin(dirs))
    # a pixel is a unit square: its extent along a direction adds |cos| + |sin|
    extent = proj.max(axis=0) - proj.min(axis=0) + np.abs(np.cos(dirs)) + np.abs(np.sin(dirs))
    i = int(np.argmax(extent))
    return float(extent[i]), float(np.degrees(dirs[i]))
