"""Custom actions of the assistant: one module per capability (law, dates, deadlines, complaint route, fallback)."""
