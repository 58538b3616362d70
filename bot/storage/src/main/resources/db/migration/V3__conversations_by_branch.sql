-- Webhooks from GitHub name the pull request's branch; this finds its conversation without a scan.
CREATE INDEX conversations_branch ON conversations (branch);
