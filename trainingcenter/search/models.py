"""The search index: one row per searchable thing and language, denormalised for fast filtering.

Rows are written only by ``search.services`` (kept current by receivers of the
programs' signals and of other apps' saves, plus ``rebuild_search_index`` and
the nightly refresh). Full-text structures live beside this table and depend
on the database (see migration 0001): an FTS5 trigram table on SQLite, pg_trgm
GIN indexes on PostgreSQL.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveIntegerField()
    language = models.CharField(_("language"), max_length=10)
    title = models.TextField(_("title"))
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(max_length=500)
    # "|3|7|": theme ids and country group slugs between bars, so one LIKE filters on both databases.
    themes = models.CharField(max_length=300, blank=True, default="")
    country_groups = models.CharField(max_length=500, blank=True, default="")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    program_id = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="unique_search_entry"),
        ]
        indexes = [models.Index(fields=["language", "kind"], name="search_entry_language_kind")]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language}): {self.title}"
