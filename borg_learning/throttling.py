"""Per-client rate limits that remember no one: counters in Django's cache, keyed by a hash.

The key is an HMAC (with ``SECRET_KEY``) of the client's address and today's date, so
it cannot be turned back into the address, and the same client gets a new key every
day. Nothing is written to the database. Use a cache all workers share (Redis, say);
with the per-process local memory cache each worker counts on its own (system check
``borg_learning.W001``). Counting a visit once a day keys its cache entries with the same
``keyed_digest``.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from borg_learning.conf import learning_settings

WINDOW_SECONDS = 60 * 60


def client_address(request):
    """The address the request came from; behind a proxy, the one the proxy saw.

    With ``CLIENT_ADDRESS_HEADER`` set (e.g. ``"X-Forwarded-For"``), the last address in
    that header counts: the one the site's own proxy added, which a client cannot forge.
    """
    header = learning_settings.CLIENT_ADDRESS_HEADER
    if header:
        forwarded = request.headers.get(header, "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR", "")


def keyed_digest(*parts):
    """A hex HMAC (with ``SECRET_KEY``) of ``parts``: the same parts always give the same
    digest, and without the key it cannot be turned back into an address."""
    message = "|".join(str(part) for part in parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def client_key(request, scope):
    """An opaque cache key for this client in ``scope``, different every day."""
    now = timezone.now()
    digest = keyed_digest(scope, now.date().isoformat(), client_address(request))
    window = int(now.timestamp()) // WINDOW_SECONDS
    return f"borg_learning:throttle:{scope}:{window}:{digest[:40]}"


def allow(request, scope, limit):
    """Count one attempt of this client in ``scope``; False once ``limit`` per hour is
    passed. A ``limit`` of None lets everything through."""
    if limit is None:
        return True
    key = client_key(request, scope)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit
