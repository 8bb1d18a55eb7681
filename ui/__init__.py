"""The application: Qt widgets and the composition root (paths, settings, logging, CLI, demo shop)."""
