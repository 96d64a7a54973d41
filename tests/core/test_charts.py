"""SVG charts drawn on the server: well-formed, named for screen readers, labels escaped, bars to scale."""
import xml.etree.ElementTree as ET

from django.utils import translation

from trainingcenter.core.charts import bar_chart, distribution_chart, fit, format_number, text_width

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    return ET.fromstring(str(markup))  # noqa: S314 - our own markup, parsed to check it


def bars(root):
    """The accent-coloured rectangles (the bars), not the tracks behind them."""
    return [rect for rect in root.iter(f"{SVG}rect") if rect.get("fill") == "#0f5e57"]


def texts(root):
    return [text.text for text in root.iter(f"{SVG}text")]


def test_bar_chart_is_an_image_named_by_its_title():
    root = parse(bar_chart([("Overall", 4.25), ("Usefulness", 3.5)], title="Average ratings", max_value=5))
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title.text == "Average ratings" and root.get("aria-labelledby") == title.get("id")
    assert "style" not in str(bar_chart([("a", 1)], title="t"))  # the pages' CSP allows no style attribute


def test_bars_are_to_scale_against_the_maximum():
    root = parse(bar_chart([("A", 5), ("B", 2.5), ("C", 0)], title="t", max_value=5, width=656))
    track = 656 - 56
    assert [float(rect.get("width")) for rect in bars(root)] == [track, track / 2]  # no bar for 0
    assert texts(root) == ["A", "5", "B", "2.50", "C", "0"]


def test_a_missing_value_shows_a_dash_and_no_bar():
    root = parse(bar_chart([("Nobody rated it", None)], title="t", max_value=5))
    assert bars(root) == [] and texts(root) == ["Nobody rated it", "–"]


def test_labels_are_escaped():
    markup = str(bar_chart([('<script>alert("x")</script>', 1)], title="A & B <i>"))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "A &amp; B &lt;i&gt;" in markup
    parse(markup)  # still well-formed XML


def test_long_labels_are_cut_to_fit_and_kept_whole_in_the_tooltip():
    label = "Hydrogen storage and fuel cells in heavy transport: lessons from three pilot corridors in China"
    root = parse(bar_chart([(label, 3)], title="t", width=300))
    shown = texts(root)[0]
    assert shown.endswith("…") and text_width(shown) <= 300
    assert root.find(f"{SVG}g/{SVG}title").text == f"{label}: 3"


def test_wide_characters_count_double():
    assert text_width("电池") == 2 * 13.5 and text_width("ab") == 2 * 7.2
    assert fit("锂离子电池回收与梯次利用", 60).endswith("…")
    assert fit("Short", 200) == "Short"


def test_distribution_chart_has_a_column_per_bucket_with_its_count():
    root = parse(distribution_chart([("1", 0), ("2", 1), ("3", 0), ("4", 2), ("5", 1)], title="Ratings",
                                    height=200))
    heights = [float(rect.get("height")) for rect in bars(root)]
    assert len(heights) == 3 and heights[1] == 2 * heights[0] == 2 * heights[2]
    assert texts(root) == ["0", "1", "1", "2", "0", "3", "2", "4", "1", "5"]


def test_an_empty_distribution_draws_no_column():
    root = parse(distribution_chart([("1", 0), ("2", 0)], title="Nothing yet"))
    assert bars(root) == []


def test_numbers_follow_the_active_language():
    assert format_number(4.25) == "4.25" and format_number(3) == "3"
    assert format_number(200 / 3, 1) == "66.7" and format_number(14 / 3) == "4.67"
    with translation.override("ru"):
        assert format_number(4.25) == "4,25"
        root = parse(bar_chart([("Итог", 4.5)], title="Оценки", max_value=5))
    assert texts(root) == ["Итог", "4,50"]
