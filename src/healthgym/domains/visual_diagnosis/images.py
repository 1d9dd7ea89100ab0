"""Seeded generator of dermoscopy-like lesion images with known ABCD ground truth.

A lesion is a closed contour ``r(theta)`` around a centre: an ellipse (aspect
1.15-1.35, random orientation) times ``1 + c4 cos 4t`` (symmetric about both of its
axes), plus odd harmonics that break mirror symmetry on purpose: ``a3 cos 3t (+ a1 cos
t)`` keeps the symmetry about the long axis and breaks it about the short one (A = 1);
adding ``b3 sin 3t`` breaks both (A = 2).  The pigment fades into the skin with a
sigmoid whose width is set per 45-degree segment (counted clockwise from 3 o'clock
around the lesion's centroid): about 0.35 px where the pattern ends abruptly, 4-6 px
where it fades (B = number of abrupt segments).  A 22-px rim is light or dark brown;
the interior is split into angular sectors painted with the other colours (C = number
of zone colours).  Structures (D) are drawn as the generator knows them: a lattice
pigment network (lines darkened by 15 %) on light-brown zones, everywhere or on one
half of the lesion; small dots (2-7 px) and globules (about 25 px) in the design's spot
colour, placed only on zones that colour is clearly darker than (dark brown on the
lighter zones, black on dark brown); 3-6 radial streaks in the rim, in the colour
darker than the rim; everything the network does not cover is structureless.  Skin
colour, shading and sensor noise (sigma 3 per channel) are seeded.  The pixel scale
follows from the drawn diameter (3-12 mm over the contour's largest Feret diameter).

The ground truth comes from these parameters: A and B from the design, C from the
painted colours, D from what was drawn (a network when it covers >= 10 % of the lesion
core, structureless when >= 10 % of the core has none).

Colours (C) follow Stolz's ABCD rule (Stolz W et al. Eur J Dermatol 1994;4:521-527;
Nachbar F et al. J Am Acad Dermatol 1994;30:551-559): each of white, red, light brown,
dark brown, blue-grey and black scores one point when it is present at all, whatever
its area - the dark-brown or black of dots, globules and streaks included.  "Present"
is made operational as at least ``COLOUR_MIN_PX`` = 4 pixels of the colour (about one
small dot; 0.001-0.02 mm2 at this generator's 0.017-0.075 mm/px) in the analysed
area: the lesion core (the lesion eroded by 14 px, which leaves out the fading edge
where pigment is mixed with skin and would read as false intermediate colours) plus
every dot, globule and streak wherever it lies.  Nothing else can produce 4 pixels of a
colour there: zones and structures are painted with hard edges, and the sensor noise
(sigma 3 per channel) is more than ten sigma from the midpoint between any two
reference colours.  The measuring tool applies the same rule to its own segmentation
and spot detection (:mod:`.measure_lesion`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

import numpy as np

from ...clinical.guidelines.dermoscopy import COLOURS, STRUCTURES, tds_band, total_dermoscopy_score
from . import imageops as ops

SIZE = 256
RIM_PX = 22.0
ABRUPT_WIDTH = 0.35
BLEND_DEG = 3.0
CORE_ERODE = 14  # colour counting ignores the outer 14 px (pigment mixed with skin)
TEXTURE_ERODE = 8
COLOUR_MIN_PX = 4  # a colour is present when it has >= 4 px in the analysed area (Stolz)
STRUCTURELESS_MIN_FRACTION = 0.10
NETWORK_MIN_FRACTION = 0.10
NOISE_SIGMA = 3.0

REFERENCE_RGB: dict[str, tuple[int, int, int]] = {
    "white": (236, 234, 230),
    "red": (196, 58, 62),
    "light_brown": (186, 128, 78),
    "dark_brown": (104, 58, 34),
    "blue_grey": (104, 122, 148),
    "black": (34, 30, 32),
}
SKIN_RGB = (232, 190, 165)


def luminance(rgb: tuple[float, float, float] | np.ndarray) -> Any:
    """Relative luminance weights of ITU-R BT.709 on (gamma-encoded) sRGB values."""
    r, g, b = (np.asarray(rgb, dtype=float)[..., i] for i in range(3))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@dataclass(frozen=True)
class LesionParams:
    """Everything the renderer needs; the seed drives noise and structure placement."""

    seed: int
    cx: float
    cy: float
    r0: float
    aspect: float
    rotation: float
    a1: float
    a3: float
    b3: float
    c4: float
    asymmetry: int
    abrupt: tuple[bool, ...]
    gradual_width: float
    colours: tuple[str, ...]  # zone colours, the rim colour first
    sectors: tuple[str, ...]  # interior sector colours, clockwise
    sector_rotation: float
    network: str  # "none", "full" or "partial"
    network_angle: float
    network_period: float
    network_rotation: float
    n_dots: int
    n_globules: int
    n_streaks: int
    streak_angle: float
    diameter_mm: float
    skin: tuple[int, int, int]
    spot_colour: str = ""  # colour of every dot and globule ("" when there are none)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LesionParams:
        d = dict(d)
        for key in ("abrupt", "colours", "sectors", "skin"):
            d[key] = tuple(d[key])
        return cls(**d)


@dataclass
class LesionImage:
    image: np.ndarray  # uint8 (SIZE, SIZE, 3)
    scale_mm_per_px: float
    truth: dict[str, Any]
    ideal_mask: np.ndarray  # the contour r(theta) on the pixel grid, without blur or noise
    colour_fractions: dict[str, float]  # share of the lesion core painted in each colour
    structureless_fraction: float
    network_fraction: float
    colour_pixels: dict[str, int] | None = None  # pixels of each colour in the analysed area


def radius_cs(p: LesionParams, c: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Contour radius (px) in the direction (cos, sin) = (c, s) from the generator centre."""
    cr, sr = math.cos(p.rotation), math.sin(p.rotation)
    ct, st = c * cr + s * sr, s * cr - c * sr  # cos, sin of (theta - rotation)
    ax, ay = p.r0 * math.sqrt(p.aspect), p.r0 / math.sqrt(p.aspect)
    ellipse = 1.0 / np.sqrt((ct / ax) ** 2 + (st / ay) ** 2)
    ct2 = ct * ct
    cos3, sin3 = ct * (4 * ct2 - 3), st * (3 - 4 * st * st)
    cos4 = 8 * ct2 * ct2 - 8 * ct2 + 1
    return ellipse * (1 + p.c4 * cos4 + p.a1 * ct + p.a3 * cos3 + p.b3 * sin3)


