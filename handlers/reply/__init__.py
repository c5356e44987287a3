"""Replies: the Reply type, plain-text helpers and the mrkdwn conventions."""
