"""Payment stream processors (faust-streaming)."""
