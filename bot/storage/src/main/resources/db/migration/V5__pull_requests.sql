-- The pull requests the bot opened, by the repository they were opened in (owner/name in lower case, as GitHub
-- compares names) and their number: how a webhook finds its conversation. A fork's pull request may carry a head
-- branch with the bot's branch name, but never the bot's number in the bot's repository. Portable like V1.
CREATE TABLE pull_requests (
    repo            VARCHAR(255)             NOT NULL,
    pr_number       INTEGER                  NOT NULL,
    conversation_id VARCHAR(40)              NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (repo, pr_number)
);
