"""Per-document stages, one module each; see linimasa.pipeline for how they are registered and run."""
