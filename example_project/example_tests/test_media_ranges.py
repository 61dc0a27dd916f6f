"""The demo serves its audio with byte ranges, as podcast apps and Safari's player need
to seek: the podcast feed's enclosures answer a Range request with 206."""

from urllib.parse import urlsplit

import feedparser
import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.urls("example_tests.browser.urls")]


@pytest.fixture(scope="module")
def enclosure(shared_demo_content, django_db_blocker):
    """The first audio file of the demo's podcast: its path and its length in bytes."""
    from django.test import Client

    with django_db_blocker.unblock():
        feed = feedparser.parse(Client().get("/learning/podcast/").content)
    assert feed.entries, "the demo has audio in its podcast"
    (found,) = feed.entries[0].enclosures
    return urlsplit(found.href).path, int(found.length)


def test_a_range_of_an_audio_file_comes_with_206(client, enclosure):
    path, size = enclosure

    response = client.get(path, HTTP_RANGE="bytes=0-99")

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-99/{size}"
    assert response["Content-Length"] == "100"
    whole = b"".join(client.get(path).streaming_content)
    assert b"".join(response.streaming_content) == whole[:100]
    assert len(whole) == size


def test_the_end_of_a_file_and_an_open_range(client, enclosure):
    path, size = enclosure

    tail = client.get(path, HTTP_RANGE="bytes=-10")
    rest = client.get(path, HTTP_RANGE=f"bytes={size - 5}-")

    assert tail["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
    assert len(b"".join(rest.streaming_content)) == 5


def test_a_range_outside_the_file_is_refused_and_no_range_gets_it_whole(client, enclosure):
    path, size = enclosure

    outside = client.get(path, HTTP_RANGE=f"bytes={size}-")
    whole = client.get(path)

    assert outside.status_code == 416
    assert outside["Content-Range"] == f"bytes */{size}"
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"
    assert client.get(path, HTTP_RANGE="bytes=0-1,5-9").status_code == 200


def test_a_range_not_read_closes_its_file(client, enclosure, monkeypatch):
    """A client that leaves before the first byte: the file is closed with the response."""
    from django.views import static

    from example import media

    opened = []

    def serve(*args, **kwargs):
        response = static.serve(*args, **kwargs)
        opened.append(response.file_to_stream)
        return response

    monkeypatch.setattr(media, "serve", serve)
    response = client.get(enclosure[0], HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    (file,) = opened
    assert not file.closed

    response.close()

    assert file.closed
