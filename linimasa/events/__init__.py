"""Event extraction: PLOVER-typed triggers from per-language lexicons (`[events]` in lang/<code>.toml), the status
each mention has (happened, planned, proposed, conditional, hypothetical, negated) with the cue that decided it,
and its arguments (participants from the entities stage, source of reported speech, location, mode, date)."""
