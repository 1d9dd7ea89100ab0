"""visual_diagnosis image tools against hand-computed expectations: PNG, image
operations, the ABCD measurements on drawn shapes, and the TDS (Stolz 1994)."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest

from healthgym.clinical.guidelines.dermoscopy import tds_band, total_dermoscopy_score
from healthgym.domains.visual_diagnosis import imageops as ops
from healthgym.domains.visual_diagnosis import measure_lesion as ml
from healthgym.domains.visual_diagnosis import measure_structures as ms
from healthgym.domains.visual_diagnosis import tools_lesion as tl
from healthgym.domains.visual_diagnosis.images import REFERENCE_RGB, SKIN_RGB
from healthgym.domains.visual_diagnosis.png import decode_png, encode_png
from healthgym.domains.visual_diagnosis.records import VisualState
from healthgym.tools import ArgumentError, validate_arguments

YS, XS = np.mgrid[0:256, 0:256].astype(np.float64)


# ------------------------------------------------------------------------------ PNG


def _png(pixels: np.ndarray, filters: list[int]) -> bytes:
    """A PNG written with the given filter type per line (independent of encode_png)."""
    h, w, c = pixels.shape
    rows = pixels.reshape(h, w * c).astype(int)
    raw = bytearray()
    for y in range(h):
        cur, up = rows[y], rows[y - 1] if y else np.zeros(w * c, int)
        left = np.concatenate([np.zeros(c, int), cur[:-c]])
        ul = np.concatenate([np.zeros(c, int), up[:-c]])
        if filters[y] == 0:
            out = cur
        elif filters[y] == 1:
            out = cur - left
        elif filters[y] == 2:
            out = cur - up
        elif filters[y] == 3:
            out = cur - (left + up) // 2
        else:
            p = left + up - ul
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
            pred = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, ul))
            out = cur - pred
        raw += bytes([filters[y]]) + bytes((out % 256).astype(np.uint8))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    head = struct.pack(">IIBBBBB", w, h, 8, 2 if c == 3 else 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(bytes(raw)))
        + chunk(b"IEND", b"")
    )  # fmt: skip


def test_png_round_trip_and_every_filter_type():
    rng = np.random.default_rng(0)
    rgb = rng.integers(0, 256, (5, 7, 3), dtype=np.uint8)
    grey = rng.integers(0, 256, (4, 9), dtype=np.uint8)
    assert np.array_equal(decode_png(encode_png(rgb)), rgb)
    assert np.array_equal(decode_png(encode_png(grey)), grey)
    assert encode_png(rgb).startswith(b"\x89PNG\r\n\x1a\n")
    assert np.array_equal(decode_png(_png(rgb, [0, 1, 2, 3, 4])), rgb)
    assert np.array_equal(decode_png(_png(grey[..., None], [4, 3, 2, 1])), grey)


def test_png_errors_are_clear():
    blob = bytearray(encode_png(np.zeros((2, 2, 3), np.uint8)))
    with pytest.raises(ValueError, match="signature"):
        decode_png(b"GIF89a" + bytes(blob[6:]))
    blob[20] ^= 0xFF  # corrupt the IHDR payload
    with pytest.raises(ValueError, match="CRC"):
        decode_png(bytes(blob))
    with pytest.raises(ValueError, match="uint8"):
        encode_png(np.zeros((2, 2), np.float32))


# ------------------------------------------------------------------ image operations


def test_box_sum_matches_brute_force():
    a = np.random.default_rng(1).random((7, 9))
    for r in (1, 2):
        brute = np.array(
            [[a[max(y - r, 0) : y + r + 1, max(x - r, 0) : x + r + 1].sum() for x in range(9)]
             for y in range(7)]
        )  # fmt: skip
        assert np.allclose(ops.box_sum(a, r), brute)


def test_otsu_splits_two_modes():
    values = np.concatenate([np.full(500, 10.0), np.full(300, 200.0)])
    t = ops.otsu_threshold(values)
    assert 10 < t <= 200
    assert ((values > t) == (values == 200)).all()


def test_labelling_four_and_eight_connectivity():
    m = np.array(
        [[1, 1, 0, 0, 1],
         [0, 1, 0, 1, 0],
         [0, 0, 0, 0, 0],
         [1, 0, 1, 1, 1]], dtype=bool,
    )  # fmt: skip
    lab8, n8 = ops.label(m, 8)
    lab4, n4 = ops.label(m, 4)
    assert n8 == 4 and n4 == 5  # the diagonal pair joins only with 8-connectivity
    assert lab8[0, 4] == lab8[1, 3] and lab4[0, 4] != lab4[1, 3]
    assert sorted(np.bincount(lab8.ravel())[1:]) == [1, 2, 3, 3]
    big, n = ops.largest_component(m)
    assert n == 4 and big.sum() == 3


def test_fill_holes_erode_dilate_bilinear():
    ring = np.zeros((5, 5), bool)
    ring[1:4, 1:4] = True
    ring[2, 2] = False
    assert ops.fill_holes(ring)[2, 2]
    c_shape = ring.copy()
    c_shape[2, 3] = False  # opened to the outside through (2, 4)
    c_shape[2, 4] = False
    assert not ops.fill_holes(c_shape)[2, 2]
    sq = np.zeros((7, 7), bool)
    sq[1:6, 1:6] = True
    assert ops.erode(sq, 1).sum() == 9
    dot = np.zeros((7, 7), bool)
    dot[3, 3] = True
    assert ops.dilate(dot, 2).sum() == 13  # a city-block diamond of radius 2
    img = np.array([[0.0, 1.0], [2.0, 3.0]])
    assert ops.bilinear(img, np.array([0.5]), np.array([0.5]))[0] == pytest.approx(1.5)


# ------------------------------------------------------------- drawn test lesions


def _draw(mask_depth: np.ndarray, colour: np.ndarray, width: float | np.ndarray) -> np.ndarray:
    """Composite a lesion (signed depth inside its edge, px) onto plain skin."""
    alpha = 1 / (1 + np.exp(-np.clip(mask_depth / width, -40, 40)))
    img = alpha[..., None] * colour + (1 - alpha[..., None]) * np.array(SKIN_RGB, float)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


def _disk_depth(r: float = 50.0) -> np.ndarray:
    return r - np.hypot(XS - 128, YS - 128)


def _flat(name: str) -> np.ndarray:
    return np.broadcast_to(np.array(REFERENCE_RGB[name], float), (256, 256, 3))


def _state(image: np.ndarray, scale: float = 0.05) -> VisualState:
    return VisualState("lesion", 50, "female", image=image, scale_mm_per_px=scale)


def test_sharp_disk_segmentation_symmetry_border_diameter_and_colour():
    img = _draw(_disk_depth(50), _flat("dark_brown"), 0.35)
    seg = ml.segment(img)
    assert seg.area_px == pytest.approx(np.pi * 50**2, rel=0.02)
    assert seg.centroid == pytest.approx((128, 128), abs=0.2)
    a = ml.asymmetry(seg.mask)
    assert a.score == 0 and max(a.mismatch_major, a.mismatch_minor) < 0.02
    b = ml.border(seg)
    assert b.score == 8 and max(b.widths_px) < 3  # abrupt everywhere
    feret, _ = ml.feret_diameter_px(seg.mask)
    assert feret == pytest.approx(100, abs=2)  # the disk's diameter
    fr = ml.colour_fractions(ml.classify_colours(img), seg.mask)
    px = ml.colour_pixels(ml.classify_colours(img), seg.mask)
    assert ml.colours_present(px) == ["dark_brown"] and fr["dark_brown"] > 0.99
    out = tl.measure_diameter(_state(img, 0.05))
    assert out.startswith(f"Largest Feret diameter {round(feret * 0.05, 1):.1f} mm")


def test_fading_edge_is_gradual_and_half_abrupt_border_scores_four():
    fading = ml.border(ml.segment(_draw(_disk_depth(50), _flat("light_brown"), 5.0)))
    assert fading.score == 0 and min(fading.widths_px) > 8  # 75-25 % width = 2.2 w
    # abrupt below the centre (segments 1-4 run clockwise from 3 o'clock, y points down)
    width = np.where(YS > 128, 0.35, 5.0)
    half = ml.border(ml.segment(_draw(_disk_depth(50), _flat("light_brown"), width)))
    assert half.abrupt == [True] * 4 + [False] * 4
    out = tl.assess_border(_state(_draw(_disk_depth(50), _flat("light_brown"), width)))
    assert out.endswith("in 4 of 8 segments (border score B = 4).")


def test_asymmetry_of_half_disk_and_scalene_triangle():
    half_disk = (_disk_depth(60) >= 0) & (YS >= 128)
    a = ml.asymmetry(half_disk)
    assert a.score == 1  # mirror-symmetric about its axis of symmetry only
    # a 3-4-5 right triangle has no mirror symmetry at all
    tri = (XS >= 60) & (YS <= 200) & ((XS - 60) / 120 + (200 - YS) / 160 <= 1)
    t = ml.asymmetry(tri)
    assert t.score == 2 and min(t.mismatch_major, t.mismatch_minor) > 0.05


def test_two_colour_lesion_counts_two_colours():
    colour = np.where((XS < 128)[..., None], _flat("light_brown"), _flat("blue_grey"))
    img = _draw(_disk_depth(60), colour, 0.35)
    out = tl.count_colours(_state(img))
    assert "Colours present (>= 4 px): light brown, blue grey (colour score C = 2)." in out
    fr = ml.colour_fractions(ml.classify_colours(img), ml.segment(img).mask)
    assert fr["light_brown"] == pytest.approx(0.5, abs=0.03)


def _structures(img: np.ndarray) -> ms.Structures:
    seg = ml.segment(img)
    return ms.detect_structures(img, seg.mask, ml.classify_colours(img), seg.centroid)


def test_homogeneous_lesion_is_structureless_only():
    st = _structures(_draw(_disk_depth(70), _flat("light_brown"), 0.35))
    assert st.present == ["structureless_areas"]
    assert st.counts == {"dots": 0, "globules": 0, "streaks": 0}


def test_lattice_is_a_pigment_network():
    period = 9.0
    du = np.abs((XS / period) % 1 - 0.5) * period
    dv = np.abs((YS / period) % 1 - 0.5) * period
    line = np.clip(np.maximum(du, dv) - (period / 2 - 1.4), 0, None) / 1.4
    colour = _flat("light_brown") * (1 - 0.15 * line)[..., None]
    st = _structures(_draw(_disk_depth(70), colour, 0.35))
    assert st.present == ["pigment_network"]
    assert st.periodicity > 0.5 and st.period_px == pytest.approx(9, abs=1.5)


def test_dots_globules_and_radial_streaks_are_counted():
    colour = np.array(_flat("light_brown"))
    dark = np.array(REFERENCE_RGB["dark_brown"], float)
    for cx, cy in ((100, 110), (150, 100), (120, 150), (140, 140), (110, 90)):  # five dots
        colour[(XS - cx) ** 2 + (YS - cy) ** 2 <= 1.2**2] = dark
    for cx, cy in ((128, 128), (95, 140), (160, 125)):  # three globules
        colour[(XS - cx) ** 2 + (YS - cy) ** 2 <= 3.0**2] = dark
    for ang in np.radians([20, 50, 80, 200]):  # four radial streaks, 2 px wide
        along = (XS - 128) * np.cos(ang) + (YS - 128) * np.sin(ang)
        across = -(XS - 128) * np.sin(ang) + (YS - 128) * np.cos(ang)
        colour[(along > 50) & (along < 64) & (np.abs(across) <= 1.0)] = dark
    st = _structures(_draw(_disk_depth(70), colour, 0.35))
    assert st.counts == {"dots": 5, "globules": 3, "streaks": 4}
    assert st.present == ["structureless_areas", "dots", "globules", "streaks"]


def test_tangential_bar_is_not_a_streak():
    colour = np.array(_flat("light_brown"))
    bar = (np.abs(XS - 128) <= 8) & (np.abs(YS - 70) <= 1.0)  # across the radius
    colour[bar] = REFERENCE_RGB["dark_brown"]
    assert _structures(_draw(_disk_depth(70), colour, 0.35)).counts["streaks"] == 0


# ---------------------------------------------------------------------------- TDS


def test_total_dermoscopy_score_and_bands():
    # the published range of the TDS is 1.0 (A0 B0 C1 D1) to 8.9 (A2 B8 C6 D5)
    assert total_dermoscopy_score(0, 0, 1, 1) == 1.0
    assert total_dermoscopy_score(2, 8, 6, 5) == 8.9
    assert total_dermoscopy_score(1, 3, 3, 4) == 5.1  # 1.3 + 0.3 + 1.5 + 2.0
    assert [tds_band(x) for x in (4.7, 4.75, 5.4, 5.45, 5.5)] == [
        "benign", "suspicious", "suspicious", "suspicious", "highly_suspicious"
    ]  # fmt: skip
    with pytest.raises(ValueError, match="colours"):
        total_dermoscopy_score(0, 0, 0, 1)
    with pytest.raises(ValueError, match="asymmetry"):
        total_dermoscopy_score(3, 0, 1, 1)


def test_calculate_tds_tool_and_its_argument_bounds():
    out = tl.calculate_tds(None, asymmetry=1, border=3, colours=3, structures=4)
    assert out == "TDS = 1.3 x 1 + 0.1 x 3 + 0.5 x 3 + 0.5 x 4 = 5.10."  # no band: the agent's
    assert "4.75" in tl.calculate_tds.description  # the published cut-offs are in its schema
    with pytest.raises(ArgumentError, match="maximum"):
        validate_arguments(tl.calculate_tds, {"asymmetry": 1, "border": 9, "colours": 1,
                                              "structures": 1})  # fmt: skip
    with pytest.raises(ArgumentError, match="missing"):
        validate_arguments(tl.calculate_tds, {"asymmetry": 1})


def test_blank_image_and_wrong_modality_are_tool_errors():
    from healthgym.tools import ToolError

    blank = np.full((256, 256, 3), SKIN_RGB, dtype=np.uint8)
    with pytest.raises(ToolError, match="segmentation failed"):
        tl.segment_lesion(_state(blank))
    ecg_state = VisualState("ecg", 50, "male", signal=np.zeros(5000, np.float32), fs=500)
    with pytest.raises(ToolError, match="not a dermoscopy image"):
        tl.count_colours(ecg_state)
