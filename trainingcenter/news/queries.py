"""Reading posts for the public pages."""
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from .models import Post, Tag


def public_posts():
    return Post.objects.published().select_related("program").prefetch_related("tags")


def post_for_page(slug):
    return get_object_or_404(public_posts(), slug=slug)


def tag_for_page(slug):
    return get_object_or_404(Tag, slug=slug)


def related_posts(post, limit=3):
    """Other published posts sharing the most tags, or about the same program; the newest first."""
    tag_ids = list(post.tags.values_list("pk", flat=True))
    query = Q(tags__in=tag_ids)
    if post.program_id:
        query |= Q(program_id=post.program_id)
    return list(
        public_posts().exclude(pk=post.pk).filter(pk__in=Post.objects.filter(query).values("pk"))
        .annotate(shared=Count("tags", filter=Q(tags__in=tag_ids), distinct=True))
        .order_by("-shared", "-published_at")[:limit]
    )