def radius(p: LesionParams, theta: np.ndarray) -> np.ndarray:
    """Contour radius (px) at image angle ``theta`` around the generator centre."""
    return radius_cs(p, np.cos(theta), np.sin(theta))


def contour_feret_px(p: LesionParams) -> float:
    """Largest Feret diameter (px) of the contour (720 contour points, 360 directions)."""
    th = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    r = radius(p, th)
    pts = np.stack([r * np.cos(th), r * np.sin(th)], axis=1)
    dirs = np.linspace(0, np.pi, 360, endpoint=False)
    proj = pts @ np.stack([np.cos(dirs), np.sin(dirs)])
    return float((proj.max(axis=0) - proj.min(axis=0)).max())


def segment_of(angle_rad: np.ndarray) -> np.ndarray:
    """Index 0-7 of the 45-degree segment (clockwise from 3 o'clock; y points down)."""
    return (np.floor(np.mod(np.degrees(angle_rad), 360.0) / 45.0).astype(int)) % 8


def _edge_width(p: LesionParams, theta1: np.ndarray) -> np.ndarray:
    """Sigmoid width per pixel: by segment, blended over +-3 degrees at segment edges."""
    widths = np.array([ABRUPT_WIDTH if a else p.gradual_width for a in p.abrupt])
    deg = np.mod(np.degrees(theta1), 360.0)
    seg = (np.floor(deg / 45.0).astype(int)) % 8
    w = widths[seg]
    into = deg - seg * 45.0  # degrees into the segment
    nxt = widths[(seg + 1) % 8]
    prv = widths[(seg - 1) % 8]
    lo = np.clip((BLEND_DEG - into) / (2 * BLEND_DEG), 0, 0.5)
    hi = np.clip((into - 45.0 + BLEND_DEG) / (2 * BLEND_DEG), 0, 0.5)
    return w * (1 - lo - hi) + prv * lo + nxt * hi


def darker_colour(zone: str) -> str | None:
    """Colour a dot/globule/streak is drawn in on a zone (must be clearly darker)."""
    if zone == "black":
        return None
    dark = REFERENCE_RGB["dark_brown"]
    if luminance(REFERENCE_RGB[zone]) > luminance(dark) + 15:
        return "dark_brown"
    return "black"


def _disk(centre: tuple[float, float], rad: float) -> tuple[np.ndarray, np.ndarray]:
    cx, cy = centre
    n = math.ceil(rad) + 1
    ys, xs = np.mgrid[int(cy) - n : int(cy) + n + 1, int(cx) - n : int(cx) + n + 1]
    keep = (xs - cx) ** 2 + (ys - cy) ** 2 <= rad**2
    return ys[keep], xs[keep]


