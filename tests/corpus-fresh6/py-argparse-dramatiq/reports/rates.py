"""Currency conversion for multi-currency tenants."""
from decimal import Decimal

SUPPORTED = {"EUR", "USD", "GBP", "CHF"}


def fetch_exchange_rate(base: str, quote: str) -> Decimal:
    if base not in SUPPORTED or quote not in SUPPORTED:
        raise ValueError(f"unsupported currency pair {base}/{quote}")
    # TODO: call the treasury rates service once it has an API
    return Decimal("1.0")


def convert(amount: Decimal, base: str, quote: str) -> Decimal:
    if base == quote:
        return amount
    return (amount * fetch_exchange_rate(base, quote)).quantize(Decimal("0.01"))
