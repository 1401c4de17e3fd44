"""Every anchor the built site links to exists: in-page (#id) and on other pages (page/#id)."""

from __future__ import annotations

from urllib.parse import unquote, urljoin, urlparse

import pytest

BASE = "http://site.invalid/"


def _target(page_url: str, href: str) -> tuple[str, str] | None:
    """The built file and fragment an internal link with a fragment points at, else None."""
    url = urlparse(urljoin(page_url, href))
    if not url.fragment or f"{url.scheme}://{url.netloc}/" != BASE:
        return None
    path = unquote(url.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, unquote(url.fragment)


@pytest.mark.xdist_group("built-html")
def test_every_linked_anchor_exists(built, built_html):
    pages = {path.relative_to(built).as_posix(): soup for path, soup in built_html.items()}
    ids = {path: {tag["id"] for tag in soup.find_all(id=True)} for path, soup in pages.items()}
    broken, checked = [], 0
    for path, soup in pages.items():
        page_url = urljoin(BASE, path)
        for link in soup.find_all("a", href=True):
            target = _target(page_url, link["href"])
            if target is None or target[0] not in ids:  # a download or an asset, not a page
                continue
            checked += 1
            if target[1] not in ids[target[0]]:
                broken.append(f"{path}: {link['href']} ({link.get_text(strip=True)[:40]})")
    assert checked > 500
    assert broken == []
