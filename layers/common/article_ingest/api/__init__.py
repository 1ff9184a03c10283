"""The HTTP API: one Powertools resolver, served by the API Lambda and the local stack."""
