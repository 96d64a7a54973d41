"""Demo content: the centre's real programs from its own reports, plus one example.

Nothing imports this app; it only writes seed data through the other apps' models.
"""
