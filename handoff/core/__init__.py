"""The core: plain Python, never imports Qt (ARCHITECTURE.md rule 1)."""
