"""Whether an answer's cost grows with the answer or with the site.

    .venv/bin/python benchmarks/site_size.py [requests per round] [rounds]

Sends the frontend's own documents (docs/queries/) for answers of the same size on a
site of 100 modules and then, after 900 more modules were added elsewhere on the site,
of 1,000: a list of 100 modules (``modules``, as ``benchmarks/api.py``'s "list of 100"),
a search with 100 hits, the page of a section of 100 modules, and the theme map with one
theme of 100 modules. For each it prints the SQL queries, the model instances built (rows
turned into objects), the median in milliseconds at both sizes and their ratio: the
issue's goal is at most 1.1x. The database is a throwaway test database, as in
``benchmarks/api.py`` (whose bootstrap and request modes this reuses).
"""

import json
import statistics
import sys
import time

from api import QUERIES, sender  # benchmarks/api.py: the Django bootstrap and its sender
from django.db import connection
from django.db.models.signals import post_init
from django.test import Client, override_settings
from django.test.utils import (
    setup_databases,
    setup_test_environment,
    teardown_databases,
)


def build():
    """The first 100 modules, with their images and a theme, and the documents to send:
    {case: (document name, variables)}."""
    from borg_learning import models
    from tests import factories
    from tests.helpers.sites import bulk_modules

    environment = factories.learning_environment()
    listed = environment.add_child(instance=models.SectionPage(title="Lijst"))
    theme = factories.theme(slug="sgg", name="SGG")
    modules = bulk_modules(listed, 100, themes=[theme], index=True)
    for number, module in enumerate(modules):
        module.image = factories.image(title=f"Tegel {number}")
    models.ModulePage.objects.bulk_update(modules, ["image"])
    return environment, {
        "list of 100": ("modules", {"limit": 100}),
        "search, 100 hits": ("search", {"query": "module", "limit": 100}),
        "section of 100": ("page", {"id": listed.pk}),
        "theme of 100": ("theme_map", {}),
    }


def grow(environment, count=900):
    """``count`` more modules in another section: on the site, in no answer above. They
    match the search too (in their summary), below the first 100 (whose titles match as
    well): its answer is the same but for the count of hits, which it ranks to find."""
    from borg_learning import models
    from tests.helpers.sites import bulk_modules

    more = environment.add_child(instance=models.SectionPage(title="Meer"))
    bulk_modules(more, count, title="Andere les {number}", index=True)


class Counted:
    """Counts the SQL queries run and the model instances built while it is open."""

    def __enter__(self):
        self.queries = self.instances = 0
        post_init.connect(self.built)
        self.wrapper = connection.execute_wrapper(self.executed)
        self.wrapper.__enter__()
        return self

    def built(self, **kwargs):
        self.instances += 1

    def executed(self, execute, *args):
        self.queries += 1
        return execute(*args)

    def __exit__(self, *exc):
        self.wrapper.__exit__(*exc)
        post_init.disconnect(self.built)


def measure(client, cases, requests, rounds):
    """{case: (SQL queries, instances built, median ms)} of the POST of each document."""
    from tests.helpers.sites import analyze_tables

    results = {}
    analyze_tables()  # as autovacuum keeps them on a live site
    for case, (name, variables) in cases.items():
        body = json.dumps(
            {"query": (QUERIES / f"{name}.graphql").read_text(), "variables": variables}
        )
        _prepare, send = sender(client, "POST", "/graphql/", body, None)
        send()  # renditions are made once, as on a live site
        with Counted() as counted:
            response = send()
        if response.status_code != 200 or b'"errors"' in response.content:
            sys.exit(f"{case}: {response.content[:300]}")
        times = []
        for _ in range(rounds * requests):
            started = time.perf_counter()
            send()
            times.append((time.perf_counter() - started) * 1000)
        results[case] = (counted.queries, counted.instances, statistics.median(times))
    return results


def report(small, large):
    print(
        f"{'case':18} {'SQL':>9} {'instances':>11} {'100 modules':>12} "
        f"{'1,000 modules':>14} {'ratio':>6}"
    )
    for case, (sql, built, median) in small.items():
        sql_large, built_large, median_large = large[case]
        print(
            f"{case:18} {sql:>4}/{sql_large:<4} {built:>5}/{built_large:<5} "
            f"{median:>10.1f}ms {median_large:>12.1f}ms {median_large / median:>5.2f}x"
        )


def main(requests=20, rounds=3):
    settings = {
        "ROOT_URLCONF": "tests.urls",
        "DEBUG": False,
        # Without the response cache: every request is executed, as the first after a
        # change of content is.
        "BORG_LEARNING": {
            "GRAPHQL_PERSISTED_QUERY_DIRS": [str(QUERIES)],
            "GRAPHQL_RESPONSE_CACHE": None,
        },
    }
    with override_settings(**settings):
        client = Client()
        environment, cases = build()
        small = measure(client, cases, requests, rounds)
        grow(environment)
        large = measure(client, cases, requests, rounds)
    print(f"{rounds * requests} requests per case and size, {connection.vendor}")
    report(small, large)


if __name__ == "__main__":
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        main(*[int(arg) for arg in sys.argv[1:3]])
    finally:
        teardown_databases(databases, verbosity=0)
