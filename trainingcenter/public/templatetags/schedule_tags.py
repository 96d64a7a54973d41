"""A program's times as the public pages write them (see ``programs.formatting``)."""
from django import template

from trainingcenter.programs.formatting import program_span as _program_span

register = template.Library()


@register.simple_tag
def program_span(program):
    """'Sept. 28, 2022, 14:00–17:00' in the program's zone: a one-day program names its date once."""
    return _program_span(program)
