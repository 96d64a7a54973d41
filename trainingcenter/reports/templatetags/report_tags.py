from django import template
from django.utils.safestring import mark_safe

from trainingcenter.reports.richtext import sanitize

register = template.Library()


@register.filter
def rich(html):
    """Organisers' rich text, sanitised again on the way out (cheap, and safe whatever wrote the row)."""
    return mark_safe(sanitize(html))  # noqa: S308 - sanitised by nh3 just above
