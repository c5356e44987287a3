"""The Slack transport: a Bolt app around the Slack-free handlers (see docs/slack.md)."""
