"""core.pagecache on its own: what is stored, what is served, and the content version."""
import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from trainingcenter.core import pagecache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def visitor_request(method="get", path="/en/page/", **extra):
    request = getattr(RequestFactory(), method)(path, **extra)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = CookieStorage(request)
    return request


def counting_view(body=b"page", status=200, before=None):
    calls = []

    @pagecache.cache_public_page
    def view(request):
        calls.append(request)
        response = HttpResponse(body, status=status)
        if before:
            before(request, response)
        return response

    view.calls = calls
    return view


def test_second_request_is_a_hit_and_keeps_status_headers_and_body():
    def headers(request, response):
        response["X-Robots-Tag"] = "all"

    view = counting_view(before=headers)
    fresh = view(visitor_request())
    cached = view(visitor_request())
    assert len(view.calls) == 1 and pagecache.from_cache(cached)
    assert cached.content == fresh.content == b"page"
    assert dict(cached.headers) == dict(fresh.headers)


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda request, response: response.set_cookie("a", "b"), id="sets a cookie"),
        pytest.param(lambda request, response: get_token(request), id="holds a CSRF token"),
        pytest.param(lambda request, response: response.__setitem__("Cache-Control", "private"), id="private"),
        pytest.param(lambda request, response: response.__setitem__("Cache-Control", "no-store"), id="no-store"),
        pytest.param(lambda request, response: messages.info(request, "Saved."), id="queues a message"),
        pytest.param(lambda request, response: request.session.__setitem__("k", 1), id="writes the session"),
    ],
)
def test_personal_responses_are_never_stored(spoil):
    view = counting_view(before=spoil)
    view(visitor_request())
    view(visitor_request())
    assert len(view.calls) == 2


def test_errors_are_not_stored():
    view = counting_view(status=404)
    view(visitor_request()), view(visitor_request())
    assert len(view.calls) == 2


def test_post_and_unknown_query_strings_pass_through():
    view = counting_view()
    view(visitor_request())
    view(visitor_request("post"))
    view(visitor_request(path="/en/page/?x=1"))
    assert len(view.calls) == 3


def test_head_is_served_but_never_stored():
    view = counting_view()
    view(visitor_request("head"))
    view(visitor_request())
    assert len(view.calls) == 2
    assert pagecache.from_cache(view(visitor_request("head")))


def test_signed_in_users_are_never_served_nor_stored(django_user_model):
    view = counting_view()
    staff = django_user_model(username="staff", is_staff=True)
    request = visitor_request()
    request.user = staff
    view(request)
    view(visitor_request())
    request = visitor_request()
    request.user = staff
    assert not pagecache.from_cache(view(request))
    assert len(view.calls) == 3


def test_a_bump_invalidates_now_and_again_after_the_commit(django_capture_on_commit_callbacks):
    view = counting_view()
    view(visitor_request())
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        pagecache.bump()
        inside = pagecache.current_version()
    assert len(callbacks) == 1
    # A page rendered meanwhile (from data not yet committed) is stored under ``inside``...
    view(visitor_request())
    assert len(view.calls) == 2
    callbacks[0]()
    # ...which the commit's bump retires.
    assert pagecache.current_version() != inside
    view(visitor_request())
    assert len(view.calls) == 3


def test_a_lost_version_key_invalidates_rather_than_revives():
    view = counting_view()
    view(visitor_request())
    cache.delete(pagecache.VERSION_KEY)  # culled by the file cache, say
    view(visitor_request())
    assert len(view.calls) == 2


def test_another_build_invalidates(monkeypatch):
    view = counting_view()
    view(visitor_request())
    monkeypatch.setattr(pagecache, "build_id", lambda: "another-build")
    view(visitor_request())
    assert len(view.calls) == 2


def test_state_is_computed_before_the_render_and_compared_on_each_hit():
    seats = {"left": 3}
    order = []

    def state(program_id):
        order.append("state")
        return seats["left"]

    @pagecache.cache_public_page(state=state)
    def view(request):
        pagecache.depends_on(request, 7)
        order.append("render")
        return HttpResponse(f"{seats['left']} left")

    assert view(visitor_request()).content == b"3 left"
    assert order == ["state", "render"]
    assert pagecache.from_cache(view(visitor_request()))
    seats["left"] = 2
    response = view(visitor_request())
    assert not pagecache.from_cache(response) and response.content == b"2 left"


def test_setting_changes_invalidate(settings):
    view = counting_view()
    view(visitor_request())
    settings.CONTENT_SECURITY_POLICY = {"default-src": ["'none'"]}
    view(visitor_request())
    assert len(view.calls) == 2


def test_the_number_of_entries_stays_bounded():
    """Entries are keyed by address, not version: an invalidated page is overwritten, not left behind."""
    view = counting_view()
    view(visitor_request())
    keys_before = set(cache._cache)
    for _ in range(5):
        pagecache.bump()
        view(visitor_request())
    assert set(cache._cache) == keys_before


def test_a_cache_that_is_down_gives_fresh_pages_not_errors(monkeypatch):
    view = counting_view()

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "set", down)
    assert view(visitor_request()).content == b"page"
    pagecache.bump()  # an edit still saves
    assert len(view.calls) == 1


def test_debug_turns_the_cache_off(settings):
    settings.DEBUG = True
    view = counting_view()
    view(visitor_request()), view(visitor_request())
    assert len(view.calls) == 2
