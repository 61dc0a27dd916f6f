"""The podcast feeds: RSS 2.0 with Apple's iTunes tags of the module and microlesson audio,
one for everything and one per theme, only of live public pages of the request's site,
read back by a podcast client's parser (feedparser)."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from wagtail.models import Collection, CollectionViewRestriction, Page, Site

from borg_learning.podcasts import feeds
from borg_learning.podcasts.models import PodcastSettings
from tests import factories
from tests.helpers.media_files import wav
from tests.testapp.models import HomePage

pytestmark = pytest.mark.django_db

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
ALL = "/learning/podcast/"
OTHER_HOST = "andere-site.example.org"


def audio(title, seconds=1.5, **fields):
    return factories.media(
        "audio",
        duration=seconds,
        title=title,
        file=ContentFile(wav(seconds), name="fragment.wav"),
        **fields,
    )


def audio_block(media, title, transcript=""):
    return factories.block("audio", {"title": title, "audio": media.pk, "transcript": transcript})


@pytest.fixture
def podcast(environment):
    sgg = factories.ThemeFactory(
        name="SGG", slug="sgg", description="Seksueel grensoverschrijdend gedrag."
    )
    trauma = factories.ThemeFactory(name="Trauma", slug="trauma")
    section = factories.section(environment, title="Modules")
    grenzen = factories.basic_module(
        section,
        "Grenzen stellen",
        themes=[sgg],
        summary="Hoe je grenzen stelt.",
        body=[
            audio_block(audio("Interview"), "Interview met een begeleider", "<p>Wat zei je?</p>"),
            factories.block(*factories.text_block(20)),
            audio_block(audio("Samenvatting", seconds=3), "Samenvatting"),
        ],
    )
    specialist = factories.specialist_module(section, "SGG verdieping", themes=[sgg])
    factories.module_part(
        specialist, "Signalen", body=[audio_block(audio("Signalen"), "Signalen herkennen")]
    )
    factories.basic_module(
        section, "Traumasensitief", themes=[trauma], body=[audio_block(audio("Trauma"), "Trauma")]
    )
    factories.microlesson(
        section,
        "Grenzen in een minuut",
        format="podcast",
        theme=sgg,
        body=[audio_block(audio("Microles"), "Grenzen in een minuut", "<p>Tekst</p>")],
    )
    # Left out: a draft, a page for signed-in colleagues, a file in a private collection.
    factories.basic_module(
        section,
        "Concept",
        publish=False,
        themes=[sgg],
        body=[audio_block(audio("Concept"), "Concept")],
    )
    internal = factories.basic_module(
        section, "Intern", themes=[sgg], body=[audio_block(audio("Intern"), "Intern")]
    )
    factories.restrict(internal, "login")
    private = Collection.get_first_root_node().add_child(name="Privé")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    factories.basic_module(
        section,
        "Met privé-audio",
        themes=[sgg],
        body=[audio_block(audio("Geheim", collection=private), "Geheim")],
    )
    return {"sgg": sgg, "grenzen": grenzen}


def fetch(client, url=ALL):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return response


def test_the_feed_holds_every_public_audio_of_modules_parts_and_microlessons(client, podcast):
    parsed = feedparser.parse(fetch(client).content)

    assert not parsed.bozo, parsed.bozo_exception
    assert sorted(entry.title for entry in parsed.entries) == [
        "Grenzen in een minuut",  # a block named as its page: the name once
        "Grenzen stellen: Interview met een begeleider",
        "Grenzen stellen: Samenvatting",
        "Signalen: Signalen herkennen",
        "Traumasensitief: Trauma",
    ]


def test_a_theme_has_its_own_feed_and_an_unknown_theme_none(client, podcast):
    parsed = feedparser.parse(fetch(client, f"{ALL}sgg/").content)

    assert parsed.feed.title == "Leren onderweg – SGG"
    assert parsed.feed.subtitle == "Seksueel grensoverschrijdend gedrag."
    assert len(parsed.entries) == 4
    assert client.get(f"{ALL}bestaat-niet/").status_code == 404


def test_the_channel_has_the_tags_apple_requires(client, podcast):
    channel = ET.fromstring(fetch(client).content).find("channel")  # noqa: S314 (our feed)

    assert channel.findtext("title") == "Leren onderweg"
    assert channel.findtext("description").startswith("De audio van de modules")
    assert channel.findtext("language") == "nl"
    assert channel.find(f"{ITUNES}image").get("href") == (
        "http://testserver/static/borg_learning_podcasts/cover.png"
    )
    category = channel.find(f"{ITUNES}category")
    assert category.get("text") == "Education"
    assert category.find(f"{ITUNES}category").get("text") == "Courses"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.findtext(f"{ITUNES}author") == "De Borg"  # by default the site's name
    assert channel.find(f"{ITUNES}owner").findtext(f"{ITUNES}name") == "De Borg"
    assert channel.findtext("link") == "http://localhost/"
    assert channel.find("image").findtext("url").endswith("cover.png")


def test_each_item_has_an_enclosure_with_length_and_type_a_duration_and_a_guid(client, podcast):
    parsed = feedparser.parse(fetch(client).content)
    entry = next(e for e in parsed.entries if e.title.endswith("Samenvatting"))

    (enclosure,) = entry.enclosures
    assert enclosure.type == "audio/x-wav"
    assert enclosure.href.startswith("http://testserver/media/media/fragment")
    assert int(enclosure.length) == len(wav(3))
    assert entry.itunes_duration == "3"
    assert entry.guid.startswith(f"borg-learning-audio:{podcast['grenzen'].pk}:")
    assert entry.guidislink is False
    assert entry.published_parsed is not None
    assert entry.link == "http://localhost/leeromgeving/modules/grenzen-stellen/"
    assert not entry.itunes_explicit  # "false", as Apple writes it (feedparser: None)


def test_the_description_links_to_the_transcript_when_there_is_one(client, podcast):
    parsed = feedparser.parse(fetch(client).content)
    by_title = {entry.title: entry for entry in parsed.entries}

    interview = by_title["Grenzen stellen: Interview met een begeleider"].summary
    assert interview.startswith("Hoe je grenzen stelt.")
    assert (
        "Uitgeschreven tekst: http://localhost/leeromgeving/modules/grenzen-stellen/" in interview
    )
    assert "Uitgeschreven tekst" not in by_title["Grenzen stellen: Samenvatting"].summary


def test_the_borgbureau_names_the_podcast_and_gives_it_a_cover(client, podcast):
    settings = PodcastSettings.for_site(Site.objects.get(is_default_site=True))
    settings.title, settings.author = "Borg Leren", "De Borg"
    settings.owner_email, settings.category = (
        "leren@example.org",
        "Health & Fitness > Mental Health",
    )
    settings.image = factories.ImageFactory(width=1600, height=1600)
    settings.save()

    channel = ET.fromstring(fetch(client).content).find("channel")  # noqa: S314 (our feed)

    assert channel.findtext("title") == "Borg Leren"
    assert channel.findtext(f"{ITUNES}author") == "De Borg"
    assert channel.find(f"{ITUNES}owner").findtext(f"{ITUNES}email") == "leren@example.org"
    assert channel.find(f"{ITUNES}category").get("text") == "Health & Fitness"
    assert "/images/" in channel.find(f"{ITUNES}image").get("href")


def test_podcast_apps_may_keep_the_feed_a_while(client, podcast):
    assert fetch(client)["Cache-Control"] == "public, max-age=900"


def test_a_part_counts_only_below_a_module_in_the_feed(client, podcast):
    section = podcast["grenzen"].get_parent()
    draft = factories.specialist_module(section, "Concept verdieping", publish=False)
    factories.module_part(draft, "Los deel", body=[audio_block(audio("Los"), "Los")])
    trauma = factories.specialist_module(section, "Trauma verdieping", themes=[])
    factories.module_part(trauma, "Ander deel", body=[audio_block(audio("Ander"), "Ander")])

    everything = [e.title for e in feedparser.parse(fetch(client).content).entries]
    sgg = [e.title for e in feedparser.parse(fetch(client, f"{ALL}sgg/").content).entries]

    assert "Los deel: Los" not in everything
    assert "Ander deel: Ander" in everything
    assert "Ander deel: Ander" not in sgg
    assert "Signalen: Signalen herkennen" in sgg


def test_a_feed_costs_the_same_queries_for_few_and_many_episodes(client, podcast):
    def queries():
        client.get(ALL)  # warm-up: the site's settings and root paths, the file sizes
        with CaptureQueriesContext(connection) as captured:
            fetch(client)
        return len(captured)

    few = queries()
    section = podcast["grenzen"].get_parent()
    for number in range(6):
        factories.basic_module(
            section, f"Extra {number}", body=[audio_block(audio(f"Extra {number}"), "Extra")]
        )
        module = factories.specialist_module(section, f"Verdieping {number}")
        for part in range(2):
            factories.module_part(
                module, f"Deel {number}.{part}", body=[audio_block(audio("Deel"), "Deel")]
            )
        factories.microlesson(
            section,
            f"Minuut {number}",
            theme=podcast["sgg"],
            body=[audio_block(audio("Minuut"), "Minuut")],
        )
    many = queries()

    assert len(feedparser.parse(fetch(client).content).entries) == 5 + 6 * 4
    assert many == few


def test_each_site_has_only_its_own_audio(client, podcast):
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Andere site", slug="andere-site")
    )
    Site.objects.create(hostname=OTHER_HOST, root_page=other_home, site_name="Andere site")
    other = factories.learning_environment(other_home, title="Andere", slug="andere")
    factories.basic_module(other, "Elders", body=[audio_block(audio("Elders"), "Elders")])

    ours = feedparser.parse(fetch(client).content).entries
    theirs = feedparser.parse(client.get(ALL, HTTP_HOST=OTHER_HOST).content).entries

    assert "Elders" not in [entry.title for entry in ours]
    assert [entry.title for entry in theirs] == ["Elders"]
    assert theirs[0].link.startswith(f"http://{OTHER_HOST}/")


def test_a_request_for_another_site_during_a_feed_does_not_change_it(client, podcast, monkeypatch):
    """Two requests at once (here: one inside the other) each keep their own site: no
    feed object is shared between requests."""
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Andere site", slug="andere-site")
    )
    Site.objects.create(hostname=OTHER_HOST, root_page=other_home, site_name="Andere site")
    other = factories.learning_environment(other_home, title="Andere", slug="andere")
    factories.basic_module(other, "Elders", body=[audio_block(audio("Elders"), "Elders")])
    theirs, original = [], feeds.episodes

    def episodes_while_another_site_asks(request, theme=None):
        if request.get_host() != OTHER_HOST and not theirs:
            theirs.append(client.get(ALL, HTTP_HOST=OTHER_HOST))
        return original(request, theme)

    monkeypatch.setattr(feeds, "episodes", episodes_while_another_site_asks)
    ours = feedparser.parse(fetch(client).content)
    other_feed = feedparser.parse(theirs[0].content)

    assert {urlsplit(e.enclosures[0].href).hostname for e in ours.entries} == {"testserver"}
    assert ours.feed.link == "http://localhost/"
    assert [urlsplit(e.enclosures[0].href).hostname for e in other_feed.entries] == [OTHER_HOST]
    view = resolve(ALL).func
    assert not hasattr(view, "request") and not hasattr(view, "settings")


def test_the_feeds_addresses_are_in_graphql(graphql, podcast):
    data = graphql("{ podcastUrl themes { slug podcastUrl } }")["data"]

    assert data["podcastUrl"] == "http://testserver/learning/podcast/"
    assert {theme["slug"]: theme["podcastUrl"] for theme in data["themes"]} == {
        "sgg": "http://testserver/learning/podcast/sgg/",
        "trauma": "http://testserver/learning/podcast/trauma/",
    }


def test_an_audio_whose_file_is_gone_is_left_out(client, podcast):
    lost = audio("Kwijt")
    factories.basic_module(
        podcast["grenzen"].get_parent(), "Zonder bestand", body=[audio_block(lost, "Kwijt")]
    )
    lost.file.storage.delete(lost.file.name)

    titles = [entry.title for entry in feedparser.parse(fetch(client).content).entries]

    assert "Zonder bestand: Kwijt" not in titles
    assert len(titles) == 5
