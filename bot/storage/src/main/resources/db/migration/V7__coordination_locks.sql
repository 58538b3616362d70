-- Locks in the database, used while Redis is unreachable (issue 12): one row per held lock, with the holder's random
-- token and a lease its holder renews; an expired row may be taken over. Portable like V1.
CREATE TABLE coordination_locks (
    name        VARCHAR(300) PRIMARY KEY,
    token       VARCHAR(64)  NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
