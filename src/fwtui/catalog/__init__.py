"""The catalog: data files read safely, validated, merged, cross-checked and cached."""
