"""Two hosts behind a load balancer: `make scale-drill`.

One PostgreSQL (the benchmark's database, through PgBouncer in transaction mode), one Redis, one
S3 server (SeaweedFS), two gunicorn hosts (one worker each, each pinned to its own core) behind
HAProxy. The drill shows, with figures:
1. a member logged in through one host stays logged in on the other;
2. a file uploaded through one host downloads through the other, byte for byte;
3. a staff edit on one host refreshes the cached page on the other at once;
4. one host killed under load: no acknowledged write is lost, and only requests that were in
   flight on it fail;
5. requests per second through the balancer with one host and with two, on a cached public page
   and on the experts search.
It stops everything it started, and exits 1 when a check fails.
"""

import argparse
import io
import re
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser import Browser, form_fields, links  # noqa: E402
from bench.run import bench_database_url, environment, manage, prepare  # noqa: E402
from bench.servers import HAProxy, PgBouncer, PortalHost, RedisServer, SeaweedFS  # noqa: E402

# The scale data's focal point (accounts/scale.py), and a staff user the drill makes.
BENCH_MEMBER, BENCH_PASSWORD = "bench@member.test", "bench-member-password"  # noqa: S105
STAFF_EMAIL, STAFF_PASSWORD = "drill-staff@rocb.test", "drill-staff-password"  # noqa: S105
CLIENTS = 8


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def check(results: list, ok: bool, text: str) -> None:
    results.append(ok)
    print(f"  {'ok    ' if ok else 'FAILED'} {text}", flush=True)


def session_is_shared(a: PortalHost, b: PortalHost, results: list) -> Browser:
    member = Browser(a.url)
    member.login(BENCH_MEMBER, BENCH_PASSWORD)
    on_b = Browser(b.url, member.cookies).get("/en/members/")
    check(results, on_b.status == 200, f"logged in through host 1, host 2 answers {on_b.status}")
    return member


def file_is_shared(member: Browser, a: PortalHost, b: PortalHost, results: list) -> None:
    page = Browser(a.url, member.cookies)
    form = page.get("/en/members/experts/nominate/").text
    fields = form_fields(form, "expert-form")
    area = re.search(r'name="areas" value="(\d+)"', form).group(1)
    stamp = f"{time.time_ns()}"
    fields.update(
        given_names_en=["Drill"],
        family_name_en=[f"Expert {stamp}"],
        position_en=["Risk analyst"],
        email=[f"drill-{stamp}@customs.az"],
        areas=[area],
        accreditation=["none"],
        consent=["on"],
    )
    fields["languages-0-language"], fields["languages-0-level"] = ["en"], ["3"]
    content = docx()
    sent = page.post(
        "/en/members/experts/nominate/",
        fields,
        files={"cv": ("drill-cv.docx", content, "application/octet-stream")},
    )
    on_b = Browser(b.url, member.cookies)
    listing = on_b.get("/en/members/experts/nominations/").text
    cv_links = links(listing, r"/en/members/experts/nominations/\d+/cv/")
    newest = max(cv_links, key=lambda link: int(link.split("/")[-3])) if cv_links else None
    download = on_b.get(newest) if newest else None
    same = download is not None and download.status == 200 and download.body == content
    check(
        results, sent.status == 302 and same, "a CV uploaded through host 1 downloads from host 2"
    )


def edit_refreshes_other_host(a: PortalHost, b: PortalHost, slug: str, results: list) -> None:
    path = f"/en/news/{slug}/"
    visitor = Browser(b.url)
    visitor.get(path)
    before = visitor.get(path)  # now from the cache
    staff = Browser(a.url)
    staff.login(STAFF_EMAIL, STAFF_PASSWORD)
    news_id = manage_output(a.env, f"print(NewsItem.objects.get(slug='{slug}').pk)")
    change = f"/admin/outreach/newsitem/{news_id}/change/"
    fields = form_fields(staff.get(change).text, "newsitem_form")
    title = f"Drill edit {time.time_ns()}"
    fields["title_en"] = [title]
    fields["_save"] = ["Save"]
    saved = staff.post(change, fields)
    after = Browser(b.url).get(path)
    check(
        results,
        saved.status == 302 and title not in before.text and title in after.text,
        f"a staff edit on host 1 shows at once on host 2's cached page (save: {saved.status})",
    )


def manage_output(env: dict, code: str) -> str:
    script = "from outreach.models import NewsItem;" + code
    return manage(env, "shell", "--no-imports", "-c", script).strip().splitlines()[-1]


