"""Warehouse ETL pipeline."""
