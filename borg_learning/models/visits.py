"""Visit counts per page per day: no cookies, no visitor, only a number that grows."""

from django.db import connection, models
from django.utils.translation import gettext_lazy as _


class PageVisitDay(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("visits on a day")
        verbose_name_plural = _("visits per day")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "date"], name="borg_learning_one_count_per_page_day"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.date}: {self.count}"

    @classmethod
    def add(cls, page_id, date, visits=1):
        """Count ``visits`` to a page on a day in one atomic statement.

        ``INSERT ... ON CONFLICT DO UPDATE`` (PostgreSQL and SQLite) lets concurrent
        requests add to the same row without losing a visit or failing on the
        unique constraint.
        """
        with connection.cursor() as cursor:
            # Only the quoted table name is formatted in; the values are parameters.
            cursor.execute(
                f"INSERT INTO {cls._table()} (page_id, date, count) "  # noqa: S608
                f"VALUES (%s, %s, %s) {cls._upsert()}",
                [page_id, date, visits],
            )

    @classmethod
    def add_if(cls, pages, date):
        """Count one visit on ``date`` to the one page of the queryset ``pages``, in the
        same statement that checks it; True when there was such a page to count.

        One round trip per visit, however the queryset decides what counts.
        """
        selected = pages.values_list("id")[:1]
        select, params = selected.query.get_compiler(connection=connection).as_sql()
        with connection.cursor() as cursor:
            # "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT.
            # The table name and the ORM's compiled SELECT; the values are parameters.
            cursor.execute(
                f"INSERT INTO {cls._table()} (page_id, date, count) "  # noqa: S608
                f"SELECT page.id, %s, 1 FROM ({select}) AS page WHERE true "
                f"{cls._upsert()}",
                [date, *params],
            )
            return cursor.rowcount > 0

    @classmethod
    def _table(cls):
        return connection.ops.quote_name(cls._meta.db_table)

    @classmethod
    def _upsert(cls):
        return (
            f"ON CONFLICT (page_id, date) DO UPDATE SET count = {cls._table()}.count + "
            "excluded.count"
        )
