from django.utils.functional import SimpleLazyObject

from .models import Center


def center(request):
    """The centre's profile on every page; queried only if a template uses it."""
    return {"center": SimpleLazyObject(Center.current)}
