"""Part of the benchmark run in a Django process on the benchmark database, before the server
starts. For each page it:
- fills the path's "{...}" parts from the data (`bench.pages.placeholders()`);
- counts the queries one request makes, rendered afresh (not from the page cache);
- times requests in the process, without the network and the load generator: `cold_ms`, the
  median of fresh renders (the cache emptied before each: what the first visitor after an edit
  waits), and `server_p50_ms` / `server_p95_ms` of requests served as wrk gets them (public
  pages from the page cache);
and it logs a member and a staff member in for wrk's logged-in pages. Prints one JSON line.
"""

import importlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")

# The portal loaded as each of the server's workers loads it (Django set up, then the objects made
# at start-up frozen out of the garbage collector's sight), so that the times measured here are
# the server's, collections included.
importlib.import_module("rocb.wsgi")

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.scale import BENCH_MEMBER, BENCH_STAFF  # noqa: E402
from bench.pages import placeholders  # noqa: E402
from bench.run import ACCEPT_ENCODING  # noqa: E402

COLD_RUNS = 5
WARM_RUNS = 30


class QueryCounter:
    """Counts the SQL statements run (an execute wrapper: unlike `connection.queries`, it is not
    reset when a request starts, and needs no DEBUG)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _get(client: Client, path: str):
    response = client.get(path)
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}")
    if response.streaming:  # a file (the PDF): read to the end, as a server sends it
        b"".join(response.streaming_content)
    return response


def _milliseconds(client: Client, path: str, *, cold: bool) -> float:
    if cold:
        cache.clear()
    started = time.perf_counter()
    _get(client, path)
    return (time.perf_counter() - started) * 1000


def ranking_milliseconds(user: User, need_pk: str) -> list[float]:
    """The ranking alone, as the request page reads it (issue 13's figure): the first page of
    experts ranked for the request, its statement and its rows, timed WARM_RUNS times."""
    from needs import selectors
    from needs.views import RANKED_PER_PAGE

    need = selectors.need_detail(pk=int(need_pk), user=user)
    times = []
    for _ in range(WARM_RUNS + 1):  # the first one warms up
        started = time.perf_counter()
        ranking = selectors.ranked_experts(need=need)
        list(selectors.RankingPaginator(ranking, RANKED_PER_PAGE).get_page(1).object_list)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times[1:])


def main() -> None:
    pages = json.loads(sys.argv[1])
    values = placeholders()
    member = User.objects.get(email=BENCH_MEMBER)
    # Requests as a browser makes them (the portal sends cached pages compressed).
    headers = {"Accept-Encoding": ACCEPT_ENCODING}
    anonymous, logged_in = Client(headers=headers), Client(headers=headers)
    logged_in.force_login(member)
    staff = Client(headers=headers)
    staff.force_login(User.objects.get(email=BENCH_STAFF))
    figures = {}
    for page in pages:
        client = staff if page["staff"] else logged_in if page["member"] else anonymous
        path = page["path"].format(**values)
        cache.clear()
        _get(client, path)  # warm up the process (imports, template loading)
        cache.clear()
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            _get(client, path)
        cold = [_milliseconds(client, path, cold=True) for _ in range(COLD_RUNS)]
        warm = sorted(_milliseconds(client, path, cold=False) for _ in range(WARM_RUNS))
        figures[page["name"]] = {
            "path": path,
            "queries": counter.count,
            "cold_ms": round(statistics.median(cold), 1),
            "server_p50_ms": round(statistics.median(warm), 1),
            "server_p95_ms": round(warm[int(len(warm) * 0.95) - 1], 1),
        }
        if "{need}" in page["path"] and page["staff"]:  # the page that ranks experts
            ranking = ranking_milliseconds(User.objects.get(email=BENCH_STAFF), values["need"])
            p95 = ranking[int(len(ranking) * 0.95) - 1]
            figures[page["name"]]["ranking_p95_ms"] = round(p95, 1)
    cache.clear()
    name = settings.SESSION_COOKIE_NAME
    cookies = {
        "member": f"{name}={logged_in.cookies[name].value}",
        "staff": f"{name}={staff.cookies[name].value}",
    }
    print(json.dumps({"pages": figures, "cookies": cookies}))


if __name__ == "__main__":
    main()
