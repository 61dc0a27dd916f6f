from wagtail.models import Page


class HomePage(Page):
    """A site's home page; the learning environment lives below it."""

    max_count = 1
