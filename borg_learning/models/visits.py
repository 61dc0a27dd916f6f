"""Visit counts per page per day: no cookies, no visitor, only a number that grows."""

from django.db import connection, models
from django.utils.translation import gettext_lazy as _


class PageVisitDay(models.Model):
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"),
                             on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("visits on a day")
        verbose_name_plural = _("visits per day")
        constraints = [models.UniqueConstraint(fields=["page", "date"],
                                               name="borg_learning_one_count_per_page_day")]

    def __str__(self):
        return f"{self.page_id} {self.date}: {self.count}"

    @classmethod
    def add(cls, page_id, date, visits=1):
        """Count ``visits`` to a page on a day in one atomic statement.

        ``INSERT ... ON CONFLICT DO UPDATE`` (PostgreSQL and SQLite) lets concurrent
        requests add to the same row without losing a visit or failing on the
        unique constraint.
        """
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (page_id, date, count) VALUES (%s, %s, %s) "
                f"ON CONFLICT (page_id, date) DO UPDATE SET count = {table}.count + "
                "excluded.count",
                [page_id, date, visits])
