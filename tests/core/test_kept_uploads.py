"""A valid file chosen in a form that comes back with an error is kept (in private storage, with
a signed reference in the form), so the next submit needs no new upload; kept files expire
through the nightly purge and never get a URL."""

import datetime
import re
import time

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.files import private_storage
from core.uploads import FOLDER, KEPT_HOURS, kept_uploads_purge, upload_keep
from experts.models import Nomination
from needs.models import NeedsAttachment, NeedsRequest
from tests.experts.factories import PDF
from tests.experts.test_nominations import form_data
from tests.needs.test_pages import request_form

pytestmark = pytest.mark.django_db

NOMINATE = "/{language}/members/experts/nominate/"


def kept_references(html: str, name: str) -> list[str]:
    return re.findall(rf'<input type="hidden" name="{name}_kept" value="([^"]+)">', html)


def stored_path(reference: str) -> str:
    return signing.loads(reference, salt="core.uploads.kept")["path"]


def test_the_cv_is_kept_across_a_failed_submit_and_taken_by_the_next(client, focal_point):
    client.force_login(focal_point)
    russian = client.post(NOMINATE.format(language="ru"), form_data(email="")).content.decode()
    assert "Сохранён: Резюме Гусейновой.docx (чтобы заменить его, выберите другой файл)." in russian
    url = NOMINATE.format(language="en")
    html = client.post(url, form_data(email="not an address")).content.decode()
    assert "Kept: Резюме Гусейновой.docx (choose another file to replace it)." in html
    [reference] = kept_references(html, "cv")
    assert f"{FOLDER}/" not in html  # a signed reference; the page names no stored path
    path = stored_path(reference)
    assert private_storage().exists(path) and private_storage().url(path) == ""

    response = client.post(url, form_data(cv=None, cv_kept=reference))
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.cv_name == "Резюме Гусейновой.docx"
    with nomination.cv.open("rb") as stored:
        assert stored.read().startswith(b"PK")  # the DOCX itself
    assert not private_storage().exists(path)  # taken out of the kept files


def test_a_kept_cv_is_kept_again_when_the_next_submit_fails_too(client, focal_point):
    client.force_login(focal_point)
    url = NOMINATE.format(language="en")
    first = client.post(url, form_data(email="")).content.decode()
    [reference] = kept_references(first, "cv")
    second = client.post(url, form_data(email="", cv=None, cv_kept=reference)).content.decode()
    [again] = kept_references(second, "cv")
    assert "Kept: Резюме Гусейновой.docx" in second
    assert client.post(url, form_data(cv=None, cv_kept=again)).status_code == 302


def test_a_forged_or_expired_reference_brings_no_file(client, focal_point, monkeypatch):
    client.force_login(focal_point)
    url = NOMINATE.format(language="en")
    forged = signing.dumps({"path": "experts/cv/other.pdf", "name": "x.pdf"}, salt="other")
    html = client.post(url, form_data(cv=None, cv_kept=forged)).content.decode()
    assert "This field is required." in html
    earlier = time.time() - KEPT_HOURS * 3600 - 60
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: earlier)
        reference = upload_keep(SimpleUploadedFile("cv.pdf", PDF))
    html = client.post(url, form_data(cv=None, cv_kept=reference)).content.decode()
    assert "This field is required." in html
    assert not Nomination.objects.exists()


def test_the_attachments_of_a_request_are_kept_too(client, focal_point):
    client.force_login(focal_point)
    files = [
        SimpleUploadedFile("План.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("annex.pdf", PDF, content_type="application/pdf"),
    ]
    html = client.post(
        "/ru/members/needs/new/", request_form(title_en="", attachments=files)
    ).content.decode()
    assert "Сохранены: План.pdf, annex.pdf" in html
    references = kept_references(html, "attachments")
    assert len(references) == 2
    response = client.post(reverse("needs:new"), request_form(attachments_kept=references))
    assert response.status_code == 302
    assert sorted(NeedsAttachment.objects.values_list("name", flat=True)) == [
        "annex.pdf",
        "План.pdf",
    ]
    assert NeedsRequest.objects.count() == 1


def test_the_nightly_purge_deletes_kept_files_past_their_time_only():
    recent = stored_path(upload_keep(SimpleUploadedFile("a.pdf", PDF)))
    storage = private_storage()
    old = f"{FOLDER}/{int(time.time()) - KEPT_HOURS * 3600 - 60}_{'0' * 32}.pdf"
    storage.save(old, SimpleUploadedFile("b.pdf", PDF))
    assert kept_uploads_purge(now=timezone.now()) >= 1
    assert storage.exists(recent) and not storage.exists(old)
    later = timezone.now() + datetime.timedelta(hours=KEPT_HOURS + 1)
    kept_uploads_purge(now=later)
    assert not storage.exists(recent)
