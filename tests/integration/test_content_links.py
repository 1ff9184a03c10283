"""The id rule and content links: a body stored under a URL is found again by its
content hash when it comes back without one, and a body stored alone first is folded
into the URL record its writer stores later."""

from __future__ import annotations

from typing import Any

TEXT = (
    "Council approves the new tram line\n\n"
    "The city council approved the new tram line on Monday after a two-year debate, "
    "with construction to start next spring and the first trams running in 2028.\n\n"
    "The line will link the station with the university and the new hospital."
)
URL = "https://news.example/tram-line"


def _ingest(settings: Any, store: Any, *, url: str | None = None, who: str = "alice") -> Any:
    from article_ingest.service import RawInput, ingest

    raw = RawInput(TEXT.encode(), "text/plain", "api", url, principal=who)
    return ingest(raw, settings, store)


def _listed(store: Any) -> list[str]:
    return [item.id for item in store.list().items]


def test_body_without_url_finds_the_record_stored_with_one(settings: Any, store: Any) -> None:
    from article_ingest.store import content_id

    # Given a pasted article stored with its URL
    first = _ingest(settings, store, url=URL)
    # When the same text comes again without a URL
    again = _ingest(settings, store)
    # Then the content hash finds the earlier record: unchanged, the same id
    assert (first.status, again.status) == ("created", "unchanged")
    assert again.article.id == first.article.id and again.article.url == URL
    # And one record is listed, which the body's own id also answers
    assert _listed(store) == [first.article.id]
    assert store.get(content_id(first.article.content_sha256)).id == first.article.id


def test_body_stored_alone_is_folded_into_its_writers_url_record(settings: Any, store: Any) -> None:
    # Given a pasted article stored without a URL
    alone = _ingest(settings, store)
    # When its writer stores it again with its URL
    with_url = _ingest(settings, store, url=URL)
    # Then the URL record is the one listed, and the earlier id answers it
    assert (alone.status, with_url.status) == ("created", "created")
    assert with_url.article.id != alone.article.id
    assert _listed(store) == [with_url.article.id]
    assert store.get(alone.article.id).url == URL
    # And the text without a URL now finds the URL record
    assert _ingest(settings, store).article.id == with_url.article.id


def test_another_writers_body_record_is_kept_apart(settings: Any, store: Any) -> None:
    # Given alice's pasted article stored without a URL
    alone = _ingest(settings, store, who="alice")
    # When mallory stores the same body under a URL of her choosing
    claimed = _ingest(settings, store, url="https://elsewhere.example/x", who="mallory")
    # Then alice's record stays listed and keeps answering its own id
    assert set(_listed(store)) == {alone.article.id, claimed.article.id}
    assert store.get(alone.article.id).url is None
