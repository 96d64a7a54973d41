"""A size limit on uploaded reports that holds while the upload arrives, not after it was stored.

Django writes an upload to a temporary file before any view sees it; a
report over the limit would fill the disk first and be refused after. The
handler below, put first in the request's handlers before its body is read
(``limit_uploads``), drops a file as soon as it passes the limit; the view
then sees ``too_large`` and answers with the same message as the reader.
"""
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from .zoom_reports import MAX_FILE_BYTES


class LimitedUploadHandler(FileUploadHandler):
    def __init__(self, request=None, limit=MAX_FILE_BYTES):
        super().__init__(request)
        self.limit = limit
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def limit_uploads(request, limit=None):
    """Put the limit in front of the request's upload handlers; call before its body is read."""
    handler = LimitedUploadHandler(request, limit or MAX_FILE_BYTES)
    request.upload_handlers.insert(0, handler)
    return handler
