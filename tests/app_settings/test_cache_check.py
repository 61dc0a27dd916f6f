"""The rate limits need a cache all processes share; the system check says so when the
default cache lives in each process, or remembers nothing."""

import pytest
from django.core.checks import run_checks

from borg_learning.checks import check_shared_cache


def default_cache(backend):
    return {"default": {"BACKEND": f"django.core.cache.backends.{backend}"}}


@pytest.fixture
def deployed(settings):
    settings.DEBUG = False
    return settings


def test_the_local_memory_cache_gets_a_warning_with_a_hint(deployed):
    deployed.CACHES = default_cache("locmem.LocMemCache")
    (warning,) = check_shared_cache()
    assert warning.id == "borg_learning.W001"
    assert warning.msg == (
        "The default cache (LocMemCache) lives in each process, so each worker process "
        "counts on its own: EVALUATION_RATE_LIMIT and visits count once per client per "
        "page per day."
    )
    assert "CACHES['default']" in warning.hint and "RedisCache" in warning.hint
    assert "borg_learning.W001" in [message.id for message in run_checks()]


def test_the_dummy_cache_gets_one_too(deployed):
    deployed.CACHES = default_cache("dummy.DummyCache")
    (warning,) = check_shared_cache()
    assert "DummyCache" in warning.msg and "nothing is limited" in warning.msg


def test_without_the_evaluation_limit_the_visits_still_need_it(deployed):
    deployed.BORG_LEARNING = {"EVALUATION_RATE_LIMIT": None}
    deployed.CACHES = default_cache("locmem.LocMemCache")
    (warning,) = check_shared_cache()
    assert "EVALUATION_RATE_LIMIT" not in warning.msg and "visits count once" in warning.msg


@pytest.mark.parametrize(
    "backend",
    [
        "redis.RedisCache",
        "memcached.PyMemcacheCache",
        "db.DatabaseCache",
        "filebased.FileBasedCache",
    ],
)
def test_a_shared_cache_is_fine(deployed, backend):
    deployed.CACHES = default_cache(backend)
    assert check_shared_cache() == []


def test_a_development_server_is_one_process(settings):
    settings.DEBUG = True
    settings.CACHES = default_cache("locmem.LocMemCache")
    assert check_shared_cache() == []


def test_a_cache_that_cannot_be_imported_is_left_to_django(deployed):
    deployed.CACHES = {"default": {"BACKEND": "nowhere.Cache"}}
    assert check_shared_cache() == []


def test_a_response_cache_in_each_process_gets_a_warning(deployed):
    from borg_learning.checks import check_response_cache

    deployed.CACHES = default_cache("locmem.LocMemCache")
    (warning,) = check_response_cache()
    assert warning.id == "borg_learning.W002"
    assert "only in the process that made it" in warning.msg
    deployed.BORG_LEARNING = {"GRAPHQL_RESPONSE_CACHE": None}
    assert check_response_cache() == []
    deployed.BORG_LEARNING = {}
    deployed.CACHES = default_cache("redis.RedisCache")
    assert check_response_cache() == []
