"""The terminal UI: it drives a core Session and shows its state."""
