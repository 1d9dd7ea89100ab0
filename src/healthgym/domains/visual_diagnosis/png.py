"""A minimal PNG encoder and decoder (8-bit greyscale or RGB), with zlib and struct.

Follows the PNG specification (ISO/IEC 15948:2004; W3C Portable Network Graphics
Specification, 2nd ed.): signature, IHDR / IDAT / IEND chunks with CRC-32, one filter
byte per scanline.  The encoder writes filter type 1 (Sub) on every line, which
compresses the smooth synthetic images well; the decoder reads all five filter types
(None, Sub, Up, Average, Paeth) of non-interlaced 8-bit images.
"""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOUR_TYPES = {1: 0, 3: 2}  # channels -> PNG colour type (0 grey, 2 RGB)


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def encode_png(image: np.ndarray, level: int = 6) -> bytes:
    """PNG bytes of a uint8 array of shape (h, w) or (h, w, 3)."""
    img = np.asarray(image)
    if img.dtype != np.uint8:
        raise ValueError("encode_png needs a uint8 array")
    if img.ndim == 2:
        img = img[:, :, None]
    if img.ndim != 3 or img.shape[2] not in _COLOUR_TYPES:
        raise ValueError("encode_png needs shape (h, w) or (h, w, 3)")
    h, w, c = img.shape
    rows = img.reshape(h, w * c).astype(np.int16)
    sub = rows.copy()
    sub[:, c:] = rows[:, c:] - rows[:, :-c]  # filter 1 (Sub): byte minus the byte to its left
    raw = np.empty((h, w * c + 1), dtype=np.uint8)
    raw[:, 0] = 1
    raw[:, 1:] = (sub & 0xFF).astype(np.uint8)
    header = struct.pack(">IIBBBBB", w, h, 8, _COLOUR_TYPES[c], 0, 0, 0)
    return (
        SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw.tobytes(), level))
        + _chunk(b"IEND", b"")
    )


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(data: bytes, h: int, stride: int, bpp: int) -> np.ndarray:
    out = np.zeros((h, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    pos = 0
    for y in range(h):
        ftype = data[pos]
        line = np.frombuffer(data, dtype=np.uint8, count=stride, offset=pos + 1).astype(np.int32)
        pos += stride + 1
        if ftype == 0:
            cur = line
        elif ftype == 1:
            # each byte adds the reconstructed byte bpp to its left: a running sum per channel
            cur = (np.cumsum(line.reshape(-1, bpp), axis=0) & 0xFF).ravel()
        elif ftype == 2:
            cur = (line + prev) & 0xFF
        elif ftype == 3:
            cur = line.copy()
            for i in range(stride):
                left = cur[i - bpp] if i >= bpp else 0
                cur[i] = (cur[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            cur = line.copy()
            for i in range(stride):
                left = int(cur[i - bpp]) if i >= bpp else 0
                up_left = int(prev[i - bpp]) if i >= bpp else 0
                cur[i] = (cur[i] + _paeth(left, int(prev[i]), up_left)) & 0xFF
        else:
            raise ValueError(f"bad PNG filter type {ftype} on line {y}")
        out[y] = cur
        prev = cur
    return out


def decode_png(blob: bytes) -> np.ndarray:
    """Pixels of an 8-bit, non-interlaced greyscale or RGB PNG as uint8 (h, w[, 3])."""
    if not blob.startswith(SIGNATURE):
        raise ValueError("not a PNG file (bad signature)")
    pos = len(SIGNATURE)
    header: tuple[int, ...] | None = None
    idat = bytearray()
    while pos < len(blob):
        if pos + 8 > len(blob):
            raise ValueError("truncated PNG chunk header")
        (length,) = struct.unpack(">I", blob[pos : pos + 4])
        kind = blob[pos + 4 : pos + 8]
        data = blob[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", blob[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + data) & 0xFFFFFFFF != crc:
            raise ValueError(f"CRC mismatch in PNG chunk {kind!r}")
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            idat += data
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("PNG has no IHDR chunk")
    w, h, depth, ctype, _, _, interlace = header
    if depth != 8 or ctype not in (0, 2) or interlace:
        raise ValueError("only 8-bit, non-interlaced greyscale or RGB PNGs are supported")
    c = 1 if ctype == 0 else 3
    pixels = _unfilter(zlib.decompress(bytes(idat)), h, w * c, c)
    return pixels.reshape(h, w) if c == 1 else pixels.reshape(h, w, 3)


def data_url(image: np.ndarray, level: int = 3) -> str:
    """``data:image/png;base64,...`` URL of an image (for OpenAI image content parts); zlib
    level 3 keeps a reset fast (the noisy lesion images hardly compress further)."""
    return "data:image/png;base64," + base64.b64encode(encode_png(image, level)).decode("ascii")
