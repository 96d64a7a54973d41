"""The centre as pages and e-mails show it: read once per change, not once per use."""
from django.db.models import prefetch_related_objects

from trainingcenter.core import pagecache

from .models import Center

# (content version, centre with its partners) as this process last read them.
_known = {}


def current_centre():
    """The centre and its partners, read again only after one of them changed.

    Every page shows the centre's name and its partners, and every
    participant's e-mail is signed with its name; reading them costs two
    queries, more than some pages' own content. They are kept per process
    under the public pages' content version (``core.pagecache``), which any
    save or deletion of the centre or a partner replaces (the receivers are
    connected in ``public.apps``), the same token that keeps cached pages
    current. What is rendered while the centre changes may show the old one;
    what is rendered after the commit shows the new. Services that write the
    centre, or print it on a document that is kept, read ``Center.current()``.
    """
    version = pagecache.current_version()
    known = _known.get("centre")
    if known is not None and known[0] == version:
        return known[1]
    centre = Center.current()
    if centre is not None:
        prefetch_related_objects([centre], "partners")
    _known["centre"] = (version, centre)
    return centre
