"""A participant's check-in code: reading it back as people type it, and drawing it as a QR code.

The code (``Registration.checkin_code``) is 12 characters of Crockford's base
32. A QR code holds exactly those 12 characters, in the QR alphanumeric mode,
at error correction level Q (a quarter of the code may be scuffed or covered
by a thumb): a version-1 symbol, 21 by 21 modules, that any phone camera
reads from a badge or a screen.

Drawn here, in the registrations app, because the e-mails of this app carry
it; the badges (``attendance.badges``), the participant's page and the
check-in page use the same drawing.
"""
import functools
import io
import re

import qrcode
from django.utils.html import escape
from PIL import Image
from qrcode.util import MODE_ALPHA_NUM, QRData

from .models import CHECKIN_ALPHABET, CHECKIN_CODE_LENGTH

# Crockford's reading rules: the letters people confuse with digits are read as them.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
# What people put between the groups when they type a code from a badge.
_SEPARATORS = re.compile(r"[\s\-_.·]+")
_VALID = re.compile(f"[{CHECKIN_ALPHABET}]{{{CHECKIN_CODE_LENGTH}}}")
# Quiet zone around the symbol, in modules: the QR standard asks for 4.
QUIET_ZONE = 4


def normalise(text):
    """The code as stored, from what was scanned or typed; "" when it cannot be one.

    Case, spaces and hyphens do not matter, and O, I and L are read as 0, 1
    and 1 (Crockford), so a code typed from a badge is found however it was
    written.
    """
    if not isinstance(text, str) or len(text) > 64:
        return ""
    code = _SEPARATORS.sub("", text).upper().translate(_READ_AS)
    return code if _VALID.fullmatch(code) else ""


def grouped(code):
    """'ABCD-EFGH-JKMN': the code as printed for people to read out or type."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _symbol(code):
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=QUIET_ZONE, box_size=1)
    # Only Crockford characters (digits and capitals), so the compact alphanumeric mode always fits.
    qr.add_data(QRData(code.encode("ascii"), mode=MODE_ALPHA_NUM))
    qr.make(fit=True)
    return qr


@functools.lru_cache(maxsize=512)
def _modules(code):
    # Choosing the mask (eight trial drawings, each scored) is most of the
    # cost, and one participant's code is drawn again for every e-mail and
    # every visit to their page.
    return tuple(tuple(row) for row in _symbol(code).get_matrix())


def matrix(code):
    """The modules, quiet zone included, as rows of booleans (True is dark)."""
    return [list(row) for row in _modules(code)]


def svg(code, *, label="", css_class="qr-code", pixels=None):
    """The QR code as SVG markup: one path, no style attributes (the pages' CSP allows none).

    Scales to whatever size its box gives it (``viewBox``), or to ``pixels``
    when given; the light background is part of the drawing, so it
    reads on dark screens too. ``label`` becomes its accessible name.
    """
    rows = _modules(code)
    size = len(rows)
    runs = []
    for y, row in enumerate(rows):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    named = f' aria-label="{escape(label)}"' if label else ""
    if pixels:
        named += f' width="{int(pixels)}" height="{int(pixels)}"'

    title = f"<title>{escape(label)}</title>" if label else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" viewBox="0 0 {size} {size}" '
        f'role="img"{named} shape-rendering="crispEdges">{title}'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )


def png(code, *, module_pixels=8):
    """The QR code as PNG bytes, for e-mail (most mail programs show PNG, few show SVG).

    One pixel per module, black on white, then scaled up without smoothing:
    the picture qrcode's own image factory draws rectangle by rectangle, at a
    fraction of its cost.
    """
    rows = _modules(code)
    size = len(rows)
    image = Image.new("1", (size, size), 1)
    image.putdata([0 if dark else 1 for row in rows for dark in row])
    image = image.resize((size * module_pixels, size * module_pixels), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
