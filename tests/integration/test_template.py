"""template.yaml: linters, and the properties the code relies on."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .integration_support import REPO, load_event

TEMPLATE = REPO / "template.yaml"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    from article_ingest.local.provision import load_template

    return load_template(TEMPLATE)


def test_template_cfn_lint_clean() -> None:
    run = subprocess.run(
        [_tool("cfn-lint"), str(TEMPLATE)], capture_output=True, text=True, check=False, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_template_sam_validate_lint_clean() -> None:
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0"}
    run = subprocess.run(
        [_tool("sam"), "validate", "--lint", "-t", str(TEMPLATE)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=REPO,
        env=env,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_template_functions_run_python313_arm64_on_the_layer(template: dict[str, Any]) -> None:
    glob = template["Globals"]["Function"]
    assert (glob["Runtime"], glob["Architectures"]) == ("python3.13", ["arm64"])
    assert glob["Layers"] == [{"Ref": "CommonLayer"}]
    layer = template["Resources"]["CommonLayer"]
    assert layer["Metadata"] == {"BuildMethod": "python3.13", "BuildArchitecture": "arm64"}
    assert layer["Properties"]["ContentUri"] == "layers/common"
    for name, handler in [("ApiFunction", "api_app"), ("UploadFunction", "s3_app")]:
        props = template["Resources"][name]["Properties"]
        module = REPO / props["CodeUri"] / f"{handler}.py"
        assert props["Handler"] == f"{handler}.lambda_handler" and module.is_file()
        assert props["LoggingConfig"]["LogGroup"]["Ref"].endswith("LogGroup")


def test_template_env_vars_are_settings_fields(template: dict[str, Any]) -> None:
    from article_ingest.settings import Settings

    fields = {name.upper() for name in Settings.model_fields}
    env = dict(template["Globals"]["Function"]["Environment"]["Variables"])
    env |= template["Resources"]["UploadFunction"]["Properties"]["Environment"]["Variables"]
    ours = {k for k in env if not k.startswith("POWERTOOLS_")}
    assert ours <= fields
    assert {"BUCKET_NAME", "TABLE_NAME", "DEAD_LETTER_QUEUE_URL"} <= ours
    defaults = Settings()
    for name in ("RAW_PREFIX", "ARTICLE_PREFIX", "INCOMING_PREFIX"):
        assert env[name] == getattr(defaults, name.lower())


def test_template_only_incoming_notifies(template: dict[str, Any]) -> None:
    from article_ingest.settings import Settings

    bucket = template["Resources"]["ArticlesBucket"]["Properties"]
    (config,) = bucket["NotificationConfiguration"]["QueueConfigurations"]
    (rule,) = config["Filter"]["S3Key"]["Rules"]
    s = Settings()
    assert rule == {"Name": "prefix", "Value": s.incoming_prefix}
    for written in (s.raw_prefix, s.article_prefix):
        assert not written.startswith(s.incoming_prefix)


def _s3_grants(template: dict[str, Any], function: str) -> set[tuple[str, str]]:
    """(action, key prefix) pairs a function's inline policy grants on the bucket."""
    grants = set()
    for policy in template["Resources"][function]["Properties"]["Policies"]:
        for statement in policy["Statement"]:
            actions = statement["Action"]
            resources = statement["Resource"]
            for action in [actions] if isinstance(actions, str) else actions:
                for resource in resources if isinstance(resources, list) else [resources]:
                    sub = resource.get("Fn::Sub", "") if isinstance(resource, dict) else ""
                    if action.startswith("s3:") and sub.startswith("${ArticlesBucket.Arn}/"):
                        grants.add((action, sub.split("/", 1)[1].removesuffix("*")))
    return grants


def test_template_s3_grants_are_the_prefixes_the_code_uses(template: dict[str, Any]) -> None:
    from article_ingest.settings import Settings

    s = Settings()
    assert _s3_grants(template, "ApiFunction") == {
        ("s3:PutObject", s.raw_prefix),
        ("s3:PutObject", s.article_prefix),
        ("s3:GetObject", s.article_prefix),
        # Deletion: every version of an article, its raw inputs and its upload
        ("s3:GetObjectVersion", s.article_prefix),
        ("s3:DeleteObjectVersion", s.article_prefix),
        ("s3:DeleteObjectVersion", s.raw_prefix),
        ("s3:DeleteObjectVersion", s.incoming_prefix),
    }
    assert _s3_grants(template, "UploadFunction") == {
        ("s3:GetObject", s.incoming_prefix),
        ("s3:GetObjectVersion", s.incoming_prefix),
        ("s3:GetObject", s.article_prefix),
        ("s3:PutObject", s.article_prefix),
    }


