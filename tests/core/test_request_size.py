"""A request body larger than its sender may send is refused (413) before it is read."""

import time

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from competencies.forms import MAX_FRAMEWORK_FILE_BYTES
from experts.models import CV_MAX_BYTES, Nomination
from library.models import FILE_MAX_BYTES

pytestmark = pytest.mark.django_db

MB = 2**20


def test_the_limits_leave_room_for_the_largest_uploads():
    assert settings.REQUEST_BODY_MAX_BYTES >= CV_MAX_BYTES + MB  # a CV and its form
    # A document's two language files in one save; the framework workbook.
    assert settings.STAFF_REQUEST_BODY_MAX_BYTES >= 2 * FILE_MAX_BYTES + MB
    assert settings.STAFF_REQUEST_BODY_MAX_BYTES >= MAX_FRAMEWORK_FILE_BYTES + MB
    assert settings.REQUEST_BODY_MAX_BYTES < 60 * MB


@pytest.mark.parametrize("path", ["/en/accounts/login/", "/en/members/experts/nominate/"])
def test_a_body_announced_as_60_mb_is_refused_unread(client, path):
    """The test client's payload refuses to be read past what was really sent (a few bytes),
    so a 413 here shows that nothing read the body."""
    started = time.perf_counter()
    response = client.post(path, {"username": "x"}, CONTENT_LENGTH=str(60 * MB))
    assert time.perf_counter() - started < 2
    assert response.status_code == 413
    html = response.content.decode()
    assert "60.0\xa0MB" in html and "8.0\xa0MB" in html


def test_the_refusal_in_russian(client):
    response = client.post("/ru/accounts/login/", {}, CONTENT_LENGTH=str(60 * MB))
    assert response.status_code == 413
    assert "Ничего не сохранено" in response.content.decode()


@override_settings(REQUEST_BODY_MAX_BYTES=64 * 1024)
def test_a_real_upload_over_the_limit_is_refused_and_nothing_saved(client, focal_point):
    client.force_login(focal_point)
    response = client.post(
        "/en/members/experts/nominate/",
        {"cv": SimpleUploadedFile("cv.pdf", b"%PDF-1.4\n" + b"0" * 100 * 1024)},
    )
    assert response.status_code == 413
    assert not Nomination.objects.exists()


@override_settings(REQUEST_BODY_MAX_BYTES=64 * 1024, STAFF_REQUEST_BODY_MAX_BYTES=256 * 1024)
def test_office_staff_may_send_more(staff_client):
    upload = {"files-0-file": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n" + b"0" * 100 * 1024)}
    response = staff_client.post("/admin/library/document/add/", upload)
    assert response.status_code == 200  # the form, shown again with what is missing
    response = staff_client.post("/admin/library/document/add/", {}, CONTENT_LENGTH=str(MB))
    assert response.status_code == 413
