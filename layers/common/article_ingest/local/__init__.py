"""The local stack: AWS stand-ins (moto) provisioned from template.yaml, and the
HTTP front that serves the Lambda handlers like API Gateway would."""
