"""The benchmark's registration rush (issue 17): many people register at once for an event with
few seats, through real HTTP as a browser does it, and the database is counted afterwards: the
capacity must hold (0 overbooked), every POST must be answered, and everyone beyond the seats
must be on the waiting list, first come first.

Run by bench/run.py after the pages, in a Django process on the benchmark database:
1. a public event of its own (`SLUG`, which no measured page shows) with registration open,
   `--capacity` seats and no approval step; then gunicorn with `WORKERS` sync workers (see
   there why), forked from this process once the portal is loaded;
2. each of `--registrations` people, a distinct name and e-mail, opens the registration page
   (their own CSRF cookie and the form's token), then all of them post the form at once from
   `--connections` concurrent connections; only the posts are timed;
3. the event's registrations are counted, then the event, its registrations and the mail they
   queued are deleted. Prints one JSON line.

The registration form has no per-client throttle (core/throttling.py counts only the password
reset, the contact form and the consultation), so all the posts may come from 127.0.0.1 with
no setting changed.
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import re
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SLUG = "bench-registration-rush"
PATH = f"/en/events/{SLUG}/register/"
EMAIL_DOMAIN = "rush.bench.test"
# The benchmark's own server has 2 sync workers: two registrations decided at once at most. Eight
# put eight transactions at the settings row together, as four production hosts of two would:
# with the seat lock removed, 40 people for 5 seats overbooked by 1 on two workers, by 3 on eight.
WORKERS = 8
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def rush_event(capacity: int):
    """The rush's event, made afresh."""
    from django.utils import timezone

    from outreach.models import Audience, Event, RegistrationSettings, Status

    Event.objects.filter(slug=SLUG).delete()  # a run cut short left it behind
    today, now = timezone.localdate(), timezone.now()
    event = Event.objects.create(
        slug=SLUG,
        title_en="Benchmark registration rush",
        title_ru="Нагрузочная проверка регистрации",
        place_en="Online",
        place_ru="Онлайн",
        kind=Event.Kind.WEBINAR,
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=30),
        status=Status.PUBLISHED,
    )
    RegistrationSettings.objects.create(
        event=event,
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=1),
        capacity=capacity,
        audience=Audience.PUBLIC,
        requires_approval=False,
    )
    return event


def warm_portal():
    """The portal loaded, with one request for the rush's registration page made, before the
    server forks: the URLs, templates and translations a worker loads on its first request are
    loaded once, not by each of the eight (4 s each on this machine under load), and the
    project is not loaded a second time by a gunicorn of its own. The database connection is
    closed so that no worker inherits it."""
    from django.db import connections
    from django.test import Client

    from rocb.wsgi import application

    Client().get(PATH)
    connections.close_all()
    return application


class RushServer:
    """gunicorn with `WORKERS` sync workers serving `application`, in a process forked from
    this one (as `gunicorn --preload` forks its workers from a loaded master)."""

    def __init__(self, application):
        from gunicorn.app.base import BaseApplication

        from bench.servers import free_port, wait_for

        class Gunicorn(BaseApplication):
            def load_config(self):
                self.cfg.set("workers", WORKERS)
                self.cfg.set("bind", f"127.0.0.1:{port}")
                self.cfg.set("loglevel", "error")

            def load(self):
                return application

        port = self.port = free_port()
        self.pid = os.fork()
        if self.pid == 0:  # the server: never returns into the rush's code
            try:
                Gunicorn().run()
            finally:
                os._exit(0)
        wait_for(self._all_workers_up, what=f"gunicorn on {port}")

    def _all_workers_up(self) -> bool:
        import psutil

        return len(psutil.Process(self.pid).children()) == WORKERS

    def stop(self) -> None:
        """At once (SIGINT): every post has been answered, and a graceful stop waits seconds."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGINT)
            os.waitpid(self.pid, 0)


def _open_form(port: int, path: str) -> dict:
    """What a browser has after opening the form: its cookies and the form's CSRF token."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        page = response.read().decode()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
    finally:
        connection.close()
    return {
        "cookie": "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items()),
        "token": TOKEN.search(page).group(1),
    }


