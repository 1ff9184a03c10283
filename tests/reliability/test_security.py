"""Security posture, asserted on template.yaml and on the code: private encrypted
bucket, TLS only, least-privilege IAM, authenticated writes, no URL fetching."""

from __future__ import annotations

import ast
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from article_ingest.local.provision import load_template

from .support import PARAGRAPH, run

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "layers" / "common" / "article_ingest"
FUNCTIONS = ("ApiFunction", "UploadFunction")
# Modules that may open sockets: the local stack and the CLI's local server only.
NETWORK_MODULES = {"urllib.request", "http.client", "requests", "httpx", "aiohttp", "socket"}
NETWORK_ALLOWED = {"local"}
# Deletion (DELETE /articles/{id}) is the API function's alone: one item at a time,
# object versions under the prefixes the template names.
DELETE_ACTIONS = {"ApiFunction": {"dynamodb:DeleteItem", "s3:DeleteObjectVersion"}}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template(REPO / "template.yaml")


def _resources(template: dict[str, Any], kind: str) -> dict[str, Any]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_template_bucket_is_private_and_encrypted(template: dict[str, Any]) -> None:
    (bucket,) = _resources(template, "AWS::S3::Bucket").values()
    props = bucket["Properties"]
    assert props["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    rules = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rules[0]["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms")
    ownership = props["OwnershipControls"]["Rules"][0]["ObjectOwnership"]
    assert ownership == "BucketOwnerEnforced"  # no ACLs at all


def test_template_bucket_policy_denies_plain_http_and_allows_nobody(
    template: dict[str, Any],
) -> None:
    (policy,) = _resources(template, "AWS::S3::BucketPolicy").values()
    statements = policy["Properties"]["PolicyDocument"]["Statement"]
    # No statement grants anything to anyone: access comes from the functions' roles
    assert all(s["Effect"] == "Deny" for s in statements)
    plain_http = {"Bool": {"aws:SecureTransport": "false"}}
    tls = [s for s in statements if s.get("Condition") == plain_http]
    assert tls and tls[0]["Action"] == "s3:*" and tls[0]["Principal"] == "*"
    covered = {r["Fn::GetAtt"] if "Fn::GetAtt" in r else r["Fn::Sub"] for r in tls[0]["Resource"]}
    assert covered == {"ArticlesBucket.Arn", "${ArticlesBucket.Arn}/*"}


def test_template_table_and_queues_are_encrypted(template: dict[str, Any]) -> None:
    for table in _resources(template, "AWS::DynamoDB::Table").values():
        assert table["Properties"]["SSESpecification"]["SSEEnabled"] is True
    for queue in _resources(template, "AWS::SQS::Queue").values():
        assert queue["Properties"].get("SqsManagedSseEnabled") or queue["Properties"].get(
            "KmsMasterKeyId"
        )


def _statements(template: dict[str, Any], function: str) -> list[dict[str, Any]]:
    policies = template["Resources"][function]["Properties"]["Policies"]
    return [s for p in policies for s in p["Statement"]]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_template_function_iam_is_least_privilege(template: dict[str, Any], function: str) -> None:
    # Given the function's inline policy statements (no managed policy templates)
    props = template["Resources"][function]["Properties"]
    assert all(isinstance(p, dict) for p in props["Policies"])
    assert "Role" not in props
    for statement in _statements(template, function):
        actions = _as_list(statement["Action"])
        # Then only Allow, only named actions: no wildcards, scans or IAM, and no
        # deletes but the API's DELETE /articles/{id} (an item, object versions)
        assert statement["Effect"] == "Allow"
        assert all("*" not in a for a in actions), actions
        deletes = DELETE_ACTIONS.get(function, set())
        assert not any(
            a.split(":")[1].startswith(("Delete", "Scan", "PutBucket", "PassRole"))
            for a in actions
            if a not in deletes
        )
        # And every resource is one of the stack's own, S3 objects under a prefix
        for resource in _as_list(statement["Resource"]):
            assert resource != "*"
            if isinstance(resource, dict) and "Fn::Sub" in resource:
                sub = resource["Fn::Sub"]
                if sub.startswith("${ArticlesBucket.Arn}"):
                    prefix = sub.removeprefix("${ArticlesBucket.Arn}/")
                    assert prefix.endswith("/*") and len(prefix) > 2, sub


def test_template_upload_function_cannot_write_where_uploads_arrive(
    template: dict[str, Any],
) -> None:
    # Writing under incoming/ would trigger the function again (a loop)
    for statement in _statements(template, "UploadFunction"):
        if "s3:PutObject" in _as_list(statement["Action"]):
            resources = [r["Fn::Sub"] for r in _as_list(statement["Resource"])]
            assert not any("/incoming/" in r for r in resources)


def _routes(template: dict[str, Any]) -> dict[str, Any]:
    """'METHOD /path' -> its authorisation, for either way of writing the HTTP API."""
    routes: dict[str, Any] = {}
    for api in _resources(template, "AWS::Serverless::HttpApi").values():
        paths = api["Properties"]["DefinitionBody"]["paths"]
        for path, item in paths.items():
            for method, op in item.items():
                routes[f"{method.upper()} {path}"] = op.get("security")
    for route in _resources(template, "AWS::ApiGatewayV2::Route").values():
        props = route["Properties"]
        auth = props.get("AuthorizationType", "NONE")
        routes[props["RouteKey"]] = None if auth == "NONE" else auth
    return routes


def test_template_writes_are_authenticated(template: dict[str, Any]) -> None:
    # Given the deployed HTTP API's routes
    routes = _routes(template)
    writes = {k: v for k, v in routes.items() if k.split()[0] in ("POST", "PUT", "DELETE")}
    # Then every write route needs IAM or JWT authorisation
    assert {"POST /articles", "POST /extract", "DELETE /articles/{id}"} <= set(writes)
    assert all(writes.values()), writes


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def test_service_code_has_no_url_fetching() -> None:
    # Given every module of the layer (but the local stack) and the functions
    modules = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "local"]
    modules += list((REPO / "functions").rglob("*.py"))
    # Then none imports an HTTP client or sockets: user input never becomes a request
    for module in modules:
        assert not _imports(module) & NETWORK_MODULES, module


