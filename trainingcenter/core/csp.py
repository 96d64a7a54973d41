"""Content-Security-Policy on every HTML response.

Django 5.2 has no CSP of its own (Django 6.0 adds one); this middleware sends
the policy from ``settings.CONTENT_SECURITY_POLICY``: either a ready string, or
a dict of directive -> sources (a list, or a string for one source; an empty
list gives a directive without sources, such as ``upgrade-insecure-requests``).

The admin gets the same policy: Django 5.2's admin has no inline script, and
our admin columns style themselves with classes (static/css/admin-site.css).

A response that already carries a Content-Security-Policy header (a view that
knows better) keeps it. Non-HTML responses (JSON, files, static assets) get
none: there is no document for a policy to protect. With DEBUG on, error
responses get none either, so that Django's technical error pages still work.
"""
from django.conf import settings

HEADER = "Content-Security-Policy"


def build_policy(policy):
    """The header value for a policy dict (or string)."""
    if isinstance(policy, str):
        return policy.strip()
    parts = []
    for name, sources in policy.items():
        if sources is None:
            continue
        if isinstance(sources, str):
            sources = [sources]
        parts.append(" ".join([name, *sources]))
    return "; ".join(parts)


class ContentSecurityPolicyMiddleware:
    """Sends the policy; read from the settings on each response (a few joins), so tests can override it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        if not policy or HEADER in response or not response.get("Content-Type", "").startswith("text/html"):
            return response
        if settings.DEBUG and response.status_code >= 400:
            # Django's technical 404 and 500 pages (DEBUG only) are all inline
            # style and script; under the policy they would lose their tools.
            return response
        response[HEADER] = build_policy(policy)
        return response
