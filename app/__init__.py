"""The application: the composition root and the workflows as Qt-free services (see docs)."""
