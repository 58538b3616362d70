-- Chat events acknowledged to a platform and not yet handled (issue 12): stored before the acknowledgement, owned
-- by a replica under a lease it renews, deleted once the event's turn is committed, and claimed by any replica when
-- the lease runs out (its owner died, or the turn failed). Portable like V1.
CREATE TABLE inbox (
    event_key   VARCHAR(200) PRIMARY KEY,
    platform    VARCHAR(40)  NOT NULL,
    fields      TEXT         NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    owner       VARCHAR(100),
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX inbox_by_lease ON inbox (lease_until);