def test_template_bucket_and_queues_refuse_plain_http(template: dict[str, Any]) -> None:
    for name in ("ArticlesBucketPolicy", "IngestQueuePolicy"):
        statements = template["Resources"][name]["Properties"]["PolicyDocument"]["Statement"]
        tls = [s for s in statements if s.get("Sid") == "TlsOnly"]
        assert tls and tls[0]["Effect"] == "Deny"
        assert tls[0]["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def _api_routes(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    paths = template["Resources"]["HttpApi"]["Properties"]["DefinitionBody"]["paths"]
    return {f"{m.upper()} {p}": op for p, item in paths.items() for m, op in item.items()}


def test_template_writes_need_auth_and_reads_do_not(template: dict[str, Any]) -> None:
    routes = _api_routes(template)
    for key, operation in routes.items():
        integration = operation["x-amazon-apigateway-integration"]
        assert (integration["type"], integration["payloadFormatVersion"]) == ("aws_proxy", "2.0")
        assert "${ApiFunction.Arn}" in integration["uri"]["Fn::Sub"]
        if key.startswith(("POST", "DELETE")):  # the writes, deletion included
            assert operation["security"] == [{"Fn::If": ["UseJwt", {"jwt": []}, {"AWS_IAM": []}]}]
        else:
            assert "security" not in operation


def test_template_routes_match_the_app(template: dict[str, Any]) -> None:
    # Given the routes the app serves (its OpenAPI document plus the docs routes)
    from article_ingest.api.app import app

    spec = json.loads(app.get_openapi_json_schema())
    served = {
        f"{method.upper()} {path.replace('{article_id}', '{id}')}"
        for path, item in spec["paths"].items()
        for method in item
    } | {"GET /openapi.json", "GET /docs"}
    # Then API Gateway routes exactly those to the function, and every other method
    # and path too ($default), so that the function answers 405 / 404 in its format
    routes = set(_api_routes(template))
    assert routes - served == {"X-AMAZON-APIGATEWAY-ANY-METHOD $default"}
    assert served <= routes


def test_template_upload_function_reports_partial_batch_failures(
    template: dict[str, Any],
) -> None:
    upload = template["Resources"]["UploadFunction"]["Properties"]
    sqs = upload["Events"]["Uploads"]["Properties"]
    assert sqs["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    queue = template["Resources"]["IngestQueue"]["Properties"]
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {
        "Fn::GetAtt": "IngestDeadLetterQueue.Arn"
    }
    assert queue["VisibilityTimeout"] >= 6 * upload["Timeout"]


# ------------------------------------------------------------------ operations
# Alarms that reach someone, data that outlives the stack, deploy settings
# (docs/sam.md, "Deploy").


def _of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


def test_template_alarm_topic_emails_alarm_email_only_when_given(
    template: dict[str, Any],
) -> None:
    # Given the AlarmEmail parameter (optional) and the topic's one subscription
    parameter = template["Parameters"]["AlarmEmail"]
    assert parameter["Default"] == ""
    (subscription,) = _of_type(template, "AWS::SNS::Subscription").values()
    # Then it e-mails that address, and exists only when the address is not empty
    assert subscription["Properties"] == {
        "TopicArn": {"Ref": "AlarmTopic"},
        "Protocol": "email",
        "Endpoint": {"Ref": "AlarmEmail"},
    }
    condition = template["Conditions"][subscription["Condition"]]
    assert condition == {"Fn::Not": [{"Fn::Equals": [{"Ref": "AlarmEmail"}, ""]}]}
    pattern = re.compile(parameter["AllowedPattern"])
    assert pattern.fullmatch("") and pattern.fullmatch("ops@example.com")
    assert not pattern.fullmatch("ops example.com")


def test_template_every_alarm_tells_the_topic_when_it_fires_and_clears(
    template: dict[str, Any],
) -> None:
    alarms = _of_type(template, "AWS::CloudWatch::Alarm")
    assert "IngestDeadLetterAlarm" in alarms
    for name, alarm in alarms.items():
        props = alarm["Properties"]
        assert props["AlarmActions"] == [{"Ref": "AlarmTopic"}], name
        assert props["OKActions"] == [{"Ref": "AlarmTopic"}], name
        # Any count above zero fires; no data (nothing happened) is not an alarm
        assert (props["Threshold"], props["ComparisonOperator"]) == (0, "GreaterThanThreshold")
        assert props["TreatMissingData"] == "notBreaching", name


def _alarmed(template: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    """(namespace, metric, dimension, resource) of every alarm on a single dimension."""
    found = set()
    for alarm in _of_type(template, "AWS::CloudWatch::Alarm").values():
        props = alarm["Properties"]
        (dimension,) = props["Dimensions"]
        value = dimension["Value"]
        if isinstance(value, str):  # a literal value (the service name of our metrics)
            resource = value
        else:
            resource = value.get("Ref") or value.get("Fn::GetAtt", "").split(".")[0]
        found.add((props["Namespace"], props["MetricName"], dimension["Name"], resource))
    return found


def test_template_every_function_has_error_and_throttle_alarms(template: dict[str, Any]) -> None:
    functions = _of_type(template, "AWS::Serverless::Function")
    assert {"ApiFunction", "UploadFunction"} <= set(functions)
    alarmed = _alarmed(template)
    for function in functions:
        for metric in ("Errors", "Throttles"):
            assert ("AWS/Lambda", metric, "FunctionName", function) in alarmed


def test_template_failed_announcements_have_an_alarm(template: dict[str, Any]) -> None:
    # Events are best effort: the failures the functions count must reach someone
    alarmed = _alarmed(template)
    assert ("ArticleIngest", "EventsNotPublished", "service", "article-ingest") in alarmed


def test_template_http_api_5xx_has_an_alarm(template: dict[str, Any]) -> None:
    # HTTP APIs publish `5xx` by ApiId (REST APIs' 5XXError by ApiName is another metric)
    assert template["Resources"]["HttpApi"]["Type"] == "AWS::Serverless::HttpApi"
    assert ("AWS/ApiGateway", "5xx", "ApiId", "HttpApi") in _alarmed(template)
    assert (
        "AWS/SQS",
        "ApproximateNumberOfMessagesVisible",
        "QueueName",
        "IngestDeadLetterQueue",
    ) in (_alarmed(template))


def test_template_bucket_and_table_outlive_the_stack(template: dict[str, Any]) -> None:
    for name in ("ArticlesBucket", "ArticlesTable"):
        resource = template["Resources"][name]
        assert resource["DeletionPolicy"] == "Retain", name
        assert resource["UpdateReplacePolicy"] == "Retain", name


def test_template_bucket_expires_noncurrent_versions_and_stale_uploads(
    template: dict[str, Any],
) -> None:
    bucket = template["Resources"]["ArticlesBucket"]["Properties"]
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    rules = {r["Id"]: r for r in bucket["LifecycleConfiguration"]["Rules"]}
    assert all(rule["Status"] == "Enabled" for rule in rules.values())
    # Whole bucket (no Prefix / filter): every overwritten or deleted object expires
    assert not any("Prefix" in rule or "TagFilters" in rule for rule in rules.values())
    noncurrent = rules["ExpireNoncurrentVersions"]
    assert noncurrent["NoncurrentVersionExpiration"] == {
        "NoncurrentDays": {"Ref": "NoncurrentVersionDays"}
    }
    assert noncurrent["ExpiredObjectDeleteMarker"] is True
    # The current versions themselves never expire: articles are kept until deleted
    assert not any("ExpirationInDays" in rule for rule in rules.values())
    days = template["Parameters"]["NoncurrentVersionDays"]
    assert (days["Type"], days["Default"]) == ("Number", 30)
    assert days["MinValue"] >= 1
    multipart = rules["AbortIncompleteMultipartUploads"]["AbortIncompleteMultipartUpload"]
    assert 1 <= multipart["DaysAfterInitiation"] <= 30


def _samconfig() -> dict[str, Any]:
    import tomllib

    with (REPO / "samconfig.toml").open("rb") as f:
        return tomllib.load(f)


def _overrides(text: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in text.split())


@pytest.mark.parametrize("env", ["default", "prod"])
def test_samconfig_deploys_each_stage_as_a_stack_of_its_own(
    template: dict[str, Any], env: str
) -> None:
    # Given samconfig.toml's environment
    config = _samconfig()[env]
    deploy = config["deploy"]["parameters"]
    overrides = _overrides(deploy["parameter_overrides"])
    # Then it sets the stage, names the stack after it, and asks before changing it
    stage = overrides["Stage"]
    assert re.fullmatch(template["Parameters"]["Stage"]["AllowedPattern"], stage)
    assert config["global"]["parameters"]["stack_name"] == f"article-ingest-{stage}"
    assert set(overrides) <= set(template["Parameters"])
    assert f'stage="{stage}"' in deploy["tags"]
    assert deploy["capabilities"] == "CAPABILITY_IAM"
    assert deploy["resolve_s3"] is True and deploy["confirm_changeset"] is True
    assert "region" not in deploy  # the user's profile decides


def test_template_stage_shows_on_the_alarms_and_the_outputs(template: dict[str, Any]) -> None:
    stage = template["Parameters"]["Stage"]
    assert stage["Default"] == "dev"
    for name, alarm in _of_type(template, "AWS::CloudWatch::Alarm").items():
        assert "${Stage}" in alarm["Properties"]["AlarmDescription"]["Fn::Sub"], name
    assert template["Outputs"]["Stage"]["Value"] == {"Ref": "Stage"}
    assert template["Outputs"]["AlarmTopicArn"]["Value"] == {"Ref": "AlarmTopic"}


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("api_post_text.json", "APIGatewayProxyEventV2Model"),
        ("api_post_html.json", "APIGatewayProxyEventV2Model"),
        ("api_post_json.json", "APIGatewayProxyEventV2Model"),
        ("api_post_extract.json", "APIGatewayProxyEventV2Model"),
        ("api_get_article.json", "APIGatewayProxyEventV2Model"),
        ("api_list_articles.json", "APIGatewayProxyEventV2Model"),
        ("s3_put.json", "S3Model"),
        ("sqs_s3_put.json", "S3SqsEventNotificationModel"),
    ],
)
def test_events_have_the_standard_shapes(name: str, model: str) -> None:
    from aws_lambda_powertools.utilities.parser import models

    getattr(models, model).model_validate(load_event(name))


def test_sqs_event_wraps_the_s3_event() -> None:
    body = json.loads(load_event("sqs_s3_put.json")["Records"][0]["body"])
    assert body == load_event("s3_put.json")
