"""Template tags other apps' pages use to show registration state without importing us."""
from django import template

register = template.Library()


@register.inclusion_tag("registrations/program_box.html", takes_context=True)
def registration_box(context, program):
    """The registration panel of a program page: window, seats left, the register button."""
    return {"program": program, "window": program.registration_window_state(), "request": context.get("request")}
