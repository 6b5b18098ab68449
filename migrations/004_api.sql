-- Indexes for the HTTP API (sitrep serve): filtered, sorted, cursor-paged event lists,
-- full-text search over the quoted sentences, and the sources-health view.
-- Sort keys are expressions so that events with an unknown date or figure still have a place in the order.

CREATE INDEX events_sort_date_idx ON events ((coalesce(date, '-infinity'::date)), id);
CREATE INDEX events_sort_killed_idx ON events ((coalesce(killed, -1)), id);
CREATE INDEX events_sort_injured_idx ON events ((coalesce(injured, -1)), id);
CREATE INDEX events_admin1_sort_date_idx ON events (admin1, (coalesce(date, '-infinity'::date)), id);
CREATE INDEX events_admin2_idx ON events (admin2);
CREATE INDEX events_place_name_idx ON events (lower(place_name));
CREATE INDEX events_place_id_idx ON events (place_id);
CREATE INDEX events_sub_event_type_idx ON events (sub_event_type);
CREATE INDEX events_lat_lon_idx ON events (lat, lon);
CREATE INDEX events_weapons_idx ON events USING gin (weapons);
CREATE INDEX events_targets_idx ON events USING gin (targets);
CREATE INDEX event_sources_quote_fts_idx ON event_sources USING gin (to_tsvector('english', quote));
CREATE INDEX documents_outlet_idx ON documents (outlet);
CREATE INDEX aggregate_reports_period_idx ON aggregate_reports (period_start);
