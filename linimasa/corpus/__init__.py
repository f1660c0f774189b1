"""Cross-document work: linking mentions into events and building the timeline."""
