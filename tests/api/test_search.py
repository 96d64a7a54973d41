"""GET /api/search: the contract other tools rely on."""
import pytest

from tests.factories.search import make_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return make_archive()


def test_answers_count_and_items_with_kind_title_url(client, archive):
    answer = client.get("/api/search", {"q": "electric buses", "lang": "en"})
    assert answer.status_code == 200
    data = answer.json()
    assert data["count"] == len(data["items"]) == 2
    assert {item["kind"] for item in data["items"]} == {"program", "session"}
    for item in data["items"]:
        assert item["title"] and item["url"].startswith("http://testserver/en/programs/")
    assert "<mark>Electric</mark> <mark>buses</mark> in Almaty" in [item["title_html"] for item in data["items"]]
    phrase = client.get("/api/search", {"q": '"electric buses"', "lang": "en"}).json()
    assert "<mark>Electric buses</mark> in Almaty" in [item["title_html"] for item in phrase["items"]]


def test_chinese_and_russian(client, archive):
    chinese = client.get("/api/search", {"q": "锂电池", "lang": "zh-hans"}).json()
    assert chinese["items"][0]["title"] == "锂电池储能技术"
    assert chinese["items"][0]["url"].startswith("http://testserver/zh-hans/")
    russian = client.get("/api/search", {"q": "декарбонизация", "lang": "ru"}).json()
    assert russian["count"] == 2


def test_filters(client, archive):
    data = client.get("/api/search", {"q": "batteries", "kind": "person"}).json()
    assert [item["kind"] for item in data["items"]] == ["person"]
    assert client.get("/api/search", {"q": "electric", "theme": "batteries"}).json()["count"] == 0
    assert client.get("/api/search", {"q": "electric", "theme": "no-such-theme"}).json()["count"] == 0
    assert client.get("/api/search", {"q": "batteries", "country_group": "eco"}).json()["count"] >= 1


def test_limit_keeps_the_count(client, archive):
    data = client.get("/api/search", {"q": "batteries", "limit": 1}).json()
    assert len(data["items"]) == 1 and data["count"] > 1


def test_empty_query_finds_nothing(client, archive):
    assert client.get("/api/search").json() == {"count": 0, "items": []}


@pytest.mark.parametrize("params", [{"kind": "nothing"}, {"year": "soon"}, {"limit": 0}, {"q": "x" * 201}])
def test_bad_parameters_answer_400_in_the_error_shape(client, params):
    answer = client.get("/api/search", params)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"]
