import io

import pytest
from django.core.management import call_command


@pytest.fixture
def run_load_demo(db):
    """Run ``manage.py load_demo`` with the given options and return what it printed."""

    def run(*args):
        out = io.StringIO()
        call_command("load_demo", *args, stdout=out)
        return out.getvalue()

    return run
