"""Expense claims: receipts upload, OCR, approvals and monthly reports."""
