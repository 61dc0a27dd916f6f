"""The demo content of the example site, created once and left alone after that."""

from wagtail.models import Page, Site

from home.models import HomePage


def ensure_home_page():
    home = HomePage.objects.first()
    if home:
        return home, False
    root = Page.get_first_root_node()
    welcome = root.get_children().exclude(content_type__model="homepage").first()
    home = root.add_child(instance=HomePage(title="De Borg", slug="home-borg"))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = "localhost", 80, home, "De Borg"
    site.save()
    if welcome and welcome.specific_class is Page:
        welcome.delete()
    return home, True


def load():
    home, created = ensure_home_page()
    return [f"Home page {'created' if created else 'exists'}: {home.title}"]
