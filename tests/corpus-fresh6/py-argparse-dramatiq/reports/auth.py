import functools
import os
import sys

from reports import config


def requires_operator(func):
    """Refuse to run a CLI command unless REPORTS_OPERATOR_TOKEN is presented."""

    @functools.wraps(func)
    def wrapper(args):
        presented = args.token or os.environ.get("REPORTCTL_TOKEN", "")
        if not config.OPERATOR_TOKEN or presented != config.OPERATOR_TOKEN:
            print("reportctl: operator token required for this command", file=sys.stderr)
            return 2
        return func(args)

    return wrapper
