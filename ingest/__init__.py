"""Ingestion: read -> extract -> resolve -> load."""
