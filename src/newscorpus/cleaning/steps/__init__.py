"""The built-in cleaning steps, one module each, registered in :data:`newscorpus.registry.cleaners`."""
