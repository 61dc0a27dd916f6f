"""What the tests' default cache holds, on the local memory cache or on Redis."""

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from borg_learning.api.graphql.response_cache import GENERATION_KEY, SITES_GENERATION_KEY


def cache_keys(alias="default"):
    """Every key in the cache as the backend stores it (with Django's prefix and version),
    but the GraphQL response cache's generations of content and of sites: numbers every
    change moves on, about no one."""
    cache = caches[alias]
    if isinstance(cache, LocMemCache):
        keys = list(cache._cache)
    elif isinstance(cache, RedisCache):
        keys = [key.decode() for key in cache._cache.get_client().keys("*")]
    else:
        raise NotImplementedError(f"cannot list the keys of {type(cache).__name__}")
    generations = (GENERATION_KEY, SITES_GENERATION_KEY)
    return [key for key in keys if not key.endswith(generations)]
