"""Looking a certificate up by its code, for anyone who holds the paper.

The code is public (it is printed), so it is stored as it is and looked up directly. To
keep codes from being guessed, each unknown code a client address looks up counts against
``CERTIFICATE_LOOKUP_RATE_LIMIT`` per clock hour; past the limit every lookup from that
address is refused, known codes too, until the hour is over.
"""

import re

from django.core.cache import cache
from django.http import HttpRequest

from borg_learning import throttling
from borg_learning.certificates import conf  # noqa: F401  (settings)
from borg_learning.certificates.models import CODE_LENGTH, Certificate
from borg_learning.conf import learning_settings

SCOPE = "certificate-lookup"


class RateLimited(Exception):
    """Too many unknown codes from this address this hour."""

    message = (
        "Too many unknown certificate codes from this address; try again within an hour "
        "(BORG_LEARNING['CERTIFICATE_LOOKUP_RATE_LIMIT'])."
    )


def normalized(code: str) -> str:
    """The code as typed or read from a link, without spaces and hyphens, in capitals."""
    return re.sub(r"[\s-]+", "", code if isinstance(code, str) else "").upper()


def find(request: HttpRequest, code: str) -> Certificate | None:
    """The certificate with this code, or None. Raises ``RateLimited``."""
    limit = learning_settings.CERTIFICATE_LOOKUP_RATE_LIMIT
    if limit is not None and (cache.get(throttling.client_key(request, SCOPE)) or 0) >= limit:
        raise RateLimited(RateLimited.message)
    code = normalized(code)
    certificate = (
        Certificate.objects.filter(code=code).first() if len(code) == CODE_LENGTH else None
    )
    if certificate is None:
        throttling.allow(request, SCOPE, limit)
    return certificate
