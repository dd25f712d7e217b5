"""Capacity is never exceeded, even when many people register at once: parallel requests, each
in its own thread and database connection on the real PostgreSQL, race for an event's last
seats. The service locks the event's registration settings row, so they are decided one at a
time; without the lock, several saw the same free seat and the event was overbooked."""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from outreach.models import Audience, Registration
from tests.outreach.factories import make_registration, make_registration_settings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# More at once for a bench run: SEAT_RACE_THREADS=40 pytest tests/outreach/test_seats_concurrency.py
THREADS = int(os.environ.get("SEAT_RACE_THREADS", "8"))
CAPACITY, TAKEN = 5, 3  # two seats left


def test_parallel_registrations_for_the_last_seats_never_overbook():
    registration_settings = make_registration_settings(audience=Audience.PUBLIC, capacity=CAPACITY)
    for _ in range(TAKEN):
        make_registration(registration_settings)
    url = reverse("outreach:event_register", kwargs={"slug": registration_settings.event.slug})
    start = threading.Barrier(THREADS)

    def register(n: int) -> int:
        try:
            client = Client()
            start.wait()
            data = {"action": "register", "full_name": f"Person {n}", "email": f"p{n}@x.test"}
            return client.post(url, data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        answers = list(pool.map(register, range(THREADS)))

    registrations = Registration.objects.filter(event=registration_settings.event)
    assert answers == [302] * THREADS
    assert registrations.count() == TAKEN + THREADS
    assert registrations.holding_seats().count() == CAPACITY  # 0 overbooked
    assert registrations.waiting().count() == THREADS - (CAPACITY - TAKEN)
