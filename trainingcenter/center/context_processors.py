from django.db.models import prefetch_related_objects
from django.utils.functional import SimpleLazyObject

from trainingcenter.core import pagecache

from .models import Center

# (content version, centre with its partners) as this process last read them.
_frame = {}


def centre_for_pages():
    """The centre and its partners for the site's header and footer, read again only after a change.

    Every page shows the centre's name and its partners; reading them costs
    two queries per page, more than some pages' own content. They are kept per
    process under the public pages' content version (``core.pagecache``),
    which any save or deletion of the centre or a partner replaces (the
    receivers are connected in ``public.apps``), the same token that keeps
    cached pages current. A page rendered while the centre changes may show
    the old one; the next page after the commit shows the new.
    """
    version = pagecache.current_version()
    known = _frame.get("centre")
    if known is not None and known[0] == version:
        return known[1]
    centre = Center.current()
    if centre is not None:
        prefetch_related_objects([centre], "partners")
    _frame["centre"] = (version, centre)
    return centre


def center(request):
    """The centre's profile on every page; read only if a template uses it."""
    return {"center": SimpleLazyObject(centre_for_pages)}
