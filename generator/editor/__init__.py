"""Help for people who write content: JSON Schemas for their editors and ``bkk-site new`` templates,
both derived from the model."""
