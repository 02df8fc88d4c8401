import getpass
import logging
import sys

from cliff.app import App
from cliff.commandmanager import CommandManager

from payroll import __version__, db

# Commands that move money or change a run's state need a role beyond
# "operator". Read-only commands (run list, payslip show) are open to any
# operator who can reach the payroll database.
PRIVILEGED_COMMANDS = {
    "run start": "payroll_admin",
    "run approve": "payroll_approver",
    "payment reverse": "payroll_admin",
}


class PermissionDenied(Exception):
    pass


class PayrollApp(App):
    def __init__(self):
        super().__init__(
            description="Hollins & Reeve payroll operations",
            version=__version__,
            command_manager=CommandManager("payroll.cli"),
            deferred_help=True,
        )
        self.operator = None
        self.roles: set[str] = set()

    def initialize_app(self, argv):
        self.operator = getpass.getuser()
        self.roles = db.operator_roles(self.operator)
        if "operator" not in self.roles:
            raise PermissionDenied(f"{self.operator} is not a payroll operator")
        self.LOG.debug("operator %s with roles %s", self.operator, sorted(self.roles))

    def prepare_to_run_command(self, cmd):
        needed = PRIVILEGED_COMMANDS.get(cmd.cmd_name)
        if needed and needed not in self.roles:
            raise PermissionDenied(f"'{cmd.cmd_name}' requires the {needed} role")

    def clean_up(self, cmd, result, err):
        if err:
            self.LOG.error("command %s failed: %s", cmd.cmd_name, err)


def main(argv=sys.argv[1:]):
    logging.basicConfig(level=logging.INFO)
    return PayrollApp().run(argv)


if __name__ == "__main__":
    sys.exit(main())
