"""Every write of the alerts: `subscribing` (follow, confirm, change, unsubscribe, delete an
address) and `sending` (the mails of new matches, each with its record and its mark)."""
