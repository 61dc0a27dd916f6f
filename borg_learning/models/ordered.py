"""Rows an editor puts in order: a route's steps, a questionnaire's questions, the start
page's buttons, an offer's chapters, a development group's members."""

from wagtail.models import Orderable


class Ordered(Orderable):
    """An ``Orderable`` whose rows keep the order they were made in when nobody numbered
    them.

    The admin's inline panels number the rows (``sort_order``). Rows made in code, by a
    data migration or by a site's own loader may have none; the database returns rows of
    equal sort order in any order (PostgreSQL: the order it last wrote them in), and the
    next save in the admin would keep that order. The primary key breaks the tie."""

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]
