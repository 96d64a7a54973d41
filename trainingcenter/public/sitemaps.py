"""The public site's sitemap.xml: static pages, programs, people and posts, in every language."""
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from trainingcenter.news.models import Post
from trainingcenter.programs.models import Person, Program


class _AllLanguages(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPages(_AllLanguages):
    changefreq = "weekly"

    def items(self):
        return ["center:home", "center:about", "programs:list", "news:list"]

    def location(self, item):
        return reverse(item)


class Programs(_AllLanguages):
    def items(self):
        return Program.objects.public().order_by("pk")

    def lastmod(self, item):
        return getattr(item, "updated_at", None)


class People(_AllLanguages):
    def items(self):
        public = Program.objects.public()
        shown = Q(roles__program__in=public) | Q(sessions__program__in=public)
        return Person.objects.filter(shown).distinct().order_by("pk")


class Posts(_AllLanguages):
    def items(self):
        return Post.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


sitemaps = {"pages": StaticPages, "programs": Programs, "people": People, "posts": Posts}
