"""Asking a provider's site whether a link works: HEAD, else GET; redirects followed and
recorded; a timeout; TLS that fails; politely, one host at a time, saying who asks."""

import threading

import pytest

from borg_learning.linkcheck.checking import HostLimiter, LinkChecker, check_all
from borg_learning.linkcheck.models import LinkProblem, LinkState


@pytest.fixture
def checker(quick):
    return LinkChecker()


def test_a_working_link_is_asked_with_head_only(site, checker):
    answer = checker.check(f"{site.url}/cursus/")

    assert (answer.state, answer.status_code, answer.method) == (LinkState.OK, 200, "HEAD")
    assert answer.final_url == f"{site.url}/cursus/"
    assert site.paths() == ["/cursus/"]


def test_redirects_are_followed_and_recorded_with_the_final_address(site, checker):
    answer = checker.check(f"{site.url}/oud/")

    assert answer.state == LinkState.REDIRECTED
    assert (answer.status_code, answer.final_url) == (200, f"{site.url}/cursus/")
    assert answer.redirects == [
        {"status": 301, "url": f"{site.url}/oud/"},
        {"status": 302, "url": f"{site.url}/tussen/"},
    ]


@pytest.mark.parametrize(("path", "status"), [("/bestaat-niet/", 404), ("/kapot/", 500)])
def test_an_error_answer_is_broken_after_asking_with_get_too(site, checker, path, status):
    answer = checker.check(site.url + path)

    assert (answer.state, answer.problem, answer.status_code) == (
        LinkState.BROKEN,
        LinkProblem.HTTP_ERROR,
        status,
    )
    assert answer.detail.startswith(f"HTTP {status}")
    assert [method for method, _path, _agent in site.requests] == ["HEAD", "GET"]


def test_a_redirect_to_a_missing_page_is_broken_not_redirected(site, checker):
    answer = checker.check(f"{site.url}/naar-fout/")

    assert (answer.state, answer.status_code) == (LinkState.BROKEN, 404)
    assert answer.final_url == f"{site.url}/weg/"
    assert answer.redirects == [{"status": 301, "url": f"{site.url}/naar-fout/"}]


def test_a_site_that_refuses_head_is_asked_with_get(site, checker):
    answer = checker.check(f"{site.url}/no-head/")

    assert (answer.state, answer.status_code, answer.method) == (LinkState.OK, 200, "GET")
    assert site.requests[0][:2] == ("HEAD", "/no-head/")
    assert site.requests[1][:2] == ("GET", "/no-head/")


def test_a_slow_site_times_out_once_without_a_second_try(site, checker):
    answer = checker.check(f"{site.url}/slow/")

    assert (answer.state, answer.problem) == (LinkState.BROKEN, LinkProblem.TIMEOUT)
    assert "0.3 seconds" in answer.detail
    assert site.paths() == ["/slow/"]


def test_an_https_link_to_a_site_without_tls_is_broken(site, checker):
    answer = checker.check(f"{site.https_url}/cursus/")

    assert (answer.state, answer.problem) == (LinkState.BROKEN, LinkProblem.TLS)
    assert answer.status_code is None


def test_a_plain_http_link_works_but_is_without_tls(site, checker):
    from borg_learning.linkcheck.models import CheckedLink

    answer = checker.check(f"{site.url}/cursus/")
    link = CheckedLink(url=answer.url, final_url=answer.final_url)

    assert answer.state == LinkState.OK
    assert link.without_tls


def test_a_redirect_loop_is_broken(site, checker):
    answer = checker.check(f"{site.url}/kring/")

    assert (answer.state, answer.problem) == (LinkState.BROKEN, LinkProblem.REDIRECTS)
    assert len(answer.redirects) == 11  # LINKCHECK_MAX_REDIRECTS (10), then one too many


def test_a_closed_port_and_a_wrong_address_are_broken(checker):
    assert checker.check("http://127.0.0.1:9/").problem == LinkProblem.CONNECTION
    assert checker.check("ftp://example.org/cursus").problem == LinkProblem.INVALID
    assert checker.check("http:///cursus").problem == LinkProblem.INVALID


def test_every_request_says_who_asks(site, checker):
    checker.check(f"{site.url}/oud/")

    agents = {agent for _method, _path, agent in site.requests}
    (agent,) = agents
    assert agent.startswith("borg-learning-linkcheck/")
    assert "http://testserver" in agent  # WAGTAILADMIN_BASE_URL: where to ask


def test_each_worker_thread_asks_with_its_own_session_saying_who_asks(site, checker):
    sessions = {}

    def check_in_a_thread(name):
        checker.check(f"{site.url}/cursus/")
        sessions[name] = checker.session

    workers = [threading.Thread(target=check_in_a_thread, args=(n,)) for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert sessions[0] is not sessions[1]
    assert checker.session is checker.session  # one per thread, kept
    assert {agent for _method, _path, agent in site.requests} == {checker.user_agent}


def test_a_site_gets_at_most_the_allowed_number_of_requests_at_once(site, settings):
    settings.BORG_LEARNING = {
        "LINKCHECK_TIMEOUT": 2,
        "LINKCHECK_HOST_DELAY": 0,
        "LINKCHECK_REQUESTS_PER_HOST": 2,
        "LINKCHECK_WORKERS": 6,
    }
    urls = [f"{site.url}/held/{number}/" for number in range(8)]

    answers = list(check_all(urls))

    assert [answer.state for answer in answers] == [LinkState.OK] * 8
    assert 1 <= site.most_in_flight <= 2


def test_requests_to_one_host_start_the_delay_apart():
    now, waits = [100.0], []

    def sleep(seconds):
        waits.append(round(seconds, 3))
        now[0] += seconds

    limiter = HostLimiter(per_host=2, delay=1.5, clock=lambda: now[0], sleep=sleep)
    for host in ["a.example", "a.example", "b.example", "a.example"]:
        with limiter.slot(host):
            now[0] += 0.5  # the request takes half a second

    assert waits == [1.0, 0.5]  # a.example's second and third; b.example waits for none


def test_a_host_never_serves_more_than_its_slots_at_once():
    limiter = HostLimiter(per_host=2, delay=0)
    inside, most, lock, release = [0], [0], threading.Lock(), threading.Event()

    def request():
        with limiter.slot("a.example"):
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            release.wait(0.05)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=request) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] <= 2
