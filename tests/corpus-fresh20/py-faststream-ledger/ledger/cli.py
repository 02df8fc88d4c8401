import asyncio
from datetime import date, timedelta
from decimal import Decimal

from cement import App, Controller, ex
from cement.core.exc import CaughtSignal

from ledger import __version__
from ledger.auth import OperatorDenied, require_operator
from ledger.config import get_settings
from ledger.db import adjust_balance, balance, create_pool, statement_rows
from ledger.models import to_minor_units
from ledger.sftp import SftpSink, render_csv

CONFIG_DEFAULTS = {"ledger": {"dsn": None, "default_currency": "USD"}}


def run(coro):
    return asyncio.run(coro)


class Base(Controller):
    class Meta:
        label = "base"
        description = "ledgerctl: operator tooling for the ledger service"
        arguments = [(["-v", "--version"], {"action": "version", "version": f"ledgerctl {__version__}"})]

    def _default(self):
        self.app.args.print_help()

    @ex(help="check connectivity to Postgres and Kafka (no account data is read)")
    def doctor(self):
        async def probe():
            pool = await create_pool(self._dsn())
            try:
                return await pool.fetchval("SELECT version()")
            finally:
                await pool.close()

        self.app.log.info(f"postgres: {run(probe())}")
        self.app.log.info(f"kafka bootstrap: {get_settings().kafka_bootstrap}")

    def _dsn(self) -> str:
        return self.app.config.get("ledger", "dsn") or get_settings().database_dsn


class Accounts(Controller):
    class Meta:
        label = "accounts"
        stacked_type = "nested"
        stacked_on = "base"
        description = "inspect and correct account balances"

    def _with_operator(self, role: str, work):
        async def inner():
            pool = await create_pool(self.app.config.get("ledger", "dsn") or get_settings().database_dsn)
            try:
                actor = await require_operator(pool, role)
                return await work(pool, actor)
            finally:
                await pool.close()

        try:
            return run(inner())
        except OperatorDenied as exc:
            self.app.log.error(str(exc))
            self.app.exit_code = 77

    @ex(help="show the balance of an account", arguments=[(["account"], {"help": "account id"})])
    def balance(self):
        async def work(pool, actor):
            return await balance(pool, self.app.pargs.account)

        result = self._with_operator("viewer", work)
        if result:
            minor, currency = result
            self.app.render({"account": self.app.pargs.account, "balance_minor": minor, "currency": currency}, "balance.jinja2")

    @ex(
        help="post a manual balance adjustment",
        arguments=[
            (["account"], {"help": "account id"}),
            (["amount"], {"help": "signed amount, e.g. -12.50"}),
            (["--reason"], {"required": True}),
        ],
    )
    def adjust(self):
        pargs = self.app.pargs

        async def work():
            pool = await create_pool(self.app.config.get("ledger", "dsn") or get_settings().database_dsn)
            try:
                currency = self.app.config.get("ledger", "default_currency")
                delta = to_minor_units(Decimal(pargs.amount), currency)
                await adjust_balance(pool, pargs.account, delta, pargs.reason, actor="ledgerctl")
            finally:
                await pool.close()

        run(work())
        self.app.log.info(f"adjusted {pargs.account} by {pargs.amount}")

    @ex(
        help="export a CSV statement to the bank SFTP drop",
        arguments=[
            (["account"], {"help": "account id"}),
            (["--days"], {"type": int, "default": 30}),
            (["--force"], {"action": "store_true", "help": "replace an existing file for the same period"}),
        ],
    )
    def export(self):
        pargs = self.app.pargs
        until = date.today()
        since = until - timedelta(days=pargs.days)

        async def work(pool, actor):
            rows = await statement_rows(pool, pargs.account, since, until)
            return [dict(r) for r in rows]

        rows = self._with_operator("treasury", work)
        if rows is None:
            return
        sink = SftpSink(get_settings())
        path = sink.upload(render_csv(rows), f"{pargs.account}_{since:%Y%m%d}_{until:%Y%m%d}.csv", overwrite=pargs.force)
        self.app.log.info(f"statement uploaded to {path}")

    @ex(help="reconcile ledger balances against the bank's end-of-day file", arguments=[(["file"], {})])
    def reconcile(self):
        raise NotImplementedError("reconcile")


class LedgerCtl(App):
    class Meta:
        label = "ledgerctl"
        config_defaults = CONFIG_DEFAULTS
        config_files = ["/etc/ledger/ledgerctl.yml", "~/.config/ledger/ledgerctl.yml"]
        config_handler = "yaml"
        extensions = ["yaml", "colorlog", "jinja2"]
        log_handler = "colorlog"
        output_handler = "jinja2"
        template_module = "ledger.templates"
        exit_on_close = True
        handlers = [Base, Accounts]


def main():
    with LedgerCtl() as app:
        try:
            app.run()
        except CaughtSignal as exc:
            app.log.warning(f"interrupted by signal {exc.signum}")
            app.exit_code = 130
