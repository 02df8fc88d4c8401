"""Incident desk MCP server."""
