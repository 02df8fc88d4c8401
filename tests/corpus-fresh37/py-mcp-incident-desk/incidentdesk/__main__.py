from incidentdesk.logging_setup import setup_logging
from incidentdesk.server import mcp, settings


def main() -> None:
    setup_logging(settings.log_level)
    mcp.run(transport="streamable-http")


if __name__ == "__main__":
    main()
