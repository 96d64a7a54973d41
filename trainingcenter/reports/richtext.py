"""Rich text organisers write into reports: a small, safe subset of HTML (nh3)."""
import nh3

TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "blockquote", "h3", "h4", "sub", "sup"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html):
    """The text with only the allowed tags and attributes; links get rel="noopener noreferrer"."""
    if not html:
        return ""
    cleaned = nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer"
    ).strip()
    if cleaned and "<" not in cleaned:
        # Plain text typed without markup: keep its paragraphs.
        paragraphs = [p.strip() for p in cleaned.split("\n\n") if p.strip()]
        cleaned = "".join(f"<p>{p}</p>" for p in paragraphs)
    return cleaned
