"""Test settings: the base settings with fast password hashing and plain static storage."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps' folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Uploaded files of a test run go to a throw-away folder.
_test_files = Path(tempfile.mkdtemp(prefix="rocb-test-files-"))
MEDIA_ROOT = _test_files / "media"
PRIVATE_MEDIA_ROOT = _test_files / "private"
STORAGES["private"] = {
    "BACKEND": "core.files.PrivateStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run at once, in the test's thread, so a test sees their effects; the tests of the queue
# itself (and that the password reset waits for nothing) use the database backend and its worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# A cached page or fragment that reads a table it does not name fails its test.
CACHE_CHECK_READS = True
