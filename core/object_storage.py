"""Files in an S3-compatible object store (AWS S3, MinIO, Ceph, SeaweedFS) through
django-storages, when `AWS_STORAGE_BUCKET_NAME` is set.

Public media (news and tool images) get plain URLs under the bucket's public `media/` prefix.
Members-only and staff files (CVs, library documents) sit in the private bucket and have no URL
at all: views stream them after their permission check (`core.files.attachment_response`), so
the check, the download's name and its content type stay in one place and no link can be passed
on; the files are small (30 MB at most), so streaming costs little.
"""

from storages.backends.s3 import S3Storage


class PrivateObjectStorage(S3Storage):
    """The private bucket: no URL, neither public nor signed."""

    default_acl = "private"

    def url(self, name, parameters=None, expire=None, http_method=None):
        return ""