def _segment_pixels(
    a: tuple[float, float], b: tuple[float, float], half_width: float
) -> tuple[np.ndarray, np.ndarray]:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    m = int(half_width) + 2
    ys, xs = np.mgrid[int(y0) - m : int(y1) + m + 1, int(x0) - m : int(x1) + m + 1]
    ab = np.array([b[0] - a[0], b[1] - a[1]])
    t = np.clip(((xs - a[0]) * ab[0] + (ys - a[1]) * ab[1]) / (ab @ ab), 0, 1)
    d2 = (xs - a[0] - t * ab[0]) ** 2 + (ys - a[1] - t * ab[1]) ** 2
    keep = d2 <= half_width**2
    return ys[keep], xs[keep]


def _place_structures(
    p: LesionParams,
    rng: np.random.Generator,
    zone_of: np.ndarray,
    names: list[str],
    theta: np.ndarray,
    depth: np.ndarray,
) -> tuple[list[tuple[np.ndarray, np.ndarray, str, str]], dict[str, int]]:
    """Pixels of every dot, globule and streak: (ys, xs, kind, colour)."""
    placed: list[tuple[np.ndarray, np.ndarray, str, str]] = []
    centres: list[tuple[float, float]] = []
    drawn = {"dots": 0, "globules": 0, "streaks": 0}
    k = len(p.sectors)
    for kind, count, rad in (("globules", p.n_globules, 2.9), ("dots", p.n_dots, 1.2)):
        for _ in range(400):
            if drawn[kind] >= count:
                break
            x, y = rng.uniform(p.cx - 70, p.cx + 70), rng.uniform(p.cy - 70, p.cy + 70)
            xi, yi = round(x), round(y)
            if not (0 <= xi < SIZE and 0 <= yi < SIZE) or depth[yi, xi] < RIM_PX + 7:
                continue
            rho = math.hypot(x - p.cx, y - p.cy)
            if rho < 7 or any(math.hypot(x - a, y - b) < 10 for a, b in centres):
                continue
            if k > 1:  # keep off the sector borders
                ang = (theta[yi, xi] - p.sector_rotation) % (2 * np.pi / k)
                if rho * math.sin(min(ang, 2 * np.pi / k - ang, np.pi / 2)) < 6:
                    continue
            colour = darker_colour(names[zone_of[yi, xi]])
            if colour is None or (p.spot_colour and colour != p.spot_colour):
                continue
            radius_px = rad * rng.uniform(0.92, 1.1)
            ys, xs = _disk((x, y), radius_px)
            placed.append((ys, xs, kind, colour))
            centres.append((x, y))
            drawn[kind] += 1
    rim_colour = darker_colour(p.colours[0])
    assert rim_colour is not None
    angles = p.streak_angle + np.radians(np.arange(p.n_streaks) * 9.0)
    for ang in angles:
        r = float(radius(p, np.array([ang]))[0])
        a = (p.cx + (r - 18) * math.cos(ang), p.cy + (r - 18) * math.sin(ang))
        b = (p.cx + (r - 4) * math.cos(ang), p.cy + (r - 4) * math.sin(ang))
        ys, xs = _segment_pixels(a, b, 1.0)
        placed.append((ys, xs, "streaks", rim_colour))
        drawn["streaks"] += 1
    return placed, drawn


@cache
def _grid() -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    ys.flags.writeable = xs.flags.writeable = False
    return ys, xs