def _post(port: int, path: str, browser: dict, n: int) -> int | str:
    """One person's registration, as the browser posts the form: the status, or the error."""
    body = urlencode(
        {
            "csrfmiddlewaretoken": browser["token"],
            "action": "register",
            "full_name": f"Rush Participant {n}",
            "email": f"participant-{n}@{EMAIL_DOMAIN}",
        }
    )
    headers = {
        "Host": f"127.0.0.1:{port}",
        "Origin": f"http://127.0.0.1:{port}",
        "Referer": f"http://127.0.0.1:{port}{path}",
        "Cookie": browser["cookie"],
        "Content-Type": "application/x-www-form-urlencoded",
    }
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError as error:
        return type(error).__name__
    finally:
        connection.close()


def rush(port: int, path: str, registrations: int, connections: int) -> tuple[list, float]:
    """Every person's POST, all at once from `connections` connections: the answers and the
    seconds from the first post to the last answer."""
    with ThreadPoolExecutor(connections) as pool:
        browsers = list(pool.map(lambda _: _open_form(port, path), range(registrations)))
        start = threading.Barrier(connections + 1)
        queue = iter(range(registrations))
        lock = threading.Lock()
        answers: list = [None] * registrations

        def connection_loop() -> None:
            start.wait()
            while True:
                with lock:
                    n = next(queue, None)
                if n is None:
                    return
                answers[n] = _post(port, path, browsers[n], n)

        loops = [pool.submit(connection_loop) for _ in range(connections)]
        start.wait()
        started = time.perf_counter()
        for loop in loops:
            loop.result()
        return answers, time.perf_counter() - started


def count(event, capacity: int) -> dict:
    """The event's registrations as the database holds them."""
    from django.db.models import Max

    from outreach.models import Registration

    registrations = Registration.objects.filter(event=event)
    held = registrations.holding_seats().count()
    last_seated = registrations.holding_seats().aggregate(last=Max("created_at"))["last"]
    waiting = registrations.waiting()
    return {
        "saved": registrations.count(),
        "held": held,
        "waiting": waiting.count(),
        "overbooked": max(0, held - capacity),
        # First come first: nobody on the waiting list registered before the last seat went.
        "out_of_order": waiting.filter(created_at__lt=last_seated).count() if last_seated else 0,
    }


def clean_up(since) -> None:
    """The rush's event, its registrations (by cascade) and the mail they queued."""
    from django_tasks_db.models import DBTaskResult

    from outreach.models import Event

    queued = DBTaskResult.objects.filter(enqueued_at__gte=since, task_path="core.mail.deliver_mail")
    ours = [
        task.pk
        for task in queued.only("pk", "args_kwargs")
        if all(to.endswith(f"@{EMAIL_DOMAIN}") for to in task.args_kwargs["kwargs"]["to"])
    ]
    DBTaskResult.objects.filter(pk__in=ours).delete()
    Event.objects.filter(slug=SLUG).delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=20)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rocb.settings.base")
    import django

    django.setup()
    from django.utils import timezone

    since = timezone.now()
    event = rush_event(args.capacity)
    try:
        server = RushServer(warm_portal())
        try:
            answers, seconds = rush(server.port, PATH, args.registrations, args.connections)
        finally:
            server.stop()
        figures = count(event, args.capacity)
    finally:
        clean_up(since)
    statuses: dict[str, int] = {}
    for answer in answers:
        statuses[str(answer)] = statuses.get(str(answer), 0) + 1
    accepted = statuses.get("302", 0)  # the form's redirect: registered, seated or waiting
    print(
        json.dumps(
            {
                "registrations": args.registrations,
                "capacity": args.capacity,
                "connections": args.connections,
                "workers": WORKERS,
                "seconds": round(seconds, 2),
                "rps": round(args.registrations / seconds, 1),
                "accepted": accepted,
                "errors": args.registrations - accepted,
                "answers": statuses,
                **figures,
            }
        )
    )


if __name__ == "__main__":
    main()
