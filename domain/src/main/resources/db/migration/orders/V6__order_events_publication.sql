-- The event store as an outbox (saga-choreo with event-sourced orders): an event the orders service
-- publishes is appended with published = FALSE and set TRUE once the broker confirmed it; an event it
-- only stores has published NULL. A flag, not a high-water mark over a global position: an event
-- whose transaction commits after a later one was published stays FALSE until a relay pass sees it.
ALTER TABLE order_events ADD COLUMN published BOOLEAN;

CREATE INDEX order_events_unpublished_idx ON order_events (published, committed_at_ms);
