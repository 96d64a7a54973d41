"""WSGI entry point; gunicorn serves ``trainingcenter.wsgi:application``."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingcenter.settings.local")

application = get_wsgi_application()
