"""Copy the files of the local folders (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) into the configured
storages, under the same names: run once when moving to an object store. Files already there are
left alone, so the command can be run again after an interruption."""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Copy files from MEDIA_ROOT and PRIVATE_MEDIA_ROOT into the configured storages."

    def handle(self, *args, **options):
        for alias, folder in (
            ("default", Path(settings.MEDIA_ROOT)),
            ("private", Path(settings.PRIVATE_MEDIA_ROOT)),
        ):
            storage = storages[alias]
            copied = kept = 0
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                name = path.relative_to(folder).as_posix()
                if storage.exists(name):
                    kept += 1
                    continue
                with path.open("rb") as content:
                    stored = storage.save(name, File(content))
                if stored != name:  # never expected: the name was free a moment ago
                    self.stderr.write(f"{name} stored as {stored}")
                copied += 1
            self.stdout.write(f"{alias}: {copied} copied, {kept} already there ({folder})")
