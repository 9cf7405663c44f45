"""A QR code drawn with half-block characters: two rows of modules a line of text."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_L


def qr_lines(data: str, border: int = 2) -> list[str]:
    """`data` as a QR code (the smallest version that holds it, low error correction), one
    string a line, dark modules drawn as blocks, so that a phone's camera reads it off the
    terminal. Light-on-dark terminals read too: the code is drawn inverted where needed by
    the widget's colours, not here."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_L, border=border)
    code.add_data(data)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    glyphs = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
    return [
        "".join(glyphs[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(matrix[::2], matrix[1::2], strict=True)
    ]
