"""Visits and evaluations per second through the services, on the database of DATABASE_URL.

    scripts/with-postgres .venv/bin/python benchmarks/visits.py [threads] [visits] [submissions]

Makes a throwaway test database next to the given one, adds a small learning environment,
then counts visits and stores submissions from several threads at once, without HTTP
(tests/analytics/test_visits_load.py measures the whole stack). Each thread keeps its connection.
"""

import os
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_project")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Firefox/133.0"


def visitor(thread, index):
    """A request of a different client for each visit: a client counts once a day."""
    from django.test import RequestFactory

    address = f"10.{thread}.{index // 256}.{index % 256}"
    return RequestFactory().post("/api/visits/", REMOTE_ADDR=address, HTTP_USER_AGENT=BROWSER)


def in_threads(count, work):
    barrier = threading.Barrier(count)

    def run(number):
        barrier.wait()
        try:
            work(number)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began


def main(threads=20, visits=20_000, submissions=2_000):
    from borg_learning import evaluation, models
    from borg_learning.analytics.visits import record_visit
    from tests import factories
    from tests.helpers import evaluation as ec

    module = factories.module_with_questionnaire()
    pages = [page.pk for page in module.get_parent().get_parent().get_descendants(inclusive=True)]
    answers = ec.good_answers(module.questionnaire)

    seconds = in_threads(
        threads,
        lambda number: [
            record_visit(pages[(number + index) % len(pages)], visitor(number, index))
            for index in range(visits // threads)
        ],
    )
    counted = sum(models.PageVisitDay.objects.values_list("count", flat=True))
    print(
        f"{counted} visits counted from {threads} threads in {seconds:.1f} s: "
        f"{counted / seconds:.0f} visits/s"
    )

    seconds = in_threads(
        threads,
        lambda number: [
            evaluation.submit(module, uuid.uuid4(), answers)
            for _index in range(submissions // threads)
        ],
    )
    stored = models.Response.objects.count()
    print(
        f"{stored} submissions stored from {threads} threads in {seconds:.1f} s: "
        f"{stored / seconds:.0f} submissions/s"
    )


if __name__ == "__main__":
    if connection.vendor != "postgresql":
        sys.exit("Give a PostgreSQL database in DATABASE_URL (scripts/with-postgres does).")
    numbers = [int(arg) for arg in sys.argv[1:4]]
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        for settings in connections.settings.values():
            settings["CONN_MAX_AGE"] = None
        main(*numbers)
    finally:
        connections.close_all()
        teardown_databases(databases, verbosity=0)
