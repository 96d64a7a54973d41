"""Settings live in ``base`` (shared), ``local`` (one machine), ``production`` and ``test``."""
