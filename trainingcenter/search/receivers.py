"""Keep the index current as the data changes: the programs' own signals, and saves of the other models.

Connected in ``SearchConfig.ready``. Each receiver re-indexes the few rows the
change touches, inside the transaction of the change; inside
``services.paused()`` (bulk loads) they do nothing and the caller rebuilds.
"""
from django.db.models.signals import m2m_changed, post_delete, post_save

from trainingcenter.programs.models import FocusArea, Person, Program, ProgramRole, Session, Takeaway
from trainingcenter.programs.signals import program_saved

from . import services


def _program_changed(sender, instance=None, program=None, **kwargs):
    program = program or instance
    if services.active():
        services.index_program(program.pk)


def _program_deleted(sender, instance, **kwargs):
    if services.active():
        services.remove("program", [instance.pk])


def _part_of_program_changed(sender, instance, **kwargs):
    if services.active():
        services.index("program", [instance.program_id])


def _indexer(kind):
    def changed(sender, instance, **kwargs):
        if services.active():
            services.index(kind, [instance.pk])
    return changed


def _role_changed(sender, instance, **kwargs):
    # A person's country counts towards the program's country groups.
    if services.active():
        services.index_program(instance.program_id)
        services.index("person", [instance.person_id])


def _speakers_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    if not services.active() or not action.startswith("post_"):
        return
    if reverse:  # person.sessions changed
        services.index("person", [instance.pk])
        services.index("session", pk_set or instance.sessions.values_list("pk", flat=True))
    else:
        services.index("session", [instance.pk])
        services.index("person", pk_set or instance.speakers.values_list("pk", flat=True))


def _themes_changed(sender, instance, action, reverse=False, **kwargs):
    if services.active() and action.startswith("post_") and not reverse:
        services.index_program(instance.pk)


KEEP = []  # receivers made by _indexer are closures: keep them alive (signals hold weak references)


def connect():
    program_saved.connect(_program_changed, dispatch_uid="search.program_saved")
    post_save.connect(_program_changed, sender=Program, dispatch_uid="search.program_post_save")
    post_delete.connect(_program_deleted, sender=Program, dispatch_uid="search.program_post_delete")
    for model in (FocusArea,):
        post_save.connect(_part_of_program_changed, sender=model, dispatch_uid=f"search.{model.__name__}_save")
        post_delete.connect(_part_of_program_changed, sender=model, dispatch_uid=f"search.{model.__name__}_delete")
    for model, kind in ((Session, "session"), (Takeaway, "takeaway"), (Person, "person")):
        receiver = _indexer(kind)
        KEEP.append(receiver)
        post_save.connect(receiver, sender=model, dispatch_uid=f"search.{kind}_save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"search.{kind}_delete")
    post_save.connect(_role_changed, sender=ProgramRole, dispatch_uid="search.role_save")
    post_delete.connect(_role_changed, sender=ProgramRole, dispatch_uid="search.role_delete")
    m2m_changed.connect(_speakers_changed, sender=Session.speakers.through, dispatch_uid="search.speakers")
    m2m_changed.connect(_themes_changed, sender=Program.themes.through, dispatch_uid="search.themes")
    _connect_news()
    _connect_reports()


def _report_changed(sender, instance, **kwargs):
    if services.active():
        services.index("report", [getattr(instance, "report_id", None) or instance.pk])


def _connect_reports():
    from trainingcenter.reports.models import Report, ReportSection  # noqa: PLC0415

    post_save.connect(_report_changed, sender=Report, dispatch_uid="search.report_save")
    post_delete.connect(_report_changed, sender=Report, dispatch_uid="search.report_delete")
    post_save.connect(_report_changed, sender=ReportSection, dispatch_uid="search.report_section_save")
    post_delete.connect(_report_changed, sender=ReportSection, dispatch_uid="search.report_section_delete")


def _connect_news():
    from trainingcenter.news.models import Post  # noqa: PLC0415 - news is being built beside search

    receiver = _indexer("news")
    KEEP.append(receiver)
    post_save.connect(receiver, sender=Post, dispatch_uid="search.news_save")
    post_delete.connect(receiver, sender=Post, dispatch_uid="search.news_delete")
