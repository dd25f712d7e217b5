"""What this process renders pages from, as a digest: part of every cached page's and
fragment's key (`core.cache`).

Their keys name the data a page shows (the generations of its tables), not the code that draws
it: without the release, a deploy that changes a template, a label or a translation would go on
serving what the release before it rendered until the data changed or the entry expired
(`PUBLIC_PAGE_CACHE_SECONDS`). Hosts of one release compute the same digest, so they share their
entries; hosts of two releases, during a rolling deploy, keep apart.
"""

import functools
import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from django.apps import apps
from django.conf import settings

# The files a page's markup comes from: code, templates, compiled catalogues. (Stylesheets and
# scripts reach a page through the static files' manifest, which is read as well.)
RENDERED_FROM = {".py", ".html", ".txt", ".mo"}


def files_digest(roots: Iterable[Path], extra: Iterable[Path] = ()) -> str:
    """A digest of the names and contents of the RENDERED_FROM files below `roots`, and of the
    `extra` files that exist."""
    digest = hashlib.sha256()
    files = [
        Path(folder, name)
        for root in roots
        for folder, _folders, names in os.walk(root)
        for name in names
        if Path(name).suffix in RENDERED_FROM
    ]
    files += [path for path in extra if path.is_file()]
    for path in sorted(set(files)):
        digest.update(f"{path}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def release() -> str:
    """The digest of the project's apps, templates and catalogues (not the virtual environment:
    a release that upgrades a package also changes uv.lock, read here)."""
    base = Path(settings.BASE_DIR)
    roots = {Path(config.path) for config in apps.get_app_configs()}
    # The project's own apps (the installed packages' are in the environment, sys.prefix).
    roots = {root for root in roots if root.is_relative_to(base)}
    roots = {root for root in roots if not root.is_relative_to(sys.prefix)}
    roots |= {Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]}
    roots |= {Path(folder) for folder in settings.LOCALE_PATHS}
    roots.add(base / "rocb")  # the settings and the URLs
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    return files_digest(sorted(roots), extra=[manifest, base / "uv.lock"])
