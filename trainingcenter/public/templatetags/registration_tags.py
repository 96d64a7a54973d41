"""Template tags other apps' pages use to show registration state without importing us."""
from django import template

from trainingcenter.registrations import capacity

register = template.Library()


@register.inclusion_tag("registrations/program_box.html", takes_context=True)
def registration_box(context, program):
    """The registration panel of a program page: window, seats left per mode, the register button.

    Seats come from one ``capacity.availability`` call, so the panel costs the
    same few queries however many registrations the program has.
    """
    window = program.registration_window_state()
    seats = []
    if window == "open":
        availability = capacity.availability(program)
        for mode in program.offered_modes:
            seat = availability[mode.value]
            seats.append({
                "mode": mode.value,
                "label": mode.label,
                "left": seat.left,
                "full": seat.full,
            })
    return {"program": program, "window": window, "seats": seats, "request": context.get("request")}
