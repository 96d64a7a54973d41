"""Links in e-mails follow the port the platform runs on."""
import os
import subprocess
import sys

from django.conf import settings


def site_url_with(env):
    command = "from django.conf import settings; print(settings.SITE_URL)"
    clean = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "PORT")}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {command}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "trainingcenter.settings.local", **env},
        capture_output=True, text=True, check=True, cwd=settings.BASE_DIR,
    )
    return result.stdout.strip()


def test_local_site_url_follows_the_port_unless_set():
    assert site_url_with({}) == "http://127.0.0.1:8000"
    assert site_url_with({"PORT": "8123"}) == "http://127.0.0.1:8123"
    assert site_url_with({"PORT": "8123", "SITE_URL": "https://training.example.org/"}) == (
        "https://training.example.org"
    )
