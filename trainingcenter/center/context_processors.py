from django.utils.functional import SimpleLazyObject

from .current import current_centre


def center(request):
    """The centre's profile on every page; read only if a template uses it."""
    return {"center": SimpleLazyObject(current_centre)}
