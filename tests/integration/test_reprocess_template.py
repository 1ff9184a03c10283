"""template.yaml's re-extraction resources: the starter, its queue, the worker with its
concurrency cap and partial batch responses, the dead-letter queue, least privilege."""

from __future__ import annotations

from typing import Any

import pytest

from article_ingest.local.provision import load_template

from ..reliability import test_security
from .integration_support import REPO

FUNCTIONS = ("ReprocessStarterFunction", "ReprocessWorkerFunction")


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template(REPO / "template.yaml")


def _props(template: dict[str, Any], name: str) -> dict[str, Any]:
    props: dict[str, Any] = template["Resources"][name]["Properties"]
    return props


def test_reprocess_worker_is_capped_by_a_parameter_and_reports_partial_failures(
    template: dict[str, Any],
) -> None:
    # Given the worker and its queue
    worker = _props(template, "ReprocessWorkerFunction")
    source = worker["Events"]["Articles"]["Properties"]
    queue = _props(template, "ReprocessQueue")
    # Then its concurrency is the parameter's, failures are per message, and a message
    # that keeps failing is moved to the dead-letter queue
    assert source["Queue"] == {"Fn::GetAtt": "ReprocessQueue.Arn"}
    assert source["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert source["ScalingConfig"]["MaximumConcurrency"] == {"Ref": "ReprocessMaxConcurrency"}
    assert template["Parameters"]["ReprocessMaxConcurrency"]["MinValue"] >= 2
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {
        "Fn::GetAtt": "ReprocessDeadLetterQueue.Arn"
    }
    assert queue["VisibilityTimeout"] >= 6 * worker["Timeout"]


def test_reprocess_starter_continues_through_its_own_queue(template: dict[str, Any]) -> None:
    # Given the starter
    starter = _props(template, "ReprocessStarterFunction")
    source = starter["Events"]["Continuations"]["Properties"]
    env = starter["Environment"]["Variables"]
    # Then its queue invokes it one continuation at a time, and it may loop on purpose
    assert source["Queue"] == {"Fn::GetAtt": "ReprocessStartQueue.Arn"}
    assert source["BatchSize"] == 1
    assert _props(template, "ReprocessStartQueue")["VisibilityTimeout"] >= starter["Timeout"]
    assert starter["RecursiveLoop"] == "Allow"
    assert env["REPROCESS_QUEUE_URL"] == {"Ref": "ReprocessQueue"}
    assert env["REPROCESS_START_QUEUE_URL"] == {"Ref": "ReprocessStartQueue"}
    # And it stops paging well before its timeout (the margin the code keeps)
    from article_ingest.reprocess_queue import STOP_MARGIN_MS

    assert starter["Timeout"] * 1000 >= 10 * STOP_MARGIN_MS


def test_reprocess_env_vars_are_settings_fields(template: dict[str, Any]) -> None:
    from article_ingest.settings import Settings

    fields = {name.upper() for name in Settings.model_fields}
    for name in FUNCTIONS:
        env = _props(template, name)["Environment"]["Variables"]
        assert set(env) <= fields, name


@pytest.mark.parametrize("function", FUNCTIONS)
def test_reprocess_functions_iam_is_least_privilege(
    template: dict[str, Any], function: str
) -> None:
    # Given / Then the same rules as the other functions' (reliability/test_security.py)
    test_security.test_template_function_iam_is_least_privilege(template, function)


def test_reprocess_worker_never_writes_raw_inputs_or_uploads(template: dict[str, Any]) -> None:
    # Given the worker's S3 writes / Then only Articles: the raw inputs stay as received,
    # and nothing it writes can trigger the upload function
    writes = [
        resource["Fn::Sub"]
        for policy in _props(template, "ReprocessWorkerFunction")["Policies"]
        for statement in policy["Statement"]
        if "s3:PutObject" in statement["Action"]
        for resource in (
            statement["Resource"]
            if isinstance(statement["Resource"], list)
            else [statement["Resource"]]
        )
    ]
    assert writes == ["${ArticlesBucket.Arn}/articles/*"]


def test_reprocess_queues_refuse_plain_http(template: dict[str, Any]) -> None:
    statements = _props(template, "ReprocessQueuePolicy")["PolicyDocument"]["Statement"]
    (tls,) = [s for s in statements if s.get("Sid") == "TlsOnly"]
    assert tls["Effect"] == "Deny"
    assert tls["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    covered = {r["Fn::GetAtt"] for r in tls["Resource"]}
    assert covered == {
        "ReprocessQueue.Arn",
        "ReprocessStartQueue.Arn",
        "ReprocessDeadLetterQueue.Arn",
    }
