"""The one place the version lives."""

#: The installed version of newscorpus (the package metadata reads it from here).
__version__ = "0.1.0"
