"""Data files shipped with newscorpus: phrase lists by role and language."""
