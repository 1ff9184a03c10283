"""Re-extraction (article_ingest/reprocess.py) on moto: stored articles extracted again
from their raw inputs; only the ones whose output changed are rewritten."""

from __future__ import annotations

import json
from typing import Any

import pytest

from article_ingest import reprocess, service
from article_ingest.errors import RecordChanged
from article_ingest.reprocess import ReprocessFilters, reextract, reprocess_all
from article_ingest.service import RawInput, ingest
from article_ingest.settings import Settings
from article_ingest.stored_inputs import StoredInputs

from .test_store import page

BODY_B = (
    "The council voted on Tuesday to extend the night bus network to the harbour and "
    "the airport, a change residents had asked for since the old tram line closed."
)


@pytest.fixture
def inputs(aws: tuple[Any, Any], settings: Settings) -> StoredInputs:
    return StoredInputs(aws[0], aws[1], settings)


def _ingest(store: Any, settings: Settings, headline: str, publisher: str, date: str) -> str:
    url = f"https://example.com/{headline.lower().replace(' ', '-')}"
    raw = RawInput(page(headline, publisher, date, url), "text/html", "api", url, principal="alice")
    return ingest(raw, settings, store).article.id


def _item(aws: tuple[Any, Any], settings: Settings, article_id: str) -> dict[str, Any]:
    item: dict[str, Any] = aws[1].get_item(
        TableName=settings.table_name, Key={"id": {"S": article_id}}, ConsistentRead=True
    )["Item"]
    return item


def _versions(aws: tuple[Any, Any], settings: Settings, key: str) -> int:
    listed = aws[0].list_object_versions(Bucket=settings.bucket_name, Prefix=key)
    return len(listed.get("Versions", []))


def _assert_untouched(aws: Any, settings: Settings, before: dict[str, dict[str, Any]]) -> None:
    """Each index item is as it was read, and its Article has one S3 version."""
    for article_id, item in before.items():
        assert _item(aws, settings, article_id) == item
        assert _versions(aws, settings, item["s3_key"]["S"]) == 1


def _run(settings: Settings, store: Any, inputs: StoredInputs, **kwargs: Any) -> Any:
    filters = kwargs.pop("filters", ReprocessFilters())
    results: list[Any] = []
    counts = reprocess_all(filters, settings, store, inputs, on_result=results.append, **kwargs)
    return counts, {r.id: r for r in results}


@pytest.fixture
def two_articles(store: Any, settings: Settings) -> list[str]:
    return [
        _ingest(store, settings, "Bridge reopens", "Harbour Times", "2025-03-01T09:00:00Z"),
        _ingest(store, settings, "Night buses", "City Post", "2025-05-02T10:00:00+02:00"),
    ]


def test_reprocess_leaves_articles_whose_output_is_the_same_untouched(
    aws: Any, store: Any, settings: Settings, inputs: StoredInputs, two_articles: list[str]
) -> None:
    # Given two stored articles and the same extractor
    before = {i: _item(aws, settings, i) for i in two_articles}
    # When reprocessed
    counts, results = _run(settings, store, inputs)
    # Then both are unchanged and nothing was written: same items, one S3 version each
    assert counts.model_dump() == {"re_extracted": 2, "changed": 0, "unchanged": 2, "failed": 0}
    assert {r.outcome for r in results.values()} == {"unchanged"}
    _assert_untouched(aws, settings, before)


