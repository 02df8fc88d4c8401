"""Gross-to-net for monthly salaried staff (simplified PAYE and class 1 NI)."""
from dataclasses import dataclass

PERSONAL_ALLOWANCE = 1_257_000
BASIC_LIMIT = 5_027_000
NI_PRIMARY_THRESHOLD = 1_257_000


@dataclass(frozen=True)
class Payslip:
    gross: int
    tax: int
    ni: int

    @property
    def net(self) -> int:
        return self.gross - self.tax - self.ni


def gross_pay(employee: dict, period: dict, include_bonus: bool) -> int:
    """Monthly gross in pence; the annual bonus is paid in the period flagged for it."""
    return employee["annual_salary_pence"] // 12


def income_tax(monthly_gross: int) -> int:
    annual = monthly_gross * 12
    taxable = max(0, annual - PERSONAL_ALLOWANCE)
    basic = min(taxable, BASIC_LIMIT - PERSONAL_ALLOWANCE)
    higher = max(0, taxable - basic)
    return (basic * 20 // 100 + higher * 40 // 100) // 12


def national_insurance(monthly_gross: int) -> int:
    monthly_threshold = NI_PRIMARY_THRESHOLD // 12
    return max(0, monthly_gross - monthly_threshold) * 8 // 100


def compute(employee: dict, period: dict, include_bonus: bool = False) -> Payslip:
    gross = gross_pay(employee, period, include_bonus)
    return Payslip(gross=gross, tax=income_tax(gross), ni=national_insurance(gross))
