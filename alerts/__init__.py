"""Saved searches mailed to their followers (issue 15, section 1).

Anyone can follow a search or a case from its page with an e-mail address, no account:
`services.subscribing` asks for a confirmation (double opt-in) and keeps the followers'
choices; `services.sending` (the `send_alerts` command) mails each confirmed follower what
was published since its last mail. What is new is decided by `Publication`, written by a
database trigger in the publishing transaction, and found with the archive's own search
(`minutes.search`). The app reads `minutes`; `minutes` never imports it.
"""
