"""Part of the benchmark run in a Django process on the benchmark database: the queries one
request of each page makes (rendered afresh, not from the page cache), and a member's session
cookie for the load generator. Prints one JSON line."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.scale import BENCH_MEMBER  # noqa: E402


def main() -> None:
    pages = json.loads(sys.argv[1])
    member = User.objects.get(email=BENCH_MEMBER)
    anonymous, logged_in = Client(), Client()
    logged_in.force_login(member)
    queries = {}
    for page in pages:
        client = logged_in if page["member"] else anonymous
        cache.clear()
        client.get(page["path"])  # warm up the process (imports, template loading)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page["path"])
        if response.status_code != 200:
            sys.exit(f"{page['path']} answered {response.status_code}")
        queries[page["name"]] = len(captured.captured_queries)
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={logged_in.cookies[settings.SESSION_COOKIE_NAME].value}"
    )
    print(json.dumps({"queries": queries, "cookie": cookie}))


if __name__ == "__main__":
    main()
