"""Asking a provider's site whether a link still works, politely.

HEAD first, as it asks for no page; GET (without reading the page) when the site refuses
HEAD or answers it with an error, as many sites answer HEAD wrongly. Redirects are
followed one by one, each recorded, and each request waits for its turn at its host:
at most ``LINKCHECK_REQUESTS_PER_HOST`` at once, ``LINKCHECK_HOST_DELAY`` seconds apart.
Every request says who asks (``LINKCHECK_USER_AGENT``) and gives up after
``LINKCHECK_TIMEOUT`` seconds. A certificate that does not check out counts as broken:
a learner's browser would refuse it too.
"""

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

from borg_learning import __version__
from borg_learning.conf import learning_settings
from borg_learning.linkcheck.models import LinkProblem, LinkState

#: Of an error, this much text is kept for the editor.
DETAIL_LENGTH = 300


@dataclass(frozen=True)
class Answer:
    """What a link led to: the last status and address, the redirects on the way, or
    the problem that stopped the check."""

    url: str
    method: str
    status_code: int | None = None
    final_url: str = ""
    redirects: list[dict] = field(default_factory=list)
    problem: str = ""
    detail: str = ""

    @property
    def state(self) -> str:
        if self.problem:
            return LinkState.BROKEN
        if self.redirects and self.final_url != self.url:
            return LinkState.REDIRECTED
        return LinkState.OK


class HostLimiter:
    """At most ``per_host`` requests at once per host, their starts ``delay`` seconds
    apart. ``clock`` and ``sleep`` are replaceable, so tests need not wait."""

    def __init__(
        self,
        per_host: int,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.per_host, self.delay, self.clock, self.sleep = per_host, delay, clock, sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._turns: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            slots = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
            turn = self._turns[host]
        with slots:
            with turn:
                wait = self._next_start.get(host, 0.0) - self.clock()
                if wait > 0:
                    self.sleep(wait)
                self._next_start[host] = self.clock() + self.delay
            yield


def default_user_agent() -> str:
    contact = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return f"borg-learning-linkcheck/{__version__}" + (f" (+{contact})" if contact else "")


class LinkChecker:
    """Checks links with a ``requests`` session per thread; safe to use from several threads."""

    def __init__(
        self,
        *,
        limiter: HostLimiter | None = None,
        timeout: float | None = None,
        max_redirects: int | None = None,
        user_agent: str | None = None,
    ) -> None:
        self.limiter = limiter or HostLimiter(
            learning_settings.LINKCHECK_REQUESTS_PER_HOST, learning_settings.LINKCHECK_HOST_DELAY
        )
        self.timeout = timeout or learning_settings.LINKCHECK_TIMEOUT
        self.max_redirects = max_redirects or learning_settings.LINKCHECK_MAX_REDIRECTS
        self.user_agent = (
            user_agent or learning_settings.LINKCHECK_USER_AGENT or default_user_agent()
        )
        self._local = threading.local()

    @property
    def session(self) -> requests.Session:
        """This thread's session: ``requests`` does not promise a session is safe to
        share between threads."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["User-Agent"] = self.user_agent
            # Proxies and .netrc from the environment are the server's business, not a link's.
            session.trust_env = False
        return session

    def check(self, url: str) -> Answer:
        answer = self.follow("HEAD", url)
        refused = answer.problem == LinkProblem.HTTP_ERROR or answer.problem == (
            LinkProblem.CONNECTION
        )
        return self.follow("GET", url) if refused else answer

    def follow(self, method: str, url: str) -> Answer:
        """Ask ``url`` with ``method`` and follow its redirects, recording each."""
        redirects, current = [], url
        for _hop in range(self.max_redirects + 1):
            host = urlsplit(current).hostname
            if not host or urlsplit(current).scheme not in ("http", "https"):
                return self.broken(
                    url,
                    method,
                    redirects,
                    current,
                    LinkProblem.INVALID,
                    f"{current} is not an http(s) address",
                )
            try:
                with self.limiter.slot(host.lower()):
                    response = self.session.request(
                        method, current, allow_redirects=False, stream=True, timeout=self.timeout
                    )
            except requests.exceptions.SSLError as error:
                return self.broken(url, method, redirects, current, LinkProblem.TLS, error)
            except requests.exceptions.Timeout:
                detail = f"no answer from {host} within {self.timeout} seconds"
                return self.broken(url, method, redirects, current, LinkProblem.TIMEOUT, detail)
            except requests.exceptions.ConnectionError as error:
                return self.broken(url, method, redirects, current, LinkProblem.CONNECTION, error)
            except (requests.exceptions.RequestException, ValueError) as error:
                return self.broken(url, method, redirects, current, LinkProblem.INVALID, error)
            with response:  # the body is never read
                target = self.session.get_redirect_target(response)
                status = response.status_code
            if not (response.is_redirect and target):
                problem = LinkProblem.HTTP_ERROR if status >= 400 else ""
                detail = f"HTTP {status} {response.reason or ''}".strip() if problem else ""
                return Answer(url, method, status, current, redirects, problem, detail)
            redirects.append({"status": status, "url": current})
            current = urljoin(current, target)
            if status == 303 and method != "HEAD":
                method = "GET"
        detail = f"more than {self.max_redirects} redirects"
        return Answer(url, method, None, current, redirects, LinkProblem.REDIRECTS, detail)

    @staticmethod
    def broken(url, method, redirects, final_url, problem, error) -> Answer:
        detail = str(error)[:DETAIL_LENGTH]
        return Answer(url, method, None, final_url, redirects, problem, detail)


def check_all(
    urls: Iterable[str], checker: LinkChecker | None = None, workers: int | None = None
) -> Iterator[Answer]:
    """Check ``urls`` (each once) in threads, yielding the answers as they come; the
    caller stores them, so no thread touches the database."""
    checker = checker or LinkChecker()
    workers = workers or learning_settings.LINKCHECK_WORKERS
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="linkcheck") as pool:
        yield from pool.map(checker.check, dict.fromkeys(urls))
