"""The license authority: the vendor's side (issues codes, signs licenses)."""