def render_lesion(p: LesionParams, with_truth: bool = True) -> LesionImage:
    """Draw the lesion of ``p`` (deterministic) and, unless told not to, its ground truth."""
    rng = np.random.default_rng(p.seed)
    ys, xs = _grid()
    dx, dy = xs - np.float32(p.cx), ys - np.float32(p.cy)
    rho = np.hypot(dx, dy)
    safe = np.maximum(rho, np.float32(1e-6))
    depth = radius_cs(p, dx / safe, dy / safe) - rho
    ideal = depth >= 0
    c1x, c1y = float(xs[ideal].mean()), float(ys[ideal].mean())
    theta = np.arctan2(dy, dx)

    # colour zones: the rim, then interior sectors
    names = list(dict.fromkeys([p.colours[0], *p.sectors]))
    index = {n: i for i, n in enumerate(names)}
    k = len(p.sectors)
    sector = (np.mod(theta - p.sector_rotation, 2 * np.pi) * (k / (2 * np.pi))).astype(int)
    sector_zone = np.array([index[s] for s in p.sectors])[np.clip(sector, 0, k - 1)]
    zone_of = np.where(depth < RIM_PX, index[p.colours[0]], sector_zone)
    palette = np.array([REFERENCE_RGB[n] for n in names], dtype=np.float32)
    colour = palette[zone_of]
    painted = np.array([COLOURS.index(n) for n in names])[zone_of]

    # pigment network on light-brown zones: a warped lattice, lines darkened by 15 %
    network = np.zeros((SIZE, SIZE), dtype=bool)
    if p.network != "none":
        network = zone_of == index["light_brown"]
        if p.network == "partial":
            network &= np.cos(theta - p.network_angle) > 0
        ny, nx = np.nonzero(network)
        c, s = math.cos(p.network_rotation), math.sin(p.network_rotation)
        u = nx * c + ny * s + 1.5 * np.sin(ny / 13.0)
        v = -nx * s + ny * c + 1.5 * np.sin(nx / 11.0)
        per = p.network_period
        du = np.abs((u / per) % 1.0 - 0.5) * per  # distance from the cell centre line
        dv = np.abs((v / per) % 1.0 - 0.5) * per
        line = np.clip(np.maximum(du, dv) - (per / 2 - 1.4), 0, None) / 1.4
        colour[ny, nx] *= (1 - 0.15 * line)[:, None]

    structures, drawn = _place_structures(p, rng, zone_of, names, theta, depth)
    structure_mask = np.zeros((SIZE, SIZE), dtype=bool)
    for sy, sx, _, col in structures:
        colour[sy, sx] = REFERENCE_RGB[col]
        painted[sy, sx] = COLOURS.index(col)
        structure_mask[sy, sx] = True

    # composite onto skin: sigmoid edge with a per-segment width (within 40 px of the edge)
    alpha = ideal.astype(np.float32)
    near = np.abs(depth) < 40
    edge_angle = np.arctan2(ys[near] - c1y, xs[near] - c1x)
    alpha[near] = 1.0 / (1.0 + np.exp(-depth[near] / _edge_width(p, edge_angle)))
    row = np.cos(np.arange(SIZE) / 71.0)[:, None]
    col_ = np.sin(np.arange(SIZE) / 57.0 + p.seed % 7)[None, :]
    shade = 1.0 + 0.03 * row * col_
    skin = (np.array(p.skin, dtype=np.float32) * shade[..., None]).astype(np.float32)
    a3 = alpha[..., None]
    img = a3 * colour + (1 - a3) * skin
    img += NOISE_SIGMA * rng.standard_normal(img.shape, dtype=np.float32)
    image = np.clip(np.rint(img), 0, 255).astype(np.uint8)

    scale = p.diameter_mm / contour_feret_px(p)
    if not with_truth:
        return LesionImage(image, scale, {}, ideal, {}, 0.0, 0.0)

    # ground truth from what was drawn
    core = ops.erode(ideal, CORE_ERODE)
    n_core = max(int(core.sum()), 1)
    fractions = {
        name: float(np.count_nonzero(painted[core] == i)) / n_core for i, name in enumerate(COLOURS)
    }
    analysed = core | structure_mask  # the core plus every structure (see the docstring)
    pixels = {name: int(np.count_nonzero(painted[analysed] == i)) for i, name in enumerate(COLOURS)}
    colours_present = [c for c in COLOURS if pixels[c] >= COLOUR_MIN_PX]
    tex = ops.erode(ideal, TEXTURE_ERODE) & ~ops.dilate(structure_mask, 2)
    n_tex = max(int(tex.sum()), 1)
    free = float(np.count_nonzero(tex & ~network)) / n_tex
    covered = float(np.count_nonzero(tex & network)) / n_tex
    present = {
        "pigment_network": covered >= NETWORK_MIN_FRACTION,
        "structureless_areas": free >= STRUCTURELESS_MIN_FRACTION,
        "dots": drawn["dots"] > 0,
        "globules": drawn["globules"] > 0,
        "streaks": drawn["streaks"] > 0,
    }
    structures_present = [s for s in STRUCTURES if present[s]]
    a, b = p.asymmetry, sum(p.abrupt)
    tds = total_dermoscopy_score(a, b, len(colours_present), len(structures_present))
    truth = {
        "asymmetry": a,
        "border": b,
        "abrupt_segments": [i + 1 for i, x in enumerate(p.abrupt) if x],
        "colours": colours_present,
        "structures": structures_present,
        "structure_counts": drawn,
        "tds": tds,
        "band": tds_band(tds),
        "diameter_mm": round(p.diameter_mm, 2),
    }
    return LesionImage(image, scale, truth, ideal, fractions, free, covered, pixels)
