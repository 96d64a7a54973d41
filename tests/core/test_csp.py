"""The Content-Security-Policy header: on every HTML page, strict, and what our templates need of it.

The browser side (no page breaks, no violation reported) is in
tests/browser/test_content_security_policy.py.
"""
import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.test import RequestFactory

from tests.factories.showcase import showcase_site
from trainingcenter.core.csp import ContentSecurityPolicyMiddleware, build_policy
from trainingcenter.public.views import center as center_views

PROJECT = Path(settings.PROJECT_DIR)


def directives(header):
    """{'script-src': ["'self'"], ...} from a header value."""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


@pytest.mark.django_db
def test_html_page_has_the_strict_policy(client):
    showcase_site()
    response = client.get("/en/")

    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    for name, sources in STRICT.items():
        assert policy[name] == sources, name
    assert policy["style-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["style-src"][1:])
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header and "*" not in header


@pytest.mark.django_db
def test_error_pages_have_the_policy_too(client):
    response = client.get("/en/programs/no-such-program/")
    assert response.status_code == 404
    assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_json_has_no_policy(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_admin_and_staff_pages_get_the_same_strict_policy(client, superuser):
    client.force_login(superuser)
    for url in ("/en/admin/", "/en/admin/registrations/registration/", "/en/staff/"):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert {name: policy[name] for name in STRICT} == STRICT, url
        assert "style-src-attr" not in policy and "unsafe-inline" not in response["Content-Security-Policy"]


def test_server_error_page_style_is_allowed_by_its_hash():
    """The 500 page keeps its inline <style> (no other request while failing): the policy carries its hash."""
    response = center_views.server_error(RequestFactory().get("/en/"))
    [style] = re.findall(r"<style>(.*?)</style>", response.content.decode(), re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY["style-src"], (
        "errors/500.html's <style> changed: put its new hash in CONTENT_SECURITY_POLICY['style-src']"
    )


def test_api_docs_run_no_inline_script(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]
    html = response.content.decode()
    for attributes in re.findall(r"<script\b([^>]*)>", html):
        # Either a file, or data the browser does not run (Swagger's settings as JSON).
        assert "src=" in attributes or 'type="application/json"' in attributes, attributes


TEMPLATE_DIRS = [
    PROJECT / "templates",
    PROJECT / "public" / "templates",
    PROJECT / "organiser" / "templates",
    PROJECT / "registrations" / "templates" / "admin",
]
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "inline event handler"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style", re.I), "<style> block"),
]
# The 500 page's <style>, allowed by its hash (see above).
ALLOWED = {("errors/500.html", "<style> block")}


def test_web_page_templates_have_no_inline_script_or_style():
    """E-mails are not web pages and may keep inline styles; every page template may not."""
    found = []
    for folder in TEMPLATE_DIRS:
        for path in folder.rglob("*.html"):
            name = path.relative_to(folder).as_posix()
            text = path.read_text()
            for pattern, what in INLINE:
                if pattern.search(text) and (name, what) not in ALLOWED:
                    found.append(f"{name}: {what}")
    assert not found


def test_policy_from_a_string_or_a_dict():
    assert build_policy("default-src 'self' ") == "default-src 'self'"
    assert build_policy({"default-src": "'self'", "upgrade-insecure-requests": [], "report-uri": None}) == (
        "default-src 'self'; upgrade-insecure-requests"
    )


def test_a_view_may_send_its_own_policy(settings):
    settings.DEBUG = False
    own = HttpResponse("<p>x</p>", content_type="text/html")
    own["Content-Security-Policy"] = "default-src 'none'"
    middleware = ContentSecurityPolicyMiddleware(lambda request: own)
    assert middleware(RequestFactory().get("/"))["Content-Security-Policy"] == "default-src 'none'"
    middleware = ContentSecurityPolicyMiddleware(lambda request: JsonResponse({}))
    assert "Content-Security-Policy" not in middleware(RequestFactory().get("/"))
