-- Chat events handled, by platform and event id: a redelivered event (a Slack retry, a second replica's copy) is
-- handled once even when the coordination store has forgotten it. Portable like V1.
CREATE TABLE inbound_events (
    event_key   VARCHAR(200) PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