def test_extract_opens_no_connection_for_urls_in_the_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a page full of URLs (images, canonical, external entities, base, iframes)
    # and sockets that refuse to connect on this thread (another test's background
    # thread, a local stack's queue poller, still connects: refused, it leaked its
    # socket, reported later as an unclosed-socket warning in an unrelated test)
    this_thread = threading.get_ident()

    def refusing(original: Any) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            if threading.get_ident() == this_thread:
                raise AssertionError("extract opened a connection")
            return original(*args, **kwargs)

        return refuse

    monkeypatch.setattr(socket.socket, "connect", refusing(socket.socket.connect))
    monkeypatch.setattr(socket, "create_connection", refusing(socket.create_connection))
    monkeypatch.setattr(socket, "getaddrinfo", refusing(socket.getaddrinfo))
    html = (
        '<?xml version="1.0"?><!DOCTYPE h [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>'
        '<html><head><base href="http://127.0.0.1:9/"><link rel="canonical" '
        'href="http://169.254.169.254/latest/meta-data/"></head><body><h1>T &e;</h1>'
        f'<img src="http://127.0.0.1:9/i.jpg"><iframe src="http://10.0.0.1/"></iframe>'
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></body></html>"
    )
    # When extracted with a URL / Then no socket was touched (refuse() would raise)
    run(html.encode(), "application/xhtml+xml", "http://127.0.0.1:9/page")


@pytest.mark.parametrize("function", FUNCTIONS)
def test_template_functions_have_reserved_concurrency(
    template: dict[str, Any], function: str
) -> None:
    # Given the functions / Then each reserves (and is capped at) a parameter's count,
    # so one client cannot hold every execution of the account
    reserved = template["Resources"][function]["Properties"]["ReservedConcurrentExecutions"]
    condition, value, _ = reserved["Fn::If"]
    assert template["Parameters"][value["Ref"]]["Type"] == "Number"
    assert condition in template["Conditions"]


def test_template_queue_accepts_notifications_from_its_own_bucket_only(
    template: dict[str, Any],
) -> None:
    # Given the one statement of the queue policies that lets S3 publish
    (s3,) = [
        s
        for policy in _resources(template, "AWS::SQS::QueuePolicy").values()
        for s in policy["Properties"]["PolicyDocument"]["Statement"]
        if s.get("Principal") == {"Service": "s3.amazonaws.com"}
    ]
    # Then it names the account and the stack's bucket, whose name is the same string
    condition = s3["Condition"]
    assert condition["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}
    source_arn = condition["ArnEquals"]["aws:SourceArn"]["Fn::Sub"]
    bucket_name = template["Resources"]["ArticlesBucket"]["Properties"]["BucketName"]["Fn::Sub"]
    assert source_arn[0].endswith(":s3:::" + bucket_name[0]) and source_arn[1] == bucket_name[1]


def test_template_upload_function_may_list_incoming_only(template: dict[str, Any]) -> None:
    # A missing upload must come back 404 (object_missing), not 403 (retried)
    (listing,) = [
        s
        for s in _statements(template, "UploadFunction")
        if "s3:ListBucket" in _as_list(s["Action"])
    ]
    assert listing["Resource"] == {"Fn::GetAtt": "ArticlesBucket.Arn"}
    assert listing["Condition"] == {"StringLike": {"s3:prefix": ["incoming/*"]}}


def test_template_signs_cursors_with_a_generated_secret(template: dict[str, Any]) -> None:
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    assert "CursorSigningSecret" in variables["CURSOR_SECRET"]["Fn::Sub"]
    secret = template["Resources"]["CursorSigningSecret"]
    assert secret["Properties"]["GenerateSecretString"]["PasswordLength"] >= 32
