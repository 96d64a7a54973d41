"""One machine: SQLite in var/, mail as files, plain HTTP on loopback.

This is what ``make run`` serves. The secret key is made once and kept in
var/ so sessions survive restarts; production takes it from the environment.
"""
import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR


def _local_secret_key():
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _local_secret_key()

# Links in e-mails and calendar files must reach the server that sent them:
# `make run PORT=8123` serves on 8123 (bin/serve exports PORT to the web
# server and the worker alike), so the default address follows the port.
SITE_URL = (os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}").rstrip("/")
