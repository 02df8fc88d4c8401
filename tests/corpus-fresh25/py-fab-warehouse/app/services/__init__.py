"""Domain services shared by views, APIs and CLI commands."""
