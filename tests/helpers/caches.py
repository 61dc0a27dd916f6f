"""What the tests' default cache holds, on the local memory cache or on Redis."""

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache


def cache_keys(alias="default"):
    """Every key in the cache as the backend stores it (with Django's prefix and version)."""
    cache = caches[alias]
    if isinstance(cache, LocMemCache):
        return list(cache._cache)
    if isinstance(cache, RedisCache):
        return [key.decode() for key in cache._cache.get_client().keys("*")]
    raise NotImplementedError(f"cannot list the keys of {type(cache).__name__}")
