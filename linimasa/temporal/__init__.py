"""Time expressions: grammar compiled from language data, and TIMEX3 normalisation."""
