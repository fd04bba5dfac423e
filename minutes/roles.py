"""Who may do what: the clerks' group, created by migration 0002."""

CLERK_GROUP = "Protokollförare"
