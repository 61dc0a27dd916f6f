"""The tool's few HTTP requests to a platform (its key set, its token URL, its score
endpoint) and to an institution's LRS, with the standard library and a timeout; failures
are ``PlatformError``s that say in English what the other side answered."""

import json
import urllib.error
import urllib.parse
import urllib.request

from borg_learning.conf import learning_settings

#: Of an error answer, this much of the body is kept for the administrator.
ERROR_BODY_LENGTH = 500


class PlatformError(Exception):
    """A platform (or an LRS) could not be reached or refused a request; ``status`` is the
    HTTP status of a refusal, None when there was no answer."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


def request_json(
    url: str,
    *,
    data: bytes | None = None,
    headers: dict | None = None,
    method: str | None = None,
) -> dict:
    """GET (or POST ``data``, or ``method``) and decode the JSON answer; an empty answer
    is ``{}``."""
    if urllib.parse.urlsplit(url).scheme not in ("https", "http"):
        raise PlatformError(f"{url} is not an http(s) URL")
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        url, data=data, headers={"Accept": "application/json", **(headers or {})}, method=method
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 (the scheme is checked above)
            request, timeout=learning_settings.LMS_HTTP_TIMEOUT
        ) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        detail = error.read()[:ERROR_BODY_LENGTH].decode(errors="replace")
        raise PlatformError(
            f"{url} answered HTTP {error.code}: {detail}".strip(), error.code
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PlatformError(f"{url} could not be reached: {reason}") from None
    if not body.strip():
        return {}
    try:
        return json.loads(body)
    except ValueError:
        raise PlatformError(f"{url} answered something that is not JSON") from None