def test_reprocess_rewrites_an_article_whose_metadata_changed_as_a_new_version(
    aws: Any,
    store: Any,
    settings: Settings,
    inputs: StoredInputs,
    two_articles: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given two stored articles, then a new extractor whose output differs but whose
    # body is the same (the content hash, and so the S3 key, stay the same)
    before = {i: _item(aws, settings, i) for i in two_articles}
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    # When reprocessed
    counts, _ = _run(settings, store, inputs)
    # Then both changed: a new S3 version of the same key, the index item rewritten
    # (a new write, the writer kept, the version it replaced recorded)
    assert counts.model_dump() == {"re_extracted": 2, "changed": 2, "unchanged": 0, "failed": 0}
    for article_id, old in before.items():
        item = _item(aws, settings, article_id)
        key = item["s3_key"]["S"]
        assert key == old["s3_key"]["S"]
        assert _versions(aws, settings, key) == 2
        assert item["ingested_at"] != old["ingested_at"]
        assert item["write_status"]["S"] == "updated"
        assert item["written_by"]["S"] == "alice"
        assert item["previous_s3_key"] == old["s3_key"]
        stored = store.get(article_id)
        assert stored.extraction.extractor_version == "9.9.9"
        assert stored.source.received_at == store.get(article_id).source.received_at
    # And a second run finds them unchanged (idempotent)
    again, _ = _run(settings, store, inputs)
    assert (again.changed, again.unchanged) == (0, 2)


def test_reprocess_publishes_a_changed_body_under_its_new_key_and_index_fields(
    aws: Any,
    store: Any,
    settings: Settings,
    inputs: StoredInputs,
    two_articles: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given an extractor that now finds one more paragraph in every page
    original = service.extract_html

    def extract_more(text: str, url: str | None = None) -> Any:
        extracted = original(text, url=url)
        return extracted.model_copy(update={"blocks": [], "paragraphs": [BODY_B]})

    monkeypatch.setattr(service, "extract_html", extract_more)
    first = two_articles[0]
    old = _item(aws, settings, first)
    original_source = store.get(first).source
    # When reprocessed
    counts, _ = _run(settings, store, inputs)
    # Then the index names the new version: new hash, new key, same id and source
    assert counts.changed == 2
    item = _item(aws, settings, first)
    stored = store.get(first)
    assert stored.body == BODY_B and stored.id == first
    assert item["content_sha256"]["S"] == stored.content_sha256 != old["content_sha256"]["S"]
    assert item["s3_key"]["S"].endswith(f"{stored.content_sha256}.json")
    assert item["previous_content_sha256"] == old["content_sha256"]
    assert stored.source == original_source
    # And the old version stays readable under its own key
    body = aws[0].get_object(Bucket=settings.bucket_name, Key=old["s3_key"]["S"])["Body"]
    assert json.loads(body.read())["content_sha256"] == old["content_sha256"]["S"]


def test_reprocess_dry_run_counts_changes_and_writes_nothing(
    aws: Any,
    store: Any,
    settings: Settings,
    inputs: StoredInputs,
    two_articles: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a changed extractor
    before = {i: _item(aws, settings, i) for i in two_articles}
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    # When reprocessed as a dry run
    counts, results = _run(settings, store, inputs, dry_run=True)
    # Then it reports both as changed, and the items and objects are as they were
    assert (counts.changed, counts.unchanged) == (2, 0)
    assert {r.outcome for r in results.values()} == {"changed"}
    _assert_untouched(aws, settings, before)


def test_reprocess_filters_by_publisher_and_dates_as_the_listing_does(
    store: Any,
    settings: Settings,
    inputs: StoredInputs,
    two_articles: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given two stored articles of two publishers and dates, and a changed extractor
    bridge, buses = two_articles
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    # When one publisher's articles (any case) are reprocessed, then a date range
    by_publisher = ReprocessFilters(publisher="harbour times")
    counts, results = _run(settings, store, inputs, filters=by_publisher, dry_run=True)
    assert set(results) == {bridge} and counts.changed == 1
    by_date = ReprocessFilters(since="2025-04-01", until="2025-05-31")
    counts, results = _run(settings, store, inputs, filters=by_date, dry_run=True)
    # Then only the articles the filters list are re-extracted
    assert set(results) == {buses} and counts.changed == 1
    _, results = _run(settings, store, inputs, filters=ReprocessFilters(until="2025-01-01"))
    assert results == {}


def test_reprocess_filters_refuse_a_malformed_date() -> None:
    # Given / When a date that is not ISO 8601 / Then BadInput, in plain words
    from article_ingest.errors import BadInput

    with pytest.raises(BadInput, match="ISO 8601"):
        ReprocessFilters(since="last tuesday")


def test_reprocess_an_article_whose_raw_input_is_gone_fails_and_keeps_it(
    aws: Any,
    store: Any,
    settings: Settings,
    inputs: StoredInputs,
    two_articles: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a stored article whose raw input was deleted, and a changed extractor
    gone = two_articles[0]
    raw_key = store.get(gone).source.raw_key
    aws[0].delete_object(Bucket=settings.bucket_name, Key=raw_key)
    before = _item(aws, settings, gone)
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    # When reprocessed
    counts, results = _run(settings, store, inputs)
    # Then it is failed with its reason, not retryable, and kept as it was
    assert counts.model_dump() == {"re_extracted": 1, "changed": 1, "unchanged": 0, "failed": 1}
    failed = results[gone]
    assert failed.outcome == "failed" and not failed.retryable
    assert failed.error is not None and failed.error.code == "raw_missing"
    assert raw_key in failed.error.message
    assert _item(aws, settings, gone) == before
    assert store.get(gone).extraction.extractor_version != "9.9.9"


def test_reprocess_an_unreadable_raw_input_fails_with_the_extraction_error(
    aws: Any, store: Any, settings: Settings, inputs: StoredInputs, two_articles: list[str]
) -> None:
    # Given a stored article whose raw input now holds nothing readable
    broken = two_articles[1]
    raw_key = store.get(broken).source.raw_key
    aws[0].put_object(Bucket=settings.bucket_name, Key=raw_key, Body=b"  ")
    before = _item(aws, settings, broken)
    # When it is re-extracted
    result = reextract(broken, settings, store, inputs)
    # Then it failed with the extractor's reason and is kept as it was
    assert result.outcome == "failed" and result.error is not None
    assert result.error.code == "bad_request"
    assert _item(aws, settings, broken) == before


def test_reprocess_an_older_schema_document_is_rewritten(
    aws: Any, store: Any, settings: Settings, inputs: StoredInputs, two_articles: list[str]
) -> None:
    # Given a stored document of an older schema (which today's Article model refuses)
    first = two_articles[0]
    key = _item(aws, settings, first)["s3_key"]["S"]
    document = json.loads(aws[0].get_object(Bucket=settings.bucket_name, Key=key)["Body"].read())
    document.update({"schema_version": 1, "display_headline": None})
    del document["blocks"]
    aws[0].put_object(Bucket=settings.bucket_name, Key=key, Body=json.dumps(document).encode())
    # When it is re-extracted
    result = reextract(first, settings, store, inputs)
    # Then it is rewritten as a current Article from its raw input
    assert result.outcome == "changed"
    assert store.get(first).schema_version == 2


def test_reprocess_does_not_publish_over_a_record_written_meanwhile(
    aws: Any, store: Any, settings: Settings, inputs: StoredInputs, two_articles: list[str]
) -> None:
    # Given a record read for re-extraction, then written again by an ingestion
    first = two_articles[0]
    record = inputs.record(first)
    fresh = reprocess.revised_article(record, inputs, settings)
    store.save(fresh.model_copy(update={"content_sha256": "f" * 64}), None, writer="bob")
    current = _item(aws, settings, first)
    # When the re-extraction is published over the item it read / Then it is refused
    with pytest.raises(RecordChanged):
        store.save(fresh, None, writer="alice", replacing=record.ingested_at)
    assert _item(aws, settings, first) == current


def test_reextract_reads_again_when_the_record_changed_under_it(
    aws: Any,
    store: Any,
    settings: Settings,
    inputs: StoredInputs,
    two_articles: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a changed extractor, and a writer that rewrites the record once between
    # the re-extraction's read and its write
    first = two_articles[0]
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    save = store.save
    raced: list[str] = []

    def save_after_a_rival(article: Any, raw: Any, **kwargs: Any) -> Any:
        if not raced:
            raced.append(article.id)
            rival = store.get(article.id).model_copy(update={"content_sha256": "e" * 64})
            save(rival, None, writer="bob")
        return save(article, raw, **kwargs)

    monkeypatch.setattr(store, "save", save_after_a_rival)
    # When it is re-extracted
    result = reextract(first, settings, store, inputs)
    # Then the first write was refused, the record read again, and the second landed
    assert raced == [first]
    assert result.outcome == "changed"
    assert store.get(first).extraction.extractor_version == "9.9.9"
    assert _item(aws, settings, first)["previous_content_sha256"]["S"] == "e" * 64


def test_reprocess_an_uploaded_article_reads_its_incoming_object(
    aws: Any, store: Any, settings: Settings, inputs: StoredInputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an article ingested from an upload (its raw input is the incoming/ object)
    key = "incoming/bridge.html"
    data = page("Bridge reopens", "Harbour Times", "2025-03-01", "https://example.com/b")
    aws[0].put_object(Bucket=settings.bucket_name, Key=key, Body=data, ContentType="text/html")
    raw = RawInput(data, "text/html", "s3", raw_key=key)
    article_id = ingest(raw, settings, store).article.id
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    # When it is re-extracted
    result = reextract(article_id, settings, store, inputs)
    # Then it changed, read from its upload, and still names it as its input
    assert result.outcome == "changed"
    stored = store.get(article_id)
    assert (stored.source.via, stored.source.raw_key) == ("s3", key)
    assert stored.extraction.extractor_version == "9.9.9"


def test_reextract_an_unknown_id_fails_as_not_found(
    store: Any, settings: Settings, inputs: StoredInputs
) -> None:
    # Given / When an id nothing is stored under / Then failed, not_found
    result = reextract("0" * 32, settings, store, inputs)
    assert result.outcome == "failed" and result.error is not None
    assert result.error.code == "not_found"


def test_reprocess_announces_a_rewritten_article_as_updated(
    store: Any,
    settings: Settings,
    inputs: StoredInputs,
    two_articles: list[str],
    subscriber: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from .integration_support import bus_publisher

    # Given two stored articles, a rule on the bus feeding a queue, a new extractor
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "9.9.9")
    # When reprocessed with the bus
    _run(settings, store, inputs, events=bus_publisher())
    # Then each rewritten article is announced as an update, with its id
    bodies = subscriber()
    assert {b["detail-type"] for b in bodies} == {"ArticleUpdated"}
    assert sorted(b["detail"]["id"] for b in bodies) == sorted(two_articles)
