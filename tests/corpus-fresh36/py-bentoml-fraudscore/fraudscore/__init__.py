"""Card-not-present fraud scoring served with BentoML."""
