"""The centre's home and about pages, header, footer and error pages."""
import pytest
from django.test import RequestFactory
from django.utils import timezone

from tests.factories import CenterFactory, CountryGroupFactory, PartnerFactory, ProgramFactory
from tests.factories.showcase import showcase_site
from trainingcenter.programs.models import Program
from trainingcenter.public.views import center as views

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return showcase_site()


def test_home_shows_centre_partners_and_programs(client, site):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1 class=\"hero-title\">Joint Training Center</h1>" in html
    assert "<p class=\"hero-fullname\">Joint Training Center for Low-Carbon Development</p>" in html
    assert "Training for a low-carbon future" in html
    assert "Example University" in html and "Host" in html and "Sponsor" in html
    assert [p.slug for p in response.context["upcoming"]] == [site.program.slug]
    assert [p.slug for p in response.context["past"]] == [site.past.slug]
    assert "Unannounced draft" not in html
    assert f"© {timezone.now().year} Joint Training Center for Low-Carbon Development" in html


def test_home_in_chinese_uses_chinese_content_and_interface(client, site):
    html = client.get("/zh-hans/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert "低碳发展联合培训中心" in html
    assert "工业脱碳路径" in html
    assert "即将举办的培训项目" in html
    assert "跳到主要内容" in html


def test_example_program_is_labelled(client, site):
    ProgramFactory(slug="try-me", title="Example upcoming program", is_example=True)
    html = client.get("/en/").content.decode()
    assert 'class="badge badge-example">Example</span>' in html


def test_home_without_a_centre_still_renders(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Training Center" in response.content.decode()


def test_about_page_escapes_and_splits_paragraphs(client):
    center = CenterFactory(about="First <b>bold</b> paragraph.\n\nSecond paragraph.", mission="Our mission.")
    PartnerFactory(center=center, name="Science Foundation", role="partner")
    CountryGroupFactory(name="ECO member states", countries=["KZ", "PK"])
    html = client.get("/en/about/").content.decode()
    assert "<p>First &lt;b&gt;bold&lt;/b&gt; paragraph.</p>" in html
    assert "<p>Second paragraph.</p>" in html
    assert "Our mission." in html
    assert "Science Foundation" in html
    assert "ECO member states" in html and "Kazakhstan" in html and "Pakistan" in html


def test_language_switcher_links_to_the_same_page(client, site):
    html = client.get(f"/en/programs/{site.program.slug}/?x=1").content.decode()
    assert f'href="/zh-hans/programs/{site.program.slug}/?x=1"' in html
    assert f'href="/ru/programs/{site.program.slug}/?x=1"' in html


def test_language_switcher_on_a_404_page_keeps_the_path(client):
    html = client.get("/ru/programs/nothing-here/").content.decode()
    assert 'href="/en/programs/nothing-here/"' in html


def test_set_language_endpoint_is_available(client):
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/zh-hans/"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("/en/programs/nope/", 404, "Page not found"),
        ("/zh-hans/programs/nope/", 404, "页面未找到"),
        ("/ru/people/nobody/", 404, "Страница не найдена"),
        ("/xx/programs/", 404, "Page not found"),
    ],
)
def test_not_found_pages_are_friendly_and_translated(client, url, status, text):
    response = client.get(url)
    assert response.status_code == status
    assert text in response.content.decode()


def test_error_views_render_their_templates():
    request = RequestFactory().get("/en/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert views.bad_request(request).status_code == 400
    assert views.permission_denied(request).status_code == 403
    assert "Access denied" in views.permission_denied(request).content.decode()


def test_draft_programs_never_on_home(client):
    ProgramFactory(status=Program.Status.DRAFT, title="Hidden draft")
    assert "Hidden draft" not in client.get("/en/").content.decode()


# --- how to reach the centre -----------------------------------------------------------------------


@pytest.fixture
def reachable_centre():
    return CenterFactory(
        email="training@example.org",
        phone="+86 10 1234 5678",
        address="Example Road 1\nHaidian District\nBeijing, China",
        address_zh_hans="中国北京市\n海淀区示例路1号",
    )


def test_about_page_gives_the_centres_contact_details(client, reachable_centre):
    html = client.get("/en/about/").content.decode()

    contact = html.split('id="contact"')[1].split("</section>")[0]
    assert '<a href="mailto:training@example.org">training@example.org</a>' in contact
    assert '<a href="tel:+861012345678">+86 10 1234 5678</a>' in contact
    assert "<address>Example Road 1<br>Haidian District<br>Beijing, China</address>" in contact


def test_about_page_gives_the_address_as_each_language_writes_it(client, reachable_centre):
    chinese = client.get("/zh-hans/about/").content.decode()
    russian = client.get("/ru/about/").content.decode()

    assert "<address>中国北京市<br>海淀区示例路1号</address>" in chinese
    # No Russian address yet: the English one, marked as English, with a note in Russian.
    contact = russian.split('id="contact"')[1].split("</section>")[0]
    assert '<address lang="en">Example Road 1<br>' in contact
    assert 'class="fallback-note"' in contact


@pytest.mark.parametrize("path", ["/en/", "/en/about/", "/en/programs/", "/zh-hans/", "/en/no-such-page/"])
def test_every_page_has_the_contact_line_in_its_footer(client, reachable_centre, path):
    ProgramFactory(status=Program.Status.ANNOUNCED)
    html = client.get(path).content.decode()

    footer = html.split('<footer class="site-footer">')[1]
    assert 'href="/' in footer and '/about/#contact"' in footer
    assert '<a href="mailto:training@example.org">training@example.org</a>' in footer
    assert '<a href="tel:+861012345678">+86 10 1234 5678</a>' in footer
    if path.startswith("/zh-hans/"):
        assert "中国北京市 海淀区示例路1号" in footer
    else:
        assert "Example Road 1, Haidian District, Beijing, China" in footer


def test_a_program_page_footer_has_the_contact_line_too(client, reachable_centre):
    program = ProgramFactory()

    footer = client.get(program.get_absolute_url()).content.decode().split('<footer class="site-footer">')[1]

    assert "mailto:training@example.org" in footer


def test_without_contact_details_the_footer_has_no_contact_line(client):
    CenterFactory(email="")

    assert 'class="footer-contact"' not in client.get("/en/").content.decode()
