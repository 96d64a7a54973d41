"""Public news pages: the list, tag pages, a post with related posts, the Atom feed."""
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from trainingcenter.center.models import Center
from trainingcenter.core import ratelimit
from trainingcenter.news import comments, newsletter, queries
from trainingcenter.news.models import Comment, Subscriber
from trainingcenter.public.news_forms import CommentForm, SubscribeForm

PAGE_SIZE = 10


def _page(request, posts):
    return Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))


@require_safe
def post_list(request):
    page = _page(request, queries.public_posts())
    return render(request, "news/post_list.html", {"page": page, "posts": page.object_list})


@require_safe
def tag_posts(request, tag):
    tag = queries.tag_for_page(tag)
    page = _page(request, queries.public_posts().filter(tags=tag))
    return render(request, "news/post_list.html", {"page": page, "posts": page.object_list, "tag": tag})


def _post_context(request, post, form=None):
    program = post.program
    comments = list(
        post.comments.public().filter(parent=None)
        .prefetch_related(Prefetch("replies", queryset=Comment.objects.public(), to_attr="public_replies"))
    )
    context = {
        "post": post,
        "tags": list(post.tags.all()),
        "related": queries.related_posts(post),
        "program": program if program and program.status != program.Status.DRAFT else None,
        "share_url": request.build_absolute_uri(post.get_absolute_url()),
        "cover_url": request.build_absolute_uri(post.cover.url) if post.cover else "",
        "comments": comments,
        "comment_form": form or CommentForm(),
    }
    if context["program"]:
        context["registration_state"] = program.registration_window_state()
    return context


@require_safe
def post_detail(request, slug):
    post = queries.post_for_page(slug)
    return render(request, "news/post_detail.html", _post_context(request, post))


@require_http_methods(["POST"])
def post_comment(request, slug):
    """A reader's comment: honeypot, minimum fill time, rate limit, a limit on links; then held or shown."""
    post = queries.post_for_page(slug)
    form = CommentForm(request.POST)
    context = _post_context(request, post, form)
    if not form.is_valid():
        return render(request, "news/post_detail.html", context, status=400)
    context["fill_time_message"] = form.fill_time_refusal()
    if context["fill_time_message"]:
        return render(request, "news/post_detail.html", context, status=400)
    decision = ratelimit.check_comment(request, form.cleaned_data["email"])
    if not decision:
        context["rate_limit_message"] = ratelimit.refusal_message(decision)
        return ratelimit.set_retry_after(render(request, "news/post_detail.html", context, status=429), decision)
    if form.is_spam:
        messages.success(request, _("Thank you. Your comment will appear once a moderator has read it."))
        return _see_other(post.get_absolute_url() + "#comments")
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"], post=post).first()
        if parent is None:
            form.add_error(None, _("The comment you are replying to is not available."))
            return render(request, "news/post_detail.html", context, status=400)
    try:
        comment = comments.add_comment(
            post, name=form.cleaned_data["name"], email=form.cleaned_data["email"],
            body=form.cleaned_data["body"], parent=parent,
        )
    except comments.CommentError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "news/post_detail.html", context, status=400)
    if comment.status == Comment.Status.PENDING:
        messages.success(request, _("Thank you. Your comment will appear once a moderator has read it."))
    else:
        messages.success(request, _("Thank you. Your comment is published."))
    return _see_other(post.get_absolute_url() + "#comments")


@require_http_methods(["GET", "POST"])
def delete_comment(request, token):
    """The commenter deletes their comment from the link in their e-mail: GET asks, POST deletes."""
    comment = Comment.objects.select_related("post").filter(token=token).first()
    if request.method == "POST":
        comments.delete_own(token)
        return _private(render(request, "news/comment_deleted.html"))
    if comment is None:
        return _private(render(request, "news/comment_deleted.html"))
    return _private(render(request, "news/comment_delete.html", {"comment": comment}))


class PostFeed(Feed):
    """The latest posts as Atom, in the language of the address (/en/news/feed/, /ru/news/feed/...)."""

    feed_type = Atom1Feed  # its language is the active one (Feed.language left unset)
    limit = 20

    def title(self):
        center = Center.current()
        name = center.short_name if center else gettext("Training Center")
        return gettext("%(name)s: news") % {"name": name}

    def link(self):
        return reverse("news:list")

    def subtitle(self):
        return gettext("News and announcements")

    def items(self):
        return queries.public_posts()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


post_feed = PostFeed()


# --- the newsletter ------------------------------------------------------------------------


def _see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _private(response):
    """Pages behind a subscriber's token: not cached, not indexed, the token not sent on."""
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "POST"])
def newsletter_subscribe(request):
    """Subscribe: a confirmation e-mail goes out; the answer is the same whether the address is known."""
    initial = {"language": get_language()}
    form = SubscribeForm(request.POST if request.method == "POST" else None, initial=initial)
    context = {"form": form}
    if request.method != "POST":
        return render(request, "news/newsletter_subscribe.html", context)
    if not form.is_valid():
        return render(request, "news/newsletter_subscribe.html", context, status=400)
    context["fill_time_message"] = form.fill_time_refusal()
    if context["fill_time_message"]:
        return render(request, "news/newsletter_subscribe.html", context, status=400)
    decision = ratelimit.check_newsletter(request)
    if not decision:
        context["rate_limit_message"] = ratelimit.refusal_message(decision)
        response = render(request, "news/newsletter_subscribe.html", context, status=429)
        return ratelimit.set_retry_after(response, decision)
    if not form.is_spam:
        newsletter.subscribe(form.cleaned_data["email"], form.cleaned_data["language"], source="form")
    return _see_other(reverse("newsletter:sent"))


@require_safe
def newsletter_sent(request):
    return render(request, "news/newsletter_sent.html")


@require_http_methods(["GET", "POST"])
def newsletter_confirm(request, token):
    """GET shows a button (link checkers in mail systems open links); POST confirms."""
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        raise Http404
    if request.method == "POST":
        newsletter.confirm(token)
        subscriber.refresh_from_db()
    return _private(render(request, "news/newsletter_confirm.html", {"subscriber": subscriber}))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request, token):
    """One-click unsubscribe (RFC 8058): a POST, from the mail program or the page's button, ends the subscription.

    Exempt from CSRF: mail providers post ``List-Unsubscribe=One-Click`` without
    a token; the unguessable token in the address is what authorises it, and
    all it can do is end a subscription. An unknown token answers the same
    page, so a repeated click is harmless.
    """
    if request.method == "POST":
        newsletter.unsubscribe(token)
        return _private(render(request, "news/newsletter_unsubscribed.html"))
    known = Subscriber.objects.filter(token=token).exists()
    template = "news/newsletter_unsubscribe.html" if known else "news/newsletter_unsubscribed.html"
    return _private(render(request, template))
