"""WSGI entry point, served by gunicorn in production."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")

application = get_wsgi_application()

# The objects made while loading the project live as long as the process: moved out of the
# garbage collector's sight, they are not scanned again by every full collection (shorter pauses
# under load, the slowest requests faster).
gc.freeze()
