"""Files in an S3-compatible object store (a real SeaweedFS server on the loopback): uploads land
in the bucket, private files have no URL and the bucket refuses anonymous reads, downloads go
through the same permission checks, and the copy command moves local files across."""

import datetime
import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.apps import apps
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db.models import FileField
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.models import User
from bench.servers import SeaweedFS
from core.files import private_storage
from core.uploads import KEPT_HOURS, kept_uploads_purge, upload_keep
from experts.models import Nomination
from tests.experts.test_nominations import URL as NOMINATE
from tests.experts.test_nominations import form_data
from tests.library.factories import make_document
from tests.outreach.factories import make_news
from tests.workplan.builders import make_big_plan
from workplan import pdf, services
from workplan.models import ReportingPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seaweedfs():
    server = SeaweedFS()
    try:
        server.bucket("rocb-media")
        server.bucket("rocb-private")
        yield server
    finally:
        server.stop()


@pytest.fixture
def object_store(settings, seaweedfs):
    """The portal's storages on fresh buckets of the S3 server, as its settings make them from
    AWS_STORAGE_BUCKET_NAME and AWS_PRIVATE_BUCKET_NAME."""
    # A bucket is a SeaweedFS collection with volumes of its own: two for all the tests, emptied
    # after each.
    public, private = "rocb-media", "rocb-private"
    common = {
        "endpoint_url": seaweedfs.endpoint,
        "access_key": SeaweedFS.ACCESS_KEY,
        "secret_key": SeaweedFS.SECRET_KEY,
        "region_name": "us-east-1",
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": public,
                "location": "media",
                "querystring_auth": False,
            },
        },
        "private": {
            "BACKEND": "core.object_storage.PrivateObjectStorage",
            "OPTIONS": {**common, "bucket_name": private, "location": "private"},
        },
    }
    # A FileField keeps the storage it was given when its model was defined: point the private
    # ones at the new private storage for the test (the default storage follows the setting).
    swapped = []
    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, FileField) and getattr(field, "_storage_callable", None) in (
                private_storage,
            ):
                swapped.append((field, field.storage))
                field.storage = storages["private"]
    yield seaweedfs, public, private
    for field, storage in swapped:
        field.storage = storage
    seaweedfs.empty(public)
    seaweedfs.empty(private)


def anonymous_get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_cv_is_stored_privately_and_served_only_after_the_permission_check(
    client, focal_point, other_focal_point, object_store
):
    server, _public, private = object_store
    client.force_login(focal_point)
    assert client.post(NOMINATE, form_data()).status_code == 302
    nomination = Nomination.objects.get()
    key = f"private/{nomination.cv.name}"
    assert server.keys(private) == [key]
    assert nomination.cv.url == ""  # no URL, signed or not
    assert anonymous_get(f"{server.endpoint}/{private}/{key}") == 403

    download = client.get(reverse("experts:nomination_cv", args=[nomination.pk]))
    assert download.status_code == 200
    stored = server.client.get_object(Bucket=private, Key=key)["Body"].read()
    assert b"".join(download.streaming_content) == stored
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")

    client.force_login(other_focal_point)
    assert client.get(reverse("experts:nomination_cv", args=[nomination.pk])).status_code == 404


def test_a_members_document_downloads_from_the_bucket(client, member, object_store):
    server, _public, private = object_store
    document = make_document()
    keys = server.keys(private)
    assert len(keys) == 2 and all(key.startswith("private/library/") for key in keys)
    client.force_login(member)
    response = client.get(reverse("library:material_download", args=[document.pk, "ru"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"  # the Russian DOCX
    client.logout()
    anonymous = client.get(reverse("library:material_download", args=[document.pk, "ru"]))
    assert anonymous.status_code == 302


def test_a_public_image_gets_a_plain_url_in_the_public_bucket(object_store):
    server, public, _private = object_store
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    news = make_news(image_alt="A white square")
    news.image.save("photo.png", ContentFile(buffer.getvalue()))
    assert server.keys(public) == [f"media/{news.image.name}"]
    assert news.image.url.startswith(f"{server.endpoint}/{public}/media/news/")
    assert "Signature" not in news.image.url and "X-Amz" not in news.image.url


def test_the_copy_command_moves_local_files_into_the_buckets_once(settings, object_store):
    server, public, private = object_store
    (settings.MEDIA_ROOT / "news").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "news" / "old.png").write_bytes(b"\x89PNG old")
    (settings.PRIVATE_MEDIA_ROOT / "experts" / "cv").mkdir(parents=True, exist_ok=True)
    (settings.PRIVATE_MEDIA_ROOT / "experts" / "cv" / "old.pdf").write_bytes(b"%PDF-1.4 old")
    out = io.StringIO()
    call_command("copy_files_to_storage", stdout=out)
    assert "media/news/old.png" in server.keys(public)
    assert "private/experts/cv/old.pdf" in server.keys(private)
    again = io.StringIO()
    call_command("copy_files_to_storage", stdout=again)
    assert " 0 copied" in again.getvalue().splitlines()[0]
    assert " 0 copied" in again.getvalue().splitlines()[1]


def test_the_settings_use_the_object_store_when_a_bucket_is_named():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_PRIVATE_BUCKET_NAME="portal-private",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    script = (
        "from django.conf import settings; import json;"
        "print(json.dumps({k: v['BACKEND'] for k, v in settings.STORAGES.items()}),"
        "settings.STORAGES['private']['OPTIONS']['bucket_name'])"
    )
    output = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    backends, bucket = output.rsplit(" ", 1)
    assert json.loads(backends)["default"] == "storages.backends.s3.S3Storage"
    assert json.loads(backends)["private"] == "core.object_storage.PrivateObjectStorage"
    assert bucket == "portal-private"


def test_kept_uploads_are_kept_and_purged_in_the_bucket(object_store):
    reference = upload_keep(ContentFile(b"%PDF-1.4\n%%EOF\n", name="cv.pdf"))
    path = signing.loads(reference, salt="core.uploads.kept")["path"]
    assert private_storage().exists(path)
    assert kept_uploads_purge(now=timezone.now()) == 0
    later = timezone.now() + datetime.timedelta(hours=KEPT_HOURS + 1)
    assert kept_uploads_purge(now=later) == 1
    assert not private_storage().exists(path)


def test_a_reports_pdf_is_kept_in_the_bucket_served_from_it_and_deleted_on_reopening(
    client, object_store, monkeypatch, django_capture_on_commit_callbacks
):
    server, _public, private = object_store
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: b"%PDF-stand-in " + html[:60].encode())
    reviewer = User.objects.create_superuser("reviewer@rocb.test", "x")
    make_big_plan(goals=1, per_goal=1, periods=1, indicators=1)
    ReportingPeriod.objects.filter(name_en="Year 2030").update(report_status="submitted")
    period = ReportingPeriod.objects.get(name_en="Year 2030")
    with django_capture_on_commit_callbacks(execute=True):  # the drawings, in each language
        services.period_report_approve(period=period, by=reviewer)
    english, russian = server.keys(private)
    assert english.startswith(f"private/workplan-reports/{period.pk}/en-")
    assert russian.startswith(f"private/workplan-reports/{period.pk}/ru-")
    response = client.get("/ru/workplan/reports/year-2030/report.pdf")
    assert response.status_code == 200
    stored = server.client.get_object(Bucket=private, Key=russian)["Body"].read()
    assert b"".join(response.streaming_content) == stored and b'lang="ru"' in stored
    with django_capture_on_commit_callbacks(execute=True):
        services.period_report_reopen(period=period, by=reviewer, comment="A wrong figure.")
    assert server.keys(private) == []
