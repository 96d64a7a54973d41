"""The 500 page must render when the database is what failed.

No django_db mark here: pytest-django then refuses every query, so any
database access from the page would make this test fail.
"""
from django.test import RequestFactory
from django.utils import translation

from trainingcenter.public.views import center as views


def test_server_error_page_renders_without_the_database():
    request = RequestFactory().get("/en/")
    response = views.server_error(request)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert "<style>" in body  # self-contained: no stylesheet request either
    assert 'href="/en/"' in body


def test_server_error_page_is_translated():
    request = RequestFactory().get("/zh-hans/")
    with translation.override("zh-hans"):
        body = views.server_error(request).content.decode()
    assert '<html lang="zh-hans">' in body
    assert "我们这边出了问题" in body
