-- The web pages' sessions (issue 17). Portable like V1: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
-- Never the cookie, only its SHA-256 in hex; every replica reads the same rows, so a sign-out holds everywhere.
CREATE TABLE web_sessions (
    session_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    login        VARCHAR(255)             NOT NULL,
    name         VARCHAR(255)             NOT NULL,
    provider     VARCHAR(20)              NOT NULL,
    csrf         VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_sessions_expiry_idx ON web_sessions (expires_at);
