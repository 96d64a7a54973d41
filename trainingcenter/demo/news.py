"""Loads the demo's news posts (content/news.py) through the news services.

Run inside ``load_demo_content``'s transaction after the programs exist; a
second run updates the posts in place.
"""
import datetime as dt

from trainingcenter.news import issues as news_issues
from trainingcenter.news import services as news_services
from trainingcenter.news.models import Issue

from .content import news as news_content

SUFFIXES = ("en", "zh_hans", "ru")


def _spread(name, value):
    return {f"{name}_{suffix}": value.get(suffix, "") for suffix in SUFFIXES}


def load_news(programs):
    """``programs``: slug -> Program. Returns the slugs of the posts loaded."""
    tags = {
        slug: news_services.tag_named(slug, **_spread("name", names))
        for slug, names in news_content.TAGS.items()
    }
    loaded = []
    for data in news_content.POSTS:
        values = {"published_at": dt.datetime.fromisoformat(data["published"]), "is_published": True}
        for field in ("title", "summary", "body"):
            values.update(_spread(field, data[field]))
        values["program"] = programs.get(data.get("program"))
        news_services.upsert_post(data["slug"], values=values, tags=[tags[slug] for slug in data["tags"]])
        loaded.append(data["slug"])
    if not Issue.objects.exists():
        # One draft issue, pre-filled from the posts and programs above, for organisers to try.
        news_issues.compose()
    return loaded