def kill_under_load(lb: HAProxy, victim: PortalHost, seconds: float, env: dict, results: list):
    acknowledged, errors, lock, stop = [], [], threading.Lock(), threading.Event()

    def client():
        browser = Browser(lb.url)
        while not stop.is_set():
            try:
                response = browser.request("GET", "/bench/write")
                if response.status == 200:
                    key = re.search(r'"key": "(\w+)"', response.text).group(1)
                    with lock:
                        acknowledged.append(key)
                    continue
            except OSError:
                pass
            with lock:
                errors.append(time.monotonic())

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 3)
    victim.kill()
    time.sleep(seconds * 2 / 3)
    stop.set()
    for thread in threads:
        thread.join()
    keys = ",".join(f"'{key}'" for key in acknowledged) or "''"
    script = (
        "from django.contrib.sessions.models import Session;"
        f"print(Session.objects.filter(session_key__in=[{keys}]).count())"
    )
    found = int(manage(env, "shell", "--no-imports", "-c", script).strip().splitlines()[-1])
    print(f"  writes acknowledged: {len(acknowledged)}, found in the database: {found}")
    print(f"  failed requests: {len(errors)} (at most {CLIENTS} were in flight on the host)")
    check(results, found == len(acknowledged), "no acknowledged write lost")
    check(results, len(errors) <= CLIENTS, "only the requests in flight on the killed host fail")


def rps(url: str, seconds: int, cookie: str = "") -> tuple[float, int, int]:
    """Requests per second at 16 connections, error answers, and requests that timed out (on a
    machine this small, the load generator and both hosts share two cores)."""
    command = ["wrk", "-t", "2", "-c", "16", "-d", f"{seconds}s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(bad.group(1)) if bad else 0
    counts = [int(n) for n in socket_errors.groups()] if socket_errors else [0, 0, 0, 0]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, errors + sum(counts[:3]), counts[3]


def throughput(hosts: list[PortalHost], member: Browser, seconds: int, results: list) -> None:
    cookie = f"sessionid={member.cookies['sessionid']}"
    figures, errors = {}, 0
    for count in (1, 2):
        lb = HAProxy(hosts[:count])
        try:
            rps(f"{lb.url}/en/news/", 1)  # warm-up: the page in the cache
            public, public_errors, public_slow = rps(f"{lb.url}/en/news/", seconds)
            search, search_errors, search_slow = rps(
                f"{lb.url}/en/members/experts/?q=risk", seconds, cookie
            )
        finally:
            lb.stop()
        figures[count] = (public, search)
        errors += public_errors + search_errors
        print(
            f"  {count} host(s): cached news list {public:.0f} req/s ({public_errors} errors, "
            f"{public_slow} over 2 s), experts search {search:.0f} req/s ({search_errors} "
            f"errors, {search_slow} over 2 s)"
        )
    public_ratio = figures[2][0] / figures[1][0]
    search_ratio = figures[2][1] / figures[1][1]
    print(f"  two hosts / one: cached page {public_ratio:.2f}×, experts search {search_ratio:.2f}×")
    check(results, errors == 0, "no request of the load runs failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="scale data size")
    parser.add_argument("--seconds", type=int, default=5, help="length of each load run")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark database")
    args = parser.parse_args()
    env = environment(bench_database_url(args.fresh))
    prepare(env, args.scale)
    manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from accounts.models import User;"
        f"u, _ = User.objects.get_or_create(email='{STAFF_EMAIL}', "
        "defaults={'is_staff': True, 'is_superuser': True});"
        f"u.set_password('{STAFF_PASSWORD}'); u.save()",
    )
    slug = manage_output(env, "print(NewsItem.objects.published().first().slug)")
    started, results = [], []
    try:
        redis = RedisServer()
        started.append(redis)
        store = SeaweedFS()
        started.append(store)
        public, private = store.bucket("drill-media"), store.bucket("drill-private")
        pooler = PgBouncer(env["DATABASE_URL"])
        started.append(pooler)
        host_env = {
            **env,
            **store.environment(public, private),
            "DATABASE_URL": pooler.url,
            "DATABASE_DISABLE_SERVER_SIDE_CURSORS": "1",
            "CONN_MAX_AGE": "0",
            "REDIS_URL": redis.url,
            "STAFF_SECOND_FACTOR": "0",
        }
        hosts = [PortalHost(host_env, core=n % 2) for n in range(2)]
        started += hosts
        lb = HAProxy(hosts)
        started.append(lb)
        print("Two hosts behind HAProxy, through PgBouncer, with Redis and SeaweedFS:")
        member = session_is_shared(*hosts, results)
        file_is_shared(member, *hosts, results)
        edit_refreshes_other_host(*hosts, slug, results)
        kill_under_load(lb, hosts[1], max(args.seconds, 3), host_env, results)
        hosts[1].start()
        throughput(hosts, member, args.seconds, results)
    finally:
        for server in reversed(started):
            server.stop()
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
