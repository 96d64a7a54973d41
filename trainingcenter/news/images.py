"""Cover images: checked to be an image with Pillow, resized to a few widths.

An upload is refused when it is not an image Pillow can read, when the file
is too large, or when its pixel count is beyond ``Image.MAX_IMAGE_PIXELS`` (a
decompression bomb: a small file that would expand to gigabytes in memory).
"""
import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
WIDTHS = (480, 960, 1600)
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
NOT_AN_IMAGE = gettext_noop("This file is not an image we can read; please send a JPEG, PNG or WebP picture.")


def check_image(upload):
    """Raise ValidationError unless the upload is an image we accept; returns (width, height)."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)d MB); please send one of at most %(max)d MB.")
            % {"size": size // (1024 * 1024), "max": MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                image_format = image.format
                if width * height > (Image.MAX_IMAGE_PIXELS or 0) > 0:
                    raise Image.DecompressionBombError("too many pixels")
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image has too many pixels to be processed safely; please send a smaller one."),
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_(NOT_AN_IMAGE), code="not_image") from None
    finally:
        upload.seek(0)
    if image_format not in FORMATS:
        raise ValidationError(_(NOT_AN_IMAGE), code="not_image")
    return width, height


def make_sizes(name):
    """Resize the stored image to each width smaller than itself; returns (width, height, sizes)."""
    with default_storage.open(name, "rb") as handle, Image.open(handle) as image:
        image.load()
        width, height = image.size
        base = name.rsplit(".", 1)[0].replace("news/", "news/sizes/", 1)
        sizes = []
        for target in WIDTHS:
            if target >= width:
                continue
            target_height = max(1, round(height * target / width))
            resized = image.convert("RGB").resize((target, target_height), Image.LANCZOS)
            buffer = io.BytesIO()
            resized.save(buffer, "JPEG", quality=82, optimize=True)
            stored = default_storage.save(f"{base}-{target}.jpg", ContentFile(buffer.getvalue()))
            sizes.append({"width": target, "height": target_height, "name": stored})
    return width, height, sizes
